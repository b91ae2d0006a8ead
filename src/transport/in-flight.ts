import type { Logger } from '../logger.js'

/**
 * Work started by an event and not awaited by its emitter (handlers, deliveries): an error is logged
 * (one error boundary), never thrown into Wechaty; `settled()` waits for all of it, including work
 * started while waiting.
 */
export class InFlight {
  private readonly pending = new Set<Promise<void>>()

  constructor(private readonly logger: Logger) {}

  track(p: Promise<void>): void {
    const wrapped = p.catch((error: unknown) => this.logger.error('event handler failed', { error }))
    this.pending.add(wrapped)
    void wrapped.finally(() => this.pending.delete(wrapped))
  }

  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending])
  }
}
