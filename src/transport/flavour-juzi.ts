/**
 * Juzi's fork of the puppet-service client (@juzi/wechaty-puppet-service), for WorkPro (企业微信)
 * tokens `puppet_workpro_…`. Imported only when WECHATY_PUPPET chooses it (src/transport/flavour.ts).
 *
 * - TLS is off: WorkPro requires it.
 * - Its logger (`log` of @juzi/wechaty-puppet) prints every outgoing text at INFO; the composition
 *   root routes it through our redaction with INFO shown only at verbose (`textsAtInfo`).
 * - Its upload starts with an empty request before the first chunk (WorkPro's own protocol).
 *   Open-source servers refuse it with NOCHUNK; Juzi's open-source PuppetServer even dies of it (an
 *   unhandled rejection in the server process, seen offline). So only with a WorkPro token
 *   (`puppet_workpro_…`) does the client upload as Juzi wrote it, and even then a NOCHUNK answer
 *   switches it to the plain upload and the file is sent once more; with any other token (a
 *   self-hosted Juzi or vanilla server, a gateway) it uploads the plain way from the start.
 */
import type { Readable, Writable } from 'node:stream'
import type { FileBox } from 'file-box'
import { PuppetService, log as juziLog } from '@juzi/wechaty-puppet-service'
import { chunkEncoder, puppet as grpcPuppet } from '@juzi/wechaty-grpc'
import { types as juziTypes } from '@juzi/wechaty-puppet'
import { types } from 'wechaty-puppet'
import type { Logger } from '../logger.js'
import { enumValues, eventNames, type ClientOptions, type Flavour } from './flavour.js'
import { retryOnNoChunk } from './no-chunk.js'

/** The upload stub as the client's gRPC object has it. */
interface UploadClient {
  upload(callback: (err: Error | null, response: { getId(): string }) => void): Writable
}

/** The parts of Juzi's client the fallback reaches (protected in its typings). */
interface JuziInternals {
  FileBoxUuid: typeof FileBox
  grpcManager: { client: UploadClient }
  messageSendFile(conversationId: string, file: unknown): Promise<unknown>
}

/** Uploads a stream as chunks, without the empty first request. */
function uploadWithoutEmptyChunk(client: () => UploadClient) {
  return (stream: Readable) =>
    new Promise<string>((resolve, reject) => {
      const request = client().upload((err, response) => (err ? reject(err) : resolve(response.getId())))
      stream.on('error', reject)
      stream.pipe(chunkEncoder(grpcPuppet.UploadRequest)).pipe(request)
    })
}

/** WorkPro's tokens: the service that expects Juzi's upload with its empty first request. */
export const isWorkProToken = (token: string | undefined) => !!token?.startsWith('puppet_workpro_')

/**
 * Plain uploads (no empty first request) unless `emptyFirstChunk`; then the first NOCHUNK answer
 * switches to them and the send is tried once more.
 */
export function handleNoChunk(puppet: object, logger: Logger, emptyFirstChunk: boolean): void {
  const p = puppet as unknown as JuziInternals
  // A saver can be set once per class: a subclass of the client's FileBox class (which keeps its
  // download loader) carries the plain one.
  const plain = () => {
    const PlainUpload = class extends p.FileBoxUuid {}
    PlainUpload.setUuidSaver(uploadWithoutEmptyChunk(() => p.grpcManager.client))
    p.FileBoxUuid = PlainUpload
  }
  if (!emptyFirstChunk) {
    plain()
    return
  }
  p.messageSendFile = retryOnNoChunk(p.messageSendFile.bind(puppet), plain, logger)
}

export function juziFlavour(): Flavour {
  return {
    name: '@juzi/wechaty-puppet-service',
    protocol: {
      eventNames: eventNames(grpcPuppet.EventType as unknown as Record<string, number>),
      dirtyTypes: enumValues(juziTypes.Dirty),
      // What the vanilla Wechaty on top understands; Juzi's further types are read as Unknown.
      messageTypes: enumValues(types.Message),
    },
    loggers: [juziLog],
    textsAtInfo: true,
    createPuppet(o: ClientOptions, logger: Logger) {
      const puppet = new PuppetService({ token: o.token, endpoint: o.endpoint, tls: { disable: true } })
      handleNoChunk(puppet, logger, isWorkProToken(o.token))
      return puppet
    },
  }
}
