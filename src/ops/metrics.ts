/**
 * The bot's numbers for monitors, in the Prometheus text format (prom-client, on a registry of its
 * own): messages handled, replies sent, send failures, reconnects, watchdog resets, seconds since
 * the last event, reports stored, data size, and Node's process metrics.
 */
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client'

export interface MetricSources {
  /** Seconds since the service last sent an event; null before the first. */
  secondsSinceLastEvent(): number | null
  /** Reports stored (all months). */
  reportsStored(): number
  /** Bytes of data files under DATA_DIR; null without a data folder. */
  dataBytes(): Promise<number | null>
}

export class Metrics {
  readonly registry = new Registry()
  readonly messagesHandled = new Counter({
    name: 'gqf_messages_handled_total',
    help: 'Messages from WeChat the bot handled (own messages, replays and other rooms excluded).',
    registers: [this.registry],
  })
  readonly repliesSent = new Counter({
    name: 'gqf_replies_sent_total',
    help: 'Replies and notices handed to WeChat successfully.',
    registers: [this.registry],
  })
  readonly sendFailures = new Counter({
    name: 'gqf_send_failures_total',
    help: 'Replies and notices WeChat did not take (after retries), or files too large to send.',
    registers: [this.registry],
  })
  readonly reconnects = new Counter({
    name: 'gqf_reconnects_total',
    help: 'Times the connection to the puppet service was lost and restored.',
    registers: [this.registry],
  })
  readonly watchdogResets = new Counter({
    name: 'gqf_watchdog_resets_total',
    help: 'Times the watchdog found the event stream silent and reset the connection.',
    registers: [this.registry],
  })

  constructor(sources: MetricSources, options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry]
    new Gauge({
      name: 'gqf_seconds_since_last_event',
      help: 'Seconds since the puppet service last sent an event (heartbeats excluded); -1 before the first.',
      registers,
      collect() {
        this.set(sources.secondsSinceLastEvent() ?? -1)
      },
    })
    new Gauge({
      name: 'gqf_reports_stored',
      help: 'Reports stored, all months.',
      registers,
      collect() {
        this.set(sources.reportsStored())
      },
    })
    new Gauge({
      name: 'gqf_data_bytes',
      help: 'Size of the data files under DATA_DIR (backups excluded), in bytes.',
      registers,
      async collect() {
        this.set((await sources.dataBytes()) ?? 0)
      },
    })
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry })
  }

  /** The exposition text for GET /metrics. */
  text(): Promise<string> {
    return this.registry.metrics()
  }

  get contentType(): string {
    return this.registry.contentType
  }
}
