/** Remembers the last `capacity` message ids, so a message delivered twice is handled once. */
export class SeenIds {
  private readonly set = new Set<string>()
  constructor(private readonly capacity = 10_000) {}

  /** True the first time an id is offered, false after. */
  add(id: string): boolean {
    if (this.set.has(id)) return false
    this.set.add(id)
    if (this.set.size > this.capacity) {
      const oldest = this.set.values().next().value
      if (oldest !== undefined) this.set.delete(oldest)
    }
    return true
  }
}
