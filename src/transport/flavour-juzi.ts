/**
 * Juzi's fork of the puppet-service client (@juzi/wechaty-puppet-service), for WorkPro (企业微信)
 * tokens `puppet_workpro_…`. Imported only when WECHATY_PUPPET chooses it (src/transport/flavour.ts).
 *
 * - TLS is off: WorkPro requires it.
 * - Its logger (`log` of @juzi/wechaty-puppet) prints every outgoing text at INFO; the composition
 *   root routes it through our redaction with INFO shown only at verbose (`textsAtInfo`).
 * - Its upload starts with an empty request before the first chunk; open-source servers (vanilla and
 *   Juzi's own PuppetServer) answer that with NOCHUNK. The first NOCHUNK switches this client to an
 *   upload without the empty request, and the send is tried once more.
 */
import type { Readable, Writable } from 'node:stream'
import { PuppetService, log as juziLog } from '@juzi/wechaty-puppet-service'
import { chunkEncoder, puppet as grpcPuppet } from '@juzi/wechaty-grpc'
import { types as juziTypes } from '@juzi/wechaty-puppet'
import { types } from 'wechaty-puppet'
import type { Logger } from '../logger.js'
import { enumValues, eventNames, type ClientOptions, type Flavour } from './flavour.js'

/** The upload stub as the client's gRPC object has it. */
interface UploadClient {
  upload(callback: (err: Error | null, response: { getId(): string }) => void): Writable
}

/** The parts of Juzi's client the fallback reaches (protected in its typings). */
interface JuziInternals {
  FileBoxUuid: { setUuidSaver(saver: (stream: Readable) => Promise<string>): void }
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

/** After the server refuses the empty first chunk once, uploads go without it. */
export function handleNoChunk(puppet: object, logger: Logger): void {
  const p = puppet as unknown as JuziInternals
  const send = p.messageSendFile.bind(puppet)
  let switched = false
  p.messageSendFile = async (conversationId, file) => {
    try {
      return await send(conversationId, file)
    } catch (e) {
      if (switched || !/NOCHUNK/.test(e instanceof Error ? e.message : String(e))) throw e
      switched = true
      logger.warn('puppet service refused the empty first upload chunk (NOCHUNK); uploading without it')
      p.FileBoxUuid.setUuidSaver(uploadWithoutEmptyChunk(() => p.grpcManager.client))
      return send(conversationId, file)
    }
  }
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
      handleNoChunk(puppet, logger)
      return puppet
    },
  }
}
