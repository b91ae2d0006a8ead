/**
 * 10,000 fuzzed messages through handle(): nothing throws, nothing that is not a command changes
 * the store, every command (however malformed) is answered, and nothing echoes a long input back.
 */
import { describe, expect, it } from 'vitest'
import { makeCore } from '../support/core.js'

function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const WORDS = [
  '注册',
  '上报',
  '补报',
  '代报',
  '撤回',
  '统计',
  '未报',
  '进度',
  '汇总',
  '提醒',
  '提醒设置',
  '任命',
  '免职',
  '帮助',
  '单位',
  '示范点',
  '认证管理员',
  '退出示范点',
  '恢复示范点',
  '状态',
  '节假日',
  '六有',
  '项目',
  '计划',
  '指导',
  '类别',
  '考核',
  '评分',
  '推荐',
  '汇编',
  '未注册',
  '角色',
  '我的信息',
  '审计',
]
const ARGS = [
  '张三',
  '日新街道',
  '西岗区',
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
  '#',
  '＃',
]
const CHATTER = [
  '大家好',
  '收到',
  '好的👍',
  '今天开会',
  '1',
  '[图片]',
  '明天几点？',
  '不是开头 #',
  ' ',
  '@张三 你好',
]

/** Everything the store holds that commands may change. */
function snapshot(t: Awaited<ReturnType<typeof makeCore>>): string {
  const r = t.repo
  return JSON.stringify([
    r.members(),
    r.roleHolders(),
    r.reports.all(),
    r.rosterHistory.history(),
    r.holidays.years(),
    r.reminders.settings(t.core.deps.reminderDefaults),
    r.room(),
  ])
}

describe('10,000 fuzzed messages', () => {
  it('never crash, never change the store unless a command, always answer a command', async () => {
    const t = await makeCore()
    await t.repo.ensureAdminCode('FUZZ10K-ADMIN', new Date())
    await t.ask('admin', '#注册 王强 市总工会')
    await t.ask('admin', '#认证管理员 FUZZ10K-ADMIN')
    await t.ask('u1', '#注册 张三 日新街道 妇联')
    const next = rng(20261125)
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!
    const senders = ['admin', 'u1', 'u2', 'stranger']
    let commands = 0
    let chatter = 0
    const unanswered: string[] = []
    const changed: string[] = []
    const echoed: string[] = []
    for (let i = 0; i < 10_000; i++) {
      const isCommand = next() < 0.6
      const text = isCommand
        ? `${pick(['#', '＃', '# ', '#'])}${pick(WORDS)}${next() < 0.2 ? pick(ARGS) : ''} ${Array.from(
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
    expect(chatter).toBeGreaterThan(3000)
  })
})
