import { describe, expect, it } from 'vitest'
import { makeRecordsCore } from '../support/core.js'

describe('#六有', () => {
  it('a member records an item of their own site; the state word may be typed loosely', async () => {
    const { ask, repo } = await makeRecordsCore()
    const out = await ask('zhang', '#六有 有阵地 达标 社区党群服务中心二楼活动室120㎡ 编号3')
    expect(out).toContain('大连市西岗区日新街道 有阵地 ✅已达标')
    expect(out).toContain('六有已达标 1/6')
    expect(repo.records.six()[0]).toMatchObject({ orgId: 'S06', by: 'zhang', evidence: { reports: [3] } })
    expect(repo.audit.entries().at(-1)).toMatchObject({ action: 'six.set', target: 'S06', by: 'zhang' })
    expect(await ask('zhang', '#六有')).toContain('有阵地 已达标：社区党群服务中心二楼活动室120')
    expect(await ask('zhang', '#六有 有阵地 差不多')).toContain('不是状态')
  })

  it('scope decides who may record for a site', async () => {
    const { ask, repo } = await makeRecordsCore()
    expect(await ask('li', '#六有 日新街道 有人员 已达标')).toContain('您不能为')
    expect(await ask('lead1', '#六有 日新街道 有人员 已达标')).toContain('只能用于您负责的第一组')
    expect(await ask('liaZS', '#六有 日新街道 有人员 已达标')).toContain('只能用于您负责的中山区')
    expect(await ask('liaXG', '#六有 日新街道 有人员 已达标')).toContain('已记录')
    expect(await ask('lead2', '#六有 日新街道 有制度 建设中')).toContain('已记录')
    expect(await ask('admin', '#六有 大船 有特色 已达标')).toContain('已记录')
    expect(await ask('stranger', '#六有 日新街道 有人员 已达标')).not.toContain('已记录')
    expect(repo.records.six()).toHaveLength(3)
  })

  it('a leader without arguments gets the matrix of their group', async () => {
    const { ask } = await makeRecordsCore()
    await ask('zhang', '#六有 阵地 已达标')
    const m = await ask('lead2', '#六有')
    expect(m).toContain('【第二组】')
    expect(m).not.toContain('【第一组】')
    expect(m).toContain('⚪✅⚪⚪⚪⚪ 日新街道 1/6')
    expect(m.split('\n').length).toBeLessThanOrEqual(15)
  })
})

describe('#项目', () => {
  it('adds, marks done and lists; only in scope', async () => {
    const { ask } = await makeRecordsCore()
    expect(await ask('zhang', '#项目 新增 "四点半课堂" 面向双职工子女')).toContain(
      '已新增服务项目 1：四点半课堂',
    )
    expect(await ask('li', '#项目 完成 1')).toContain('您不能为')
    expect(await ask('liaXG', '#项目 新增 大船 "职工书屋"')).toContain('已新增服务项目 2：职工书屋')
    expect(await ask('zhang', '#项目 完成 1')).toContain('已完成')
    expect(await ask('zhang', '#项目 停止 9')).toContain('没有编号为 9')
    const list = await ask('lead2', '#项目 日新街道')
    expect(list).toContain('1. 四点半课堂【已完成】')
  })

  it('takes the site first too, as people say it', async () => {
    const { ask, repo } = await makeRecordsCore()
    expect(await ask('liaXG', '#项目 日新街道 新增 "巾帼微家" 每周三开放')).toContain(
      '已新增服务项目 1：巾帼微家',
    )
    expect(await ask('zhang', '#项目 日新街道 新增 "四点半课堂"')).toContain('已新增服务项目 2：四点半课堂')
    expect(repo.records.projects().map((p) => [p.orgId, p.name, p.description])).toEqual([
      ['S06', '巾帼微家', '每周三开放'],
      ['S06', '四点半课堂', ''],
    ])
    expect(await ask('zhang', '#项目 日新街道 完成 2')).toContain('已完成')
    expect(await ask('li', '#项目 日新街道 新增 "职工书屋"')).toContain('您不能为')
  })
})

describe('#计划', () => {
  it('a site submits its plan; a leader sees which sites have none', async () => {
    const { ask } = await makeRecordsCore()
    expect(await ask('zhang', '#计划 2027 一季度完成阵地改造')).toContain(
      '已提交 大连市西岗区日新街道 2027年工作计划',
    )
    expect(await ask('zhang', '#计划 2027 一季度完成阵地改造和台账')).toContain('已更新')
    const missing = await ask('lead2', '#计划 2027')
    expect(missing).toContain('已提交 1/10')
    expect(missing).toContain('未提交计划（9）')
    expect(await ask('li', '#计划 日新街道 2027 代写')).toContain('您不能为')
  })
})

describe('#指导', () => {
  it('liaisons and leaders log guidance in scope, counted per half-year; members may not', async () => {
    const { ask, repo } = await makeRecordsCore()
    expect(await ask('zhang', '#指导 日新街道 看看')).not.toContain('已记录')
    expect(await ask('liaZS', '#指导 日新街道 现场指导')).toContain('只能用于您负责的中山区')
    expect(await ask('liaXG', '#指导 日新街道 现场指导')).toContain('2026下半年累计 1 次')
    expect(await ask('lead2', '#指导 日新街道 再次指导')).toContain('累计 2 次')
    expect(repo.records.guidance().map((g) => g.by)).toEqual(['liaXG', 'lead2'])
  })
})

describe('#标记', () => {
  it('marks a report of one’s own site; others out of scope are refused', async () => {
    const { ask } = await makeRecordsCore()
    await ask('zhang', '#上报 四点半课堂开课')
    expect(await ask('zhang', '#标记 1 自选')).toContain('已将编号 1 标记为「自选动作」')
    expect(await ask('li', '#标记 1 规定动作')).toContain('您不能为')
    expect(await ask('zhang', '#标记 1 随便')).toContain('不是类别')
    expect(await ask('zhang', '#标记 99 规定动作')).toContain('没有编号为 99')
  })
})

describe('#评分 and #考核', () => {
  it('a leader scores sites of their group only; the score changes, not doubles', async () => {
    const { ask, repo } = await makeRecordsCore()
    expect(await ask('lead1', '#评分 日新街道 90 好')).toBe(
      '#评分 只能用于您负责的第一组，不能用于日新街道。',
    )
    expect(await ask('zhang', '#评分 日新街道 90')).not.toContain('已记录')
    expect(await ask('lead2', '#评分 日新街道 90 阵地扎实')).toContain(
      '已记录您对 大连市西岗区日新街道 2026下半年的评分：90 分',
    )
    expect(await ask('lead2', '#评分 日新街道 80')).toContain('已修改')
    expect(await ask('lead2', '#评分 日新街道 120')).toContain('不是 0–100')
    expect(repo.records.scores()).toHaveLength(1)
  })

  it('a leader sees their group, an admin all groups, one message per group; members are refused', async () => {
    const { ask } = await makeRecordsCore()
    await ask('zhang', '#上报 十一月的活动')
    const mine = await ask('lead2', '#考核')
    expect(mine).toContain('2026下半年考核｜第二组（截至11月24日）')
    expect(mine).not.toContain('第一组')
    expect(mine.split('\n').length).toBeLessThanOrEqual(15)
    const all = await ask('admin', '#考核 2026下半年')
    expect(all.split('---').length).toBe(3)
    expect(await ask('zhang', '#考核')).not.toContain('考核｜')
    expect(await ask('lead2', '#考核 明年')).toContain('不是半年')
  })
})

describe('#推荐, #经验汇编 and #日志', () => {
  it('a leader recommends in their group; the compilation goes privately as a Word file', async () => {
    const { ask, core, incoming } = await makeRecordsCore()
    await ask('zhang', '#上报 四点半课堂开课')
    expect(await ask('lead1', '#推荐 1 好')).toContain('只能用于您负责的第一组')
    expect(await ask('zhang', '#推荐 1 好')).not.toContain('已推荐')
    expect(await ask('lead2', '#推荐 1 做法可复制')).toContain('已推荐编号 1')
    const replies = await core.handle(incoming('lead2', '#经验汇编 2026下半年'))
    const file = replies.find((r) => r.file)
    expect(file?.to).toEqual({ kind: 'private', id: 'lead2' })
    expect(file?.file?.name).toBe('经验汇编-2026下半年.docx')
    expect(file?.file?.data.subarray(0, 2).toString()).toBe('PK')
    expect(replies.some((r) => r.text.includes('已私信发给您'))).toBe(true)
    expect(await ask('lead1', '#经验汇编 2026下半年')).toContain('还没有推荐的典型经验')
    expect(await ask('zhang', '#经验汇编 2026下半年')).not.toContain('已私信')
  })

  it('admins read the log, newest first, or for one site; others may not', async () => {
    const { ask } = await makeRecordsCore()
    await ask('zhang', '#六有 有阵地 已达标')
    await ask('li', '#六有 有人员 建设中')
    const log = await ask('admin', '#日志')
    expect(log).toContain('共 2 条')
    expect(log.indexOf('大船')).toBeLessThan(log.indexOf('日新街道'))
    const one = await ask('admin', '#日志 日新街道')
    expect(one).toContain('日新街道')
    expect(one).not.toContain('大船')
    expect(await ask('lead2', '#日志')).not.toContain('操作日志')
  })
})
