import { M } from '../messages/zh.js'
import type { AnyCommand, CommandRegistryView } from './types.js'

/** Holds the commands; duplicate names or aliases stop the start. */
export class CommandRegistry implements CommandRegistryView {
  private readonly byWord = new Map<string, AnyCommand>()
  private readonly list: AnyCommand[] = []

  constructor(commands: readonly AnyCommand[]) {
    for (const cmd of commands) {
      for (const word of [cmd.name, ...cmd.aliases]) {
        const key = word.normalize('NFKC').toLowerCase()
        const taken = this.byWord.get(key)
        if (taken) throw new Error(M.duplicateCommand(word, taken.name, cmd.name))
        this.byWord.set(key, cmd)
      }
      this.list.push(cmd)
    }
  }

  all(): readonly AnyCommand[] {
    return this.list
  }

  find(word: string): AnyCommand | undefined {
    return this.byWord.get(
      word
        .normalize('NFKC')
        .replace(/^[#＃]/, '')
        .toLowerCase(),
    )
  }

  /** The command name closest to a mistyped word, when one is close enough. */
  suggest(word: string): string | undefined {
    const w = [...word]
    let best: { name: string; score: number } | undefined
    for (const [key, cmd] of this.byWord) {
      const k = [...key]
      const shared = w.filter((ch) => k.includes(ch)).length
      const score = shared / Math.max(w.length, k.length)
      if (score >= 0.5 && (!best || score > best.score)) best = { name: cmd.name, score }
    }
    return best?.name
  }
}
