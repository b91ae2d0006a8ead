/** IPC between the benchmark (parent, where the bot runs) and the mock world (bench/world-child.ts). */
export type WorldRequest =
  | { cmd: 'people'; reqId: number; keys: string[] }
  | { cmd: 'say'; reqId: number; who: string; text: string }
  /** Everyone says their text at once; with `awaitRoom`, also tells when the room has that many more bot messages. */
  | { cmd: 'burst'; reqId: number; keys: string[]; texts: string[]; awaitRoom?: number }
  | { cmd: 'count'; reqId: number }
  /** The room's texts from the bot, from index `from` on. */
  | { cmd: 'texts'; reqId: number; from: number }
  | { cmd: 'stop'; reqId: number }

export type WorldEvent =
  | { type: 'ready'; endpoint: string; token: string }
  | { type: 'done'; reqId: number }
  | { type: 'replied'; reqId: number; ms: number }
  | { type: 'sent'; reqId: number }
  | { type: 'room-reached'; reqId: number }
  | { type: 'count'; reqId: number; room: number }
  | { type: 'texts'; reqId: number; texts: string[] }
