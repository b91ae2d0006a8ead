/**
 * Messages as WeChat delivers them, injected into a wechaty-puppet-mock world: text, shared
 * articles, files and photos at a chosen time. The console group and the tests both use it.
 */
import { FileBox } from 'file-box'
import { types } from 'wechaty'
import { PuppetMock } from 'wechaty-puppet-mock'

export type LinkPayload = { title: string; url: string; description: string }

/** The mock answers every shared link with a fixed title; this one serves what was shared. */
export class LinkServingPuppetMock extends PuppetMock {
  readonly links = new Map<string, LinkPayload>()
  override async messageUrl(messageId: string) {
    return this.links.get(messageId) ?? super.messageUrl(messageId)
  }
}

export type Posted =
  { text: string } | { link: LinkPayload } | { file: { name: string; data: Buffer; image?: boolean } }

/** Puts a message into the room and announces it, as the puppet would; returns its id. */
export function postMessage(
  puppet: LinkServingPuppetMock,
  m: { id: string; talkerId: string; roomId: string; at: Date; what: Posted },
): string {
  const { mocker } = puppet
  let type = types.Message.Text
  let text: string | undefined
  if ('text' in m.what) text = m.what.text
  else if ('link' in m.what) {
    type = types.Message.Url
    puppet.links.set(m.id, m.what.link)
  } else {
    const { name, data, image } = m.what.file
    type = image ? types.Message.Image : types.Message.Attachment
    mocker.cacheFileBoxPayload.set(m.id, FileBox.fromBase64(data.toString('base64'), name).toJSON())
  }
  mocker.MessageMock.create({
    id: m.id,
    talkerId: m.talkerId,
    roomId: m.roomId,
    text,
    timestamp: m.at.getTime(),
    type,
    mentionIdList: [],
  })
  puppet.emit('message', { messageId: m.id })
  return m.id
}
