/** The open-source puppet-service client (wechaty-puppet-service). */
import { PuppetService } from 'wechaty-puppet-service'
import { puppet as grpcPuppet } from 'wechaty-grpc'
import { types } from 'wechaty-puppet'
import { enumValues, eventNames, type Flavour } from './flavour.js'

export function vanillaFlavour(): Flavour {
  return {
    name: 'wechaty-puppet-service',
    protocol: {
      eventNames: eventNames(grpcPuppet.EventType as unknown as Record<string, number>),
      dirtyTypes: enumValues(types.Dirty),
      messageTypes: enumValues(types.Message),
    },
    // wechaty-puppet-service logs through wechaty-puppet's instance, which routeWechatyLog covers.
    loggers: [],
    textsAtInfo: false,
    createPuppet: (o) =>
      new PuppetService({ token: o.token, endpoint: o.endpoint, tls: { disable: o.noTls } }),
  }
}
