/**
 * The "try it as a user" pass of 2 December 2026: each case is an exact input from the console
 * group and the reply a person on a phone should get.
 */
import { describe, expect, it } from 'vitest'
import { makeCore, makeRecordsCore } from '../support/core.js'

describe('#考核设置 that changes nothing', () => {
  it('is said so, and neither written nor logged', async () => {
    const { ask, repo } = await makeRecordsCore()
    expect(await ask('admin', '#考核设置 权重 上报 40')).toBe('上报权重已经是 40，未作改动。')
    expect(await ask('admin', '#考核设置 恢复默认')).toBe('考核设置已是默认值，未作改动。')
    expect(repo.audit.entries()).toEqual([])
    expect(await ask('admin', '#考核设置 权重 上报 45')).toContain('已将上报权重设为 45')
    expect(await ask('admin', '#考核设置 权重 上报 45')).toBe('上报权重已经是 45，未作改动。')
    expect(repo.audit.entries().map((e) => e.action)).toEqual(['settings.change'])
  })
})

describe('#考核设置 says in Chinese which rule a value breaks', () => {
  it('#考核设置 权重 上报 120 and #考核设置 阈值 优秀 70: no English, the rule and the numbers', async () => {
    const { ask, repo } = await makeRecordsCore()
    const weight = await ask('admin', '#考核设置 权重 上报 120')
    expect(weight).toBe('未保存：上报权重须在 0–100 之间，您写的是 120。')
    const order = await ask('admin', '#考核设置 阈值 优秀 70')
    expect(order).toBe('未保存：优秀线（70）不能低于合格线（75）。')
    expect(await ask('admin', '#考核设置 补报 1.5')).toBe('未保存：补报折算须在 0–1 之间，您写的是 1.5。')
    expect(await ask('admin', '#考核设置 预警连缺 10')).toBe('未保存：调整连缺（5）不能低于预警连缺（10）。')
    expect(await ask('admin', '#考核设置 项目目标 0')).toBe('未保存：项目目标须为正整数，您写的是 0。')
    for (const part of ['六有', '项目', '计划', '指导', '类别', '评分'])
      await ask('admin', `#考核设置 ${part} 0`)
    expect(await ask('admin', '#考核设置 上报 0')).toBe('未保存：各项权重不能全为 0，至少一项须大于 0。')
    for (const reply of [weight, order]) expect(reply).not.toMatch(/[A-Za-z]/)
    expect(repo.records.assessmentOverride().weights?.reporting).toBeUndefined()
    // Nothing where the item or the number goes: what to write, never “”.
    expect(await ask('admin', '#考核设置 权重')).toBe('请写要修改的项和数值，例如：#考核设置 权重 上报 40')
    expect(await ask('admin', '#考核设置 权重 上报')).toBe(
      '请在设置项后写数值，例如：#考核设置 权重 上报 40、#考核设置 阈值 优秀 90',
    )
  })
})

describe('#统计 with a scope', () => {
  it('#统计 西岗区 tallies the district (was: “西岗区”不是有效的月份); words in any order', async () => {
    const { ask } = await makeRecordsCore()
    await ask('zhang', '#上报 12月1日，日新街道开展消防演练，参与居民50人。')
    const xg = await ask('liaXG', '#统计 西岗区')
    expect(xg).not.toContain('不是有效的月份')
    const lines = xg.split('\n')
    expect(lines[0]).toMatch(/^2026年11月创建信息：西岗区已报 1\/\d+$/)
    expect(xg).toContain('医大一院')
    expect(xg).not.toContain('人民路街道')
    expect(lines.at(-1)).toBe('逐个示范点及篇数：#统计 西岗区 详细')
    expect(await ask('zhang', '#统计 中山区 本月')).toMatch(/^2026年11月创建信息：中山区已报 0\/\d+/)
    expect(await ask('zhang', '#统计 第一组 详细')).toMatch(/^2026年11月创建信息：第一组已报 0\/10\n/)
    expect((await ask('zhang', '#统计 省级')).split('\n')[1]).toBe('省级 1/12')
    expect(await ask('zhang', '#统计 西港区')).toBe(
      '“西港区”既不是月份也不是范围。可写月份（10月、上月、2026-10）或范围（第一组、西岗区、全市）。',
    )
    expect(await ask('zhang', '#统计 西岗区 2026-13')).toContain('“2026-13”不是有效的月份')
    expect((await ask('zhang', '#统计')).split('\n')[0]).toMatch(/^2026年11月创建信息：全市已报 1\/30$/)
  })
})

describe('refusals outside one’s scope, said the same way', () => {
  it('#评分 by a leader of another group gets the scope sentence #推荐 gets; acting commands are not sent to #统计', async () => {
    const { ask, repo } = await makeRecordsCore()
    await repo.grant('lead1', { role: 'leader', group: 3 }, 'test', new Date('2026-11-24T02:00:00Z'))
    await ask('zhang', '#上报 12月1日，日新街道开展消防演练，参与居民50人。')
    expect(await ask('lead1', '#评分 日新街道 90 好')).toBe(
      '#评分 只能用于您负责的第一组、第三组，不能用于日新街道。',
    )
    expect(await ask('lead1', '#推荐 1 好')).toBe('#推荐 只能用于您负责的第一组、第三组，不能用于日新街道。')
    expect(await ask('liaXG', '#指导 大连大学 现场指导')).toBe(
      '#指导 只能用于您负责的西岗区，不能用于大连大学。',
    )
    expect(await ask('liaXG', '#代报 大连大学 大连大学开展活动')).toBe(
      '#代报 只能用于您负责的西岗区，不能用于大连大学。',
    )
    // Where the command shows who reported, the tallies are the way to see any scope.
    expect(await ask('liaXG', '#未报 第一组')).toBe(
      '#未报 只能用于您负责的西岗区，不能用于第一组。查看任何范围的上报情况请用 #统计 或 #汇总。',
    )
  })
})

describe('#推荐 twice', () => {
  it('#推荐 1 好 after #推荐 1 居民参与度高… says the reason changed, not a second recommendation', async () => {
    const { ask, repo } = await makeRecordsCore()
    await ask('zhang', '#上报 12月1日，日新街道开展“暖冬行动”志愿服务，为居民送去棉衣120件。')
    expect(await ask('lead2', '#推荐 1 居民参与度高，做法可复制；“暖冬行动”值得推广')).toBe(
      '已推荐编号 1（大连市西岗区日新街道）为典型经验，将收入经验汇编。',
    )
    expect(await ask('lead2', '#推荐 1 好')).toBe(
      '编号 1（大连市西岗区日新街道）已是典型经验，推荐理由已修改。',
    )
    expect(repo.records.recommendations().filter((r) => r.reportNo === 1)).toHaveLength(1)
    expect(repo.records.recommendations()[0]!.reason).toBe('好')
    await ask('lead2', '#推荐 撤销 1 重复')
    expect(await ask('lead2', '#推荐 1 再次推荐')).toContain('已推荐编号 1')
  })
})

const article = (title: string) => ({
  kind: 'url' as const,
  share: { kind: 'url' as const, link: { title, url: 'https://mp.weixin.qq.com/s/x', description: '摘要' } },
})

describe('the receipt names every share a report took', () => {
  it('two articles, then a bare #上报: "含 2 篇文章" became the two titles, so the unrelated one is seen', async () => {
    const t = await makeCore()
    await t.ask('zhou', '#注册 周伟 日新街道 团委')
    expect(await t.say('zhou', '', article('冬季防火安全提示'))).toEqual([])
    await t.say('zhou', '', article('日新街道开展巾帼宣讲'))
    expect(await t.ask('zhou', '#上报')).toBe(
      '已收到日新街道的11月创建信息（编号1，含文章《冬季防火安全提示》《日新街道开展巾帼宣讲》），本月全市已报 1/30。' +
        '如分享的内容不属于编号1，请发送 #撤回 1 后重新上报。',
    )
    for (const title of ['第三篇', '第四篇']) await t.say('zhou', '', article(title))
    expect(t.repo.reports.get(1)!.links).toHaveLength(4)
    const last = await t.say('zhou', '', article('第五篇'))
    expect(last).toEqual([
      '已加入编号1，现含 5 篇文章（《冬季防火安全提示》《日新街道开展巾帼宣讲》《第三篇》等）。如分享的内容不属于编号1，请发送 #撤回 1 后重新上报。',
    ])
  })
})

describe('#考核 of a half-year without data fits a phone', () => {
  it('#考核 2026上半年: one line for the sites that cannot be rated, not ten identical lines', async () => {
    const { ask } = await makeRecordsCore()
    const card = await ask('lead1', '#考核 2026上半年')
    expect(card.split('\n')).toEqual([
      '2026上半年考核｜第一组',
      '无法评定（数据不足，1–6月无数据）：365外来人员服务中心、得胜街道、高新园区党群服务中心、大船、黄河社区、椒金山街道、马桥子街道、金石滩街道、双创联合体、东芝大连',
      '优秀0 合格0 预警0 建议调整0 无法评定10',
      '未计入（全网尚无数据）：六有、服务项目、工作计划、指导、上报类别，其权重由其余各项分担。',
    ])
  })
})

describe('two members called 张三: replies and the log say which one', () => {
  it('#任命 联络员 @刘洋 沙河口区 (刘洋 registered as 张三 of 大船) answers 已任命 张三（大船）', async () => {
    const t = await makeCore()
    await t.repo.grant('admin', { role: 'admin' }, 'test', t.now())
    await t.ask('zhang', '#注册 张三 日新街道 妇联')
    await t.ask('liu', '#注册 张三 大船')
    const mention = { mentions: [{ id: 'liu', name: '刘洋' }] }
    expect(await t.ask('admin', '#任命 联络员 @刘洋 沙河口区', mention)).toBe(
      '已任命 张三（大船） 为沙河口区联络员。',
    )
    expect(await t.ask('admin', '#免职 联络员 @刘洋 沙河口区', mention)).toBe(
      '已免去 张三（大船） 的沙河口区联络员。',
    )
    expect(await t.ask('admin', '#日志 2')).toContain('任命 张三（大船） 沙河口区联络员')
    await t.ask('admin', '#任命 联络员 @刘洋 沙河口区', mention)
    await t.repo.grant('zhang', { role: 'leader', group: 2 }, 'test', t.now())
    const list = await t.ask('admin', '#角色')
    expect(list).toContain('张三（日新街道）：第二组组长')
    expect(list).toContain('张三（大船）：沙河口区联络员')
  })
})

describe('#周报 early in a month', () => {
  it('on 4 January, with nobody reported yet, counts the sites instead of listing all thirty', async () => {
    const { ask, setNow } = await makeRecordsCore()
    await ask('zhang', '#上报 11月24日，日新街道开展“暖冬行动”志愿服务。')
    const november = await ask('admin', '#周报')
    expect(november).toMatch(/2026年11月尚未上报 29 个（共 30 个）：365外来人员服务中心、得胜街道/)
    setNow('2027-01-04T01:30:00Z')
    const january = await ask('admin', '#周报')
    expect(january).toContain('2027年1月还没有示范点上报（共 30 个）。')
    expect(january).not.toContain('得胜街道')
  })
})

describe('#补报 after 补报 has closed', () => {
  it('#补报 2026-11 测试 in January names the deadline as every other reply does (12月5日, not 2026-12-05)', async () => {
    const { ask, setNow } = await makeRecordsCore()
    setNow('2027-01-04T02:00:00Z')
    expect(await ask('zhang', '#补报 2026-11 测试')).toBe('2026年11月的补报已于 12月5日截止，未计入。')
  })
})

describe('#单位 of a site that has left the network', () => {
  it('#单位 泰通建设 shows the site and the day it left (was: 不再接受注册和记录)', async () => {
    const { ask } = await makeRecordsCore()
    await ask('admin', '#退出示范点 泰通建设 连续三个月未报送')
    const card = await ask('zhang', '#单位 泰通建设')
    expect(card.split('\n').slice(0, 3)).toEqual([
      '泰通建设集团有限公司',
      '编号 30·市级示范点·第三组·甘井子区',
      '2026年11月24日起已退出示范点名单，历史上报和档案保留',
    ])
    expect(card).not.toContain('不再接受注册')
    expect(await ask('tang', '#注册 唐伟 泰通建设 工会')).toContain('不再接受注册')
  })

  it('#进度 泰通建设 shows what it reported while it counted; the months after it left are not 缺报', async () => {
    const t = await makeRecordsCore('2026-09-01T02:00:00Z')
    t.setNow('2026-11-24T02:00:00Z')
    await t.ask('admin', '#退出示范点 泰通建设 连续三个月未报送')
    const lines = (await t.ask('lead1', '#进度 泰通建设')).split('\n')
    expect(lines).toEqual([
      '泰通建设集团有限公司 2026年创建信息（共 0 篇）',
      '2026年11月24日起已退出示范点名单，此后的月份不计',
      '缺报：9月、10月',
    ])
  })
})

describe('#上报 with a month written first', () => {
  it('#上报 2026-13 测试内容 is an invalid month; another month goes to #补报; a month alone is no report', async () => {
    const t = await makeCore()
    await t.ask('zhou', '#注册 周伟 日新街道 团委')
    expect(await t.ask('zhou', '#上报 2026-13 测试内容')).toBe(
      '“2026-13”不是有效的月份，请写成 2026-11 或 11月 这样的格式。',
    )
    expect(await t.ask('zhou', '#上报 13月')).toBe(
      '“13月”不是有效的月份，请写成 2026-11 或 11月 这样的格式。',
    )
    expect(await t.ask('zhou', '#上报 10月 十月开展了消防演练')).toBe(
      '#上报 只计入本月（11月），未记录。补报2026年10月请用：#补报 10月 正文',
    )
    expect(await t.ask('zhou', '#上报 11月')).toBe(
      '“11月”不足以作为一篇创建信息，未计入。请写明开展了什么工作，或分享文章、文件、图片后发送 #上报。',
    )
    expect(t.repo.reports.all()).toHaveLength(0)
    // A text that starts with a date, or names this month first, is kept whole.
    expect(await t.ask('zhou', '#上报 11月28日，日新街道开展消防演练')).toMatch(
      /^已收到日新街道的11月创建信息（编号1）/,
    )
    expect(await t.ask('zhou', '#上报 11月 开展“巾帼心向党”宣讲')).toMatch(
      /^已收到日新街道的11月创建信息（编号2）/,
    )
    expect(t.repo.reports.get(2)!.text).toBe('11月 开展“巾帼心向党”宣讲')
  })
})

describe('#进度 around the turn of a month and a year', () => {
  it('on 2 December, November is still open for 补报, not 缺报; in January, #进度 12月 shows 2026', async () => {
    const { ask, setNow } = await makeRecordsCore()
    setNow('2026-12-02T02:00:00Z')
    const early = await ask('zhang', '#进度')
    expect(early).not.toContain('缺报')
    expect(early).toContain('11月尚未上报（补报截至 12月5日）')
    expect(early).toContain('12月尚未上报')
    await ask('zhang', '#补报 11月 11月28日，日新街道开展“巾帼心向党”宣讲，覆盖居民80人。')
    expect(await ask('zhang', '#进度')).not.toContain('11月尚未上报')
    await ask('zhang', '#上报 12月28日，日新街道开展“迎新春”慰问活动，走访困难家庭15户。')
    setNow('2027-01-04T02:00:00Z')
    const january = await ask('zhang', '#进度 12月')
    expect(january.split('\n')[0]).toBe('大连市西岗区日新街道 2026年创建信息（共 2 篇）')
    expect(january).toContain('已报：11月 1篇、12月 1篇')
    expect(january).toContain('12月的上报：')
    expect(january).not.toContain('1月尚未上报')
    setNow('2027-01-08T02:00:00Z')
    expect(await ask('li', '#进度 12月')).toContain('缺报：11月、12月')
  })
})

describe('#日志 of an import', () => {
  it('says the batch, the months, the sites and the pieces (was: 台账.csv 1 2026-07,2026-08,2026-09,2026…)', async () => {
    const { ask, core, incoming } = await makeRecordsCore('2026-12-02T02:00:00Z')
    const csv = [
      '2026年下半年示范点创建信息报送统计',
      '序号,工作推进组,单位名称,7月,8月份,九月,2026-10,合计',
      '1,第一组,大船,2,√,×,1,4',
      '2,第一组,365中心,1,1,,已报,2',
    ].join('\n')
    const share = { kind: 'file' as const, name: '台账.csv', load: async () => Buffer.from(csv) }
    await core.handle(incoming('admin', '', { kind: 'file', share }))
    await ask('admin', '#导入')
    await ask('admin', '#导入 确认')
    expect(await ask('admin', '#日志 1')).toMatch(
      /导入历史数据 台账\.csv 第1批 2026年7月至10月 2个示范点 7篇$/,
    )
    await ask('admin', '#导入 撤销')
    expect(await ask('admin', '#日志 1')).toMatch(/撤回导入 台账\.csv 第1批 2026年7月至10月$/)
  })
})

describe('records said plainly', () => {
  it('#六有 with an item and no state says what to write, and stores nothing', async () => {
    const { ask, repo } = await makeRecordsCore()
    expect(await ask('zhang', '#六有 日新街道 有阵地')).toBe(
      '请在“有阵地”后写状态：已达标、建设中 或 未达标，例如 #六有 有阵地 已达标 说明',
    )
    expect(repo.records.six()).toEqual([])
  })

  it('#档案 of a site that could not be rated shows no score and no rank', async () => {
    const { ask } = await makeRecordsCore('2026-07-10T02:00:00Z')
    const file = await ask('zhang', '#档案')
    const last = file.split('\n').find((l) => l.startsWith('最近考核'))!
    expect(last).toBe('最近考核：2026上半年 无法评定（数据不足）')
  })
})
