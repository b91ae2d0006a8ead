/**
 * wechaty-puppet-service 1.19's PuppetServer calls `grpcServer.start()` after `bindAsync`; since
 * @grpc/grpc-js 1.10 `bindAsync` already serves and `start()` only prints
 * "DeprecationWarning: Calling start() is no longer necessary" (once per test worker). This server
 * is the same, without that call.
 */
import { PuppetServer, type PuppetServerOptions } from 'wechaty-puppet-service'

type Startable = { start: () => void }

export class ServingPuppetServer extends PuppetServer {
  constructor(options: PuppetServerOptions) {
    super(options)
    let server: Startable | undefined
    // The base class creates its gRPC server in start(); the one it creates starts on bindAsync.
    Object.defineProperty(this, 'grpcServer', {
      configurable: true,
      get: () => server,
      set: (s: Startable | undefined) => {
        if (s) s.start = () => undefined
        server = s
      },
    })
  }
}
