import { CORE } from '../messages/core.js'
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
        if (taken) throw new Error(CORE.duplicateCommand(word, taken.name, cmd.name))
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
    return this.suggestions(word, 1)[0]
  }

  /** Up to `n` command names closest to a mistyped word, closest first, each once. */
  suggestions(word: string, n = 3): string[] {
    const w = [...word.normalize('NFKC').toLowerCase()]
    const best = new Map<string, number>()
    for (const [key, cmd] of this.byWord) {
      const k = [...key]
      const shared = w.filter((ch) => k.includes(ch)).length
      const base = shared / Math.max(w.length, k.length)
      // Ties go to the word that also starts the same and has its characters in the same places.
      const placed = w.filter((ch, i) => k[i] === ch).length / (10 * Math.max(w.length, k.length))
      const score = base + placed + (w[0] === k[0] ? 0.05 : 0)
      if (base >= 0.5 && score > (best.get(cmd.name) ?? 0)) best.set(cmd.name, score)
    }
    return [...best]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name]) => name)
  }

  /**
   * The command whose name or alias is the longest beginning of a word typed without a space
   * (#上报望海社区又一篇 → 上报 + 望海社区又一篇; #提醒设置暂停 → 提醒设置, not 提醒).
   */
  longestPrefix(word: string): { cmd: AnyCommand; rest: string } | undefined {
    const w = word.normalize('NFKC')
    const lower = w.toLowerCase()
    let best: { cmd: AnyCommand; length: number } | undefined
    for (const [key, cmd] of this.byWord) {
      const length = [...key].length
      if (length < 2 || key.length >= lower.length || !lower.startsWith(key)) continue
      if (!best || length > best.length) best = { cmd, length: key.length }
    }
    return best && { cmd: best.cmd, rest: w.slice(best.length) }
  }
}
