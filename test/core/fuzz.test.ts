/**
 * 10,000 fuzzed messages through handle(): nothing throws, nothing that is not a command changes
 * the store, every command (however malformed) is answered, and nothing echoes a long input back.
 */
import { describe, expect, it } from 'vitest'
import { makeCore } from '../support/core.js'
import { ARGS, CHATTER, COMMAND_WORDS, rng, storeSnapshot } from '../support/fuzz.js'
import { COMMANDS } from '../../commands/index.js'

/** Everything the store holds, every store included. */
const snapshot = (t: Awaited<ReturnType<typeof makeCore>>) =>
  storeSnapshot(t.repo, t.core.deps.reminderDefaults)

describe('10,000 fuzzed messages', () => {
  it('never crash, never change the store unless a command, always answer a command', async () => {
    const t = await makeCore()
    await t.repo.ensureAdminCode('FUZZ10K-ADMIN', new Date())
    await t.ask('admin', '#注册 王强 市总工会')
    await t.ask('admin', '#认证管理员 FUZZ10K-ADMIN')
    await t.ask('u1', '#注册 张三 日新街道 妇联')
    const next = rng(20261125)
    const pick = next.pick
    const used = new Set<string>()
    const senders = ['admin', 'u1', 'u2', 'stranger']
    let commands = 0
    let chatter = 0
    const unanswered: string[] = []
    const changed: string[] = []
    const echoed: string[] = []
    for (let i = 0; i < 10_000; i++) {
      const isCommand = next() < 0.6
      const word = pick(COMMAND_WORDS)
      if (isCommand) used.add(word)
      const text = isCommand
        ? `${pick(['#', '＃', '# ', '#'])}${word}${next() < 0.2 ? pick(ARGS) : ''} ${Array.from(
            { length: Math.floor(next() * 4) },
            () => pick(ARGS),
          ).join(pick([' ', '\u3000', '']))}`
        : `${pick(CHATTER)}${next() < 0.3 ? pick(ARGS).replace(/^[#＃]/, '') : ''}`
      const sender = pick(senders)
      const before = isCommand ? '' : snapshot(t)
      const replies = await t.core.handle(t.incoming(sender, text, { mentionSelf: false, mentions: [] }))
      if (isCommand) {
        commands++
        if (replies.length === 0) unanswered.push(text.slice(0, 40))
      } else {
        chatter++
        if (replies.length > 0 || snapshot(t) !== before) changed.push(text.slice(0, 40))
      }
      for (const r of replies) if (r.text.includes('啊'.repeat(30))) echoed.push(text.slice(0, 40))
    }
    expect(t.logger.lines.filter((l) => l.includes('handler failed'))).toEqual([])
    expect(unanswered).toEqual([])
    expect(changed).toEqual([])
    expect(echoed).toEqual([])
    expect(commands).toBeGreaterThan(5000)
    // Every command of the registry was tried, by its name or an alias.
    expect(
      COMMANDS.filter((c) => ![c.name, ...c.aliases].some((w) => used.has(w))).map((c) => c.name),
    ).toEqual([])
    expect(chatter).toBeGreaterThan(3000)
    // Every command runs, files and pictures included: the timeout is a safety net for a loaded
    // machine, not a speed target (those live in npm run bench).
  }, 300_000)
})
