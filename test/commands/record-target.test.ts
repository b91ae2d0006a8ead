/**
 * recordTarget (commands/records/record-site.ts): every record command finds the site a record is
 * for (named, or the sender's own) and asks the scope policy in one place, so each refuses alike.
 */
import { describe, expect, it } from 'vitest'
import { recordTarget } from '../../commands/records/record-site.js'
import { RECORDS } from '../../commands/records/sentences.js'
import { createContext } from '../../src/core/context.js'
import { FAILS, SCOPE } from '../../src/messages/refusals.js'
import { makeRecordsCore } from '../support/core.js'

/** One record command of each kind, written for 日新街道 (S06, 西岗区, 第二组). */
const FOR_RIXIN = [
  '#六有 日新街道 有人员 已达标',
  '#计划 日新街道 2027 一季度完成阵地改造',
  '#项目 新增 日新街道 "四点半课堂"',
  '#指导 日新街道 现场指导',
]

describe('recordTarget: the one prelude of the record commands', () => {
  it('refuses a liaison of another district the same way in every record command, naming their district', async () => {
    const { core, incoming, repo } = await makeRecordsCore()
    const answers = await Promise.all(FOR_RIXIN.map((text) => core.handle(incoming('liaZS', text))))
    expect(answers.map((a) => a.map((r) => r.refusal))).toEqual(FOR_RIXIN.map(() => ['SCOPE_NOT_YOURS']))
    const replies = answers.map((a) => a[0]!.text)
    // The same sentence, each naming its own command.
    expect(replies.map((r) => r.split(' ')[0])).toEqual(['#六有', '#计划', '#项目', '#指导'])
    expect(new Set(replies.map((r) => r.replace(/^#\S+ /, ''))).size).toBe(1)
    expect(replies[0]).toContain('只能用于您负责的中山区，不能用于日新街道')
    const { records } = repo
    expect([records.six(), records.plans(), records.projects(), records.guidance()].flat()).toEqual([])
  })

  it('lets the liaison of the district record for it in every record command', async () => {
    const { ask, repo } = await makeRecordsCore()
    for (const text of FOR_RIXIN) expect(await ask('liaXG', text)).not.toContain('只能')
    const { records } = repo
    const sites = [records.six(), records.plans(), records.projects(), records.guidance()].map((l) =>
      l.map((r) => r.orgId),
    )
    expect(sites).toEqual([['S06'], ['S06'], ['S06'], ['S06']])
  })

  it('takes the sender’s own site when none is named; without one, says to name it', async () => {
    const { core, ask, incoming, repo } = await makeRecordsCore()
    await ask('wang', '#注册 王强 市总工会')
    const ctxOf = (id: string) => createContext(core.deps, incoming(id, ''), core.registry, '六有')
    const own = recordTarget(ctxOf('zhang'), '')
    expect(own.ok && own.value.id).toBe('S06')
    expect(recordTarget(ctxOf('wang'), '')).toEqual({ ok: false, reply: [{ text: RECORDS.noSiteOfYours }] })
    // `named`: the site must be written (as #指导 asks), the sender's own is not taken.
    expect(recordTarget(ctxOf('zhang'), '', { named: true })).toEqual({
      ok: false,
      reply: [{ text: FAILS.SITE_MISSING({}), refusal: 'SITE_MISSING' }],
    })
    expect(await ask('wang', '#计划 2027 一季度完成阵地改造')).toBe(RECORDS.noSiteOfYours)
    expect(repo.records.plans()).toEqual([])
  })

  it('refuses a member naming another site with the sentence for people without a role', async () => {
    const { core, ask, incoming } = await makeRecordsCore()
    const daChuan = core.deps.repo.roster().get('S04')
    if (daChuan?.kind !== 'site') throw new Error('S04 is a site')
    const other = recordTarget(createContext(core.deps, incoming('zhang', ''), core.registry, '六有'), '大船')
    expect(other).toEqual({ ok: false, reply: [{ text: SCOPE.notYours(daChuan) }] })
    expect(await ask('zhang', '#六有 大船 有人员 已达标')).toBe(SCOPE.notYours(daChuan))
    expect(await ask('zhang', '#计划 大船 2027 一季度完成阵地改造')).toBe(SCOPE.notYours(daChuan))
  })
})
