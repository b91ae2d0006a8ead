import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FileBox } from 'file-box'
import { describe, expect, it } from 'vitest'
import { mock } from 'wechaty-puppet-mock'
import {
  isConsoleId,
  contactId,
  mentionsIn,
  onMockMessage,
  saveSentFile,
} from '../../src/console/console-group.js'
import { LinkServingPuppetMock } from '../../src/console/mock-messages.js'

describe('@名字 typed in the console group', () => {
  it('becomes a mention of a room member, written as WeChat writes it (the original input)', () => {
    expect(mentionsIn('#任命 组长 @钱进 第二组', ['张三', '钱进'])).toEqual({
      text: '#任命 组长 @钱进\u2005第二组',
      names: ['钱进'],
      unknown: [],
    })
  })

  it('takes the longest member name and leaves unknown @words as text', () => {
    expect(mentionsIn('@张三丰 @张三 @王五 你好', ['张三', '张三丰'])).toEqual({
      text: '@张三丰\u2005@张三\u2005@王五 你好',
      names: ['张三丰', '张三'],
      unknown: ['王五'],
    })
    expect(mentionsIn('@张三第二组', ['张三']).text).toBe('@张三\u2005第二组')
    expect(mentionsIn('邮箱 a@b.cn', ['张三']).names).toEqual([])
  })
})

describe('console contact ids', () => {
  it('are stable per name and recognisable, the bot’s own excepted', () => {
    expect(contactId('张三')).toBe(contactId('张三'))
    expect(isConsoleId(contactId('张三'))).toBe(true)
    expect(isConsoleId('console-bot')).toBe(false)
    expect(isConsoleId('wxid_abc')).toBe(false)
  })
})

describe('a file the bot sends in the console group', () => {
  it('is saved under the folder with its name, without overwriting an earlier one', async () => {
    const mocker = new mock.Mocker()
    const puppet = new LinkServingPuppetMock({ mocker })
    const bot = mocker.createContact({ id: 'console-bot', name: '助手' })
    const room = mocker.createRoom({ id: 'r@chatroom', topic: 't', memberIdList: [bot.id] })
    await puppet.start()
    mocker.login(bot)
    const ids: string[] = []
    onMockMessage(room, (m) => ids.push(m.payload.id ?? ''))
    const data = Buffer.from('PK\u0003\u0004 excel bytes')
    // As src/transport/wechaty-sender.ts sends an OutgoingFile.
    await puppet.messageSendFile(room.id, FileBox.fromBase64(data.toString('base64'), '11月汇总.xlsx'))
    await puppet.messageSendFile(room.id, FileBox.fromBase64(data.toString('base64'), '11月汇总.xlsx'))
    await puppet.messageSendText(room.id, '文字')
    expect(ids).toHaveLength(3)
    const dir = mkdtempSync(join(tmpdir(), 'gqf-files-'))
    const first = await saveSentFile(mocker, ids[0]!, dir)
    const second = await saveSentFile(mocker, ids[1]!, dir)
    expect(first).toEqual({ name: '11月汇总.xlsx', path: join(dir, '11月汇总.xlsx') })
    expect(second).toEqual({ name: '11月汇总.xlsx', path: join(dir, '11月汇总-2.xlsx') })
    expect(readFileSync(first!.path)).toEqual(data)
    expect(await saveSentFile(mocker, ids[2]!, dir)).toBeNull()
    await puppet.stop()
  })
})
