/**
 * The order in which concurrent handlers see each other's writes. The message pipeline runs each
 * handler inside `withCommitTurn(turn, …)`, where `turn` resolves once every message that arrived
 * before it in its conversation has been handled. `JsonFileStore.update` waits for that turn after
 * its own write is on disk, before the handler goes on (and reads what it answers with). So what a
 * handler reads after writing includes everything earlier messages of its conversation wrote, and
 * figures in its reply (全市已报 N/30) never fall below those in the replies before it.
 * Outside a handler (jobs, tests calling the store) there is no turn and nothing waits.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

export type CommitTurn = () => Promise<void>

const turns = new AsyncLocalStorage<CommitTurn>()

/** Runs `fn` (and everything it starts) with `turn` as the wait after each durable write. */
export function withCommitTurn<T>(turn: CommitTurn, fn: () => T): T {
  return turns.run(turn, fn)
}

/** The turn of the handler running now, if any. */
export function currentCommitTurn(): CommitTurn | undefined {
  return turns.getStore()
}
