/**
 * The order the pipeline keeps while it handles messages concurrently (taken at arrival, before
 * any I/O):
 * - per person: a message is handled once the sender's previous message is (a share, then its
 *   #上报, pair);
 * - per conversation: replies are handed to the outbox in the order the messages arrived, and a
 *   handler's reads after its own write wait until every earlier message of the conversation is
 *   handled (storage/commit-turn.ts), so receipt figures never go backwards.
 * Different people's messages run side by side, so their writes share a disk write.
 */

interface Deferred {
  promise: Promise<void>
  resolve: () => void
}

function deferred(): Deferred {
  let resolve: () => void = () => undefined
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

/** One message's place in its person's and its conversation's order. */
export interface Turn {
  /** Resolves when the sender's previous message is handled. */
  person: Promise<void>
  /** Resolves when every earlier message of the conversation is handled. */
  earlierHandled: Promise<void>
  /** Resolves when every earlier message of the conversation has handed its replies to the outbox. */
  earlierReleased: Promise<void>
  /** This message is handled (its replies are known). Idempotent. */
  handled(): void
  /** This message's replies are with the outbox, or it has none. Idempotent; implies handled. */
  released(): void
}

const DONE = Promise.resolve()

export class MessageOrder {
  /** Per person: resolves when their last message so far is handled. */
  private readonly persons = new Map<string, Promise<void>>()
  /** Per conversation: resolves when every message so far is handled / released. */
  private readonly handledTail = new Map<string, Promise<void>>()
  private readonly releasedTail = new Map<string, Promise<void>>()

  take(conversation: string, person: string): Turn {
    const handled = deferred()
    const released = deferred()
    const personBefore = this.persons.get(person) ?? DONE
    const handledBefore = this.handledTail.get(conversation) ?? DONE
    const releasedBefore = this.releasedTail.get(conversation) ?? DONE
    this.append(this.persons, person, handled.promise)
    this.append(
      this.handledTail,
      conversation,
      Promise.all([handledBefore, handled.promise]).then(() => {}),
    )
    this.append(
      this.releasedTail,
      conversation,
      Promise.all([releasedBefore, released.promise]).then(() => {}),
    )
    return {
      person: personBefore,
      earlierHandled: handledBefore,
      earlierReleased: releasedBefore,
      handled: handled.resolve,
      released() {
        handled.resolve()
        released.resolve()
      },
    }
  }

  /** Makes `tail` the key's last promise; forgets the key once it settles and nothing came after. */
  private append(map: Map<string, Promise<void>>, key: string, tail: Promise<void>): void {
    map.set(key, tail)
    void tail.then(() => {
      if (map.get(key) === tail) map.delete(key)
    })
  }

  /** Conversations and people with messages still in order (tests). */
  size(): number {
    return this.persons.size + this.handledTail.size + this.releasedTail.size
  }
}
