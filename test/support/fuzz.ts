/**
 * What the fuzz tests share: a replayable generator, the command words from the registry (every
 * name and alias, so a new command is fuzzed without anyone copying its name here), pieces of
 * arguments, chatter, and a snapshot of every store a message could change.
 */
import { COMMANDS } from '../../commands/index.js'
import type { Repository } from '../../src/core/ports.js'
import type { ReminderSettings } from '../../src/domain/reminders.js'

/** A small deterministic generator, so a failure can be replayed from its seed. */
export function rng(seed: number) {
  let s = seed >>> 0
  const next = () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!
  return Object.assign(next, { pick })
}

/** Every command word the bot knows: each command's name and aliases, from the registry. */
export const COMMAND_WORDS: readonly string[] = [...new Set(COMMANDS.flatMap((c) => [c.name, ...c.aliases]))]

/** Arguments people type, right and wrong, and text that has broken parsers elsewhere. */
export const ARGS: readonly string[] = [
  '张三',
  '日新街道',
  '西岗区',
  '大连市',
  '医大一院',
  '工会',
  '团委',
  '妇联',
  '2026-10',
  '2026-13',
  '2027',
  '99999999999',
  '-1',
  '第一组',
  '组长',
  '联络员',
  '管理员',
  '12',
  '0',
  '暂停',
  '恢复',
  '时间',
  '25:99',
  '09:30',
  '上半年',
  '「带 空格」',
  '“引号',
  '：',
  ':',
  '"',
  '😀',
  '🇨🇳',
  '\ud800',
  '\u0000',
  '\u3000',
  '\u2005',
  '\n',
  '\t',
  'x'.repeat(500),
  '啊'.repeat(3000),
  'https://example.org',
  '@某人',
  '@',
  '#',
  '＃',
]

/** Group talk that is not a command: the bot stays silent and changes nothing. */
export const CHATTER: readonly string[] = [
  '大家好',
  '收到',
  '好的👍',
  '今天开会',
  '1',
  '[图片]',
  '明天几点？',
  '不是开头 #',
  '不是命令 #上报',
  ' ',
  '@张三 你好',
]

/** Everything the store holds that a message may change: every store, records, audit and lockouts included. */
export function storeSnapshot(repo: Repository, reminderDefaults: ReminderSettings): string {
  const r = repo.records
  return JSON.stringify({
    members: repo.members(),
    roles: repo.roleHolders(),
    room: repo.room(),
    reports: repo.reports.all(),
    roster: repo.rosterHistory.history(),
    holidays: repo.holidays.years(),
    imports: repo.imports.batches(),
    reminders: repo.reminders.settings(reminderDefaults),
    records: [
      r.six(),
      r.projects(),
      r.plans(),
      r.guidance(),
      r.kinds(),
      r.recommendations(),
      r.scores(),
      r.assessmentOverride(),
    ],
    audit: repo.audit.entries(),
    lockouts: repo.lockouts.attempts(),
  })
}
