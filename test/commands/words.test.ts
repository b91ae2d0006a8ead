/**
 * Issue 15: words and records as people wrote them. Each case is the exact input from the
 * coordinator's month in the console group, with its siblings.
 */
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { restAfter, rawArg } from '../../src/core/args.js'
import type { Incoming, Reply } from '../../src/core/types.js'
import { ADMIN_CODE, BOX_MAX, columns } from '../../src/messages/admin-code.js'
import { Roster } from '../../src/domain/roster.js'
import { builtinRoster, currentNumbers, LINE_ORG_FIRST_NO } from '../../src/domain/roster-data.js'
import { nextSiteNumber } from '../../src/domain/roster-history.js'
import { makeCore } from '../support/core.js'

/** A core with people in every role, and every reply kept whole (files included). */
async function world(start = '2026-11-24T02:00:00Z') {
  const t = await makeCore({ now: new Date(start) })
  const { repo } = t
  const now = t.now()
  const send = (senderId: string, text: string, extra: Partial<Incoming> = {}): Promise<Reply[]> =>
    t.core.handle(t.incoming(senderId, text, extra))
  const ask = async (senderId: string, text: string, extra: Partial<Incoming> = {}) =>
    (await send(senderId, text, extra)).map((r) => r.text).join('\n---\n')
  await ask('zhang', '#注册 张三 日新街道')
  await ask('zhou', '#注册 周伟 西岗365')
  await ask('sun', '#注册 孙丽 大船')
  await ask('admin', '#注册 王敏 市总工会')
  await ask('liaXG', '#注册 钱进 西岗区总工会')
  await repo.grant('admin', { role: 'admin' }, 'test', now)
  await repo.grant('lead2', { role: 'leader', group: 2 }, 'test', now)
  await repo.grant('liaXG', { role: 'liaison', district: '西岗区' }, 'test', now)
  return { repo, send, ask, setNow: (d: string) => t.setNow(d) }
}

describe('a report needs content', () => {
  it('refuses an acknowledgement or emoji alone in one line, and files nothing', async () => {
    const w = await world()
    for (const input of ['#上报 🎉🎉🎉👍', '#上报 收到']) {
      const reply = await w.ask('zhang', input)
      expect(reply).toContain('不足以作为一篇创建信息，未计入')
      expect(reply.split('\n')).toHaveLength(1)
    }
    // Siblings: #补报 and #代报 go the same way.
    expect(await w.ask('zhang', '#补报 10月 好的👍')).toContain('未计入')
    expect(await w.ask('liaXG', '#代报 日新街道 收到谢谢')).toContain('未计入')
    expect(w.repo.reports.all()).toHaveLength(0)
    expect(await w.ask('zhang', '#上报 开展安全生产培训')).toContain('编号1')
  })
})

describe('re-registration under another name', () => {
  it('is confirmed first, then done', async () => {
    const w = await world()
    const first = await w.ask('zhou', '#注册 孙红 西岗365')
    expect(first).toContain('您已注册为周伟')
    expect(w.repo.member('zhou')?.name).toBe('周伟')
    expect(await w.ask('zhou', '#注册 孙红 西岗365')).toContain('孙红 注册信息已更新')
    expect(w.repo.member('zhou')?.name).toBe('孙红')
  })

  it("is refused when the name is another registered member's", async () => {
    const w = await world()
    const reply = await w.ask('zhou', '#注册 孙丽 西岗365')
    expect(reply).toContain('未修改：“孙丽”是另一位已注册成员（大船')
    expect(await w.ask('zhou', '#注册 孙丽 西岗365')).toContain('未修改')
    expect(w.repo.member('zhou')?.name).toBe('周伟')
  })
})

describe('finding sites', () => {
  it('finds 365中心 by 365', async () => {
    const w = await world()
    expect(await w.ask('new', '#注册 孙红 365')).toContain('注册成功：大连市西岗区365外来人员服务中心')
    expect(await w.ask('zhang', '#单位 365')).toContain('365外来人员服务中心')
  })

  it('says a retired site has left the network, and since when', async () => {
    const w = await world()
    expect(await w.ask('admin', '#退出示范点 泰通建设 连续三个月未报送')).toContain('退出')
    const reply = await w.ask('tang', '#注册 唐伟 泰通建设 工会')
    expect(reply).toContain('泰通建设集团有限公司自 2026年11月24日起退出示范点名单')
    expect(reply).not.toContain('没有找到')
    expect(await w.ask('zhang', '#档案 泰通建设')).toContain('已退出')
    expect(await w.ask('liaXG', '#指导 泰通建设 走访')).toContain('退出示范点名单')
  })

  it('ranks suggestions by closeness: one character off comes first', async () => {
    const w = await world()
    const reply = await w.ask('new', '#注册 张三 日信街道')
    const suggested = reply.split('\n').filter((l) => /^\d+\. /.test(l))
    expect(suggested[0]).toBe('6. 大连市西岗区日新街道')
  })
})

describe('text kept as written', () => {
  it('#六有 with full-width punctuation, ㎡ and quotation marks', async () => {
    const w = await world()
    const said = await w.ask('zhang', '#六有 有阵地 已达标 “日新之家”公众号，面积120㎡；开放')
    expect(said).toContain('（“日新之家”公众号，面积120㎡；开放）')
    expect(await w.ask('zhang', '#六有')).toContain('✅ 有阵地 已达标：“日新之家”公众号，面积120㎡；开放')
  })

  it('reads #六有 3 建设中 …, #六有 日新街道 3 … and 第6项; an error quotes the word, not glued words', async () => {
    const w = await world()
    expect(await w.ask('zhang', '#六有 3 建设中 已梳理服务项目清单5项，正在征求意见')).toContain(
      '有项目 🚧建设中（已梳理服务项目清单5项，正在征求意见）',
    )
    expect(await w.ask('liaXG', '#六有 日新街道 3 已达标 清单已公示')).toContain('有项目 ✅已达标')
    expect(await w.ask('zhang', '#六有 第6项 已达标 巾帼宣讲品牌')).toContain('有特色 ✅已达标')
    expect(await w.ask('zhang', '#六有 6')).toContain('大连市西岗区日新街道 六有')
    const bad = await w.ask('zhang', '#六有 日新 7 建设中 说明')
    expect(bad).toBe('“7”不是六有中的一项。六有：有人员、有阵地、有项目、有载体、有制度、有特色。')
  })

  it('links a report once: "…编号1" is not followed by "见编号1"', async () => {
    const w = await world()
    await w.ask('zhang', '#上报 阵地揭牌仪式')
    await w.ask('zhang', '#六有 有阵地 已达标 揭牌见编号1')
    const line = (await w.ask('zhang', '#六有')).split('\n').find((l) => l.includes('有阵地'))!
    expect(line).toBe('✅ 有阵地 已达标：揭牌见编号1')
    await w.ask('zhang', '#上报 制度上墙')
    await w.ask('zhang', '#六有 有制度 已达标 制度上墙 编号2 编号12')
    expect(await w.ask('zhang', '#六有')).toContain('✅ 有制度 已达标：制度上墙 编号2 编号12')
  })

  it('#评分 日新街道 abc 好 quotes abc; no score at all asks for one', async () => {
    const w = await world()
    expect(await w.ask('lead2', '#评分 日新街道 abc 好')).toBe('“abc”不是 0–100 的分数。')
    expect(await w.ask('lead2', '#评分 日新街道')).toContain('请写分数')
  })

  it('splits the typed text the way arguments are read', () => {
    expect(restAfter('日新街道 有阵地 已达标 “日新之家”公众号，120㎡', 3)).toBe('“日新之家”公众号，120㎡')
    expect(restAfter('新增 “四点半 课堂” 面向双职工子女，每周二', 2)).toBe('面向双职工子女，每周二')
    expect(rawArg('新增 “四点半 课堂（一期）” 说明', 1)).toBe('四点半 课堂（一期）')
    expect(restAfter('“” 90 好', 1)).toBe('好')
    expect(restAfter('a b', 5)).toBe('')
  })
})

describe('the same text through every record command, #档案, the export and the compilation', () => {
  const T = '宣讲形式新颖，居民参与度高；“日新之家”公众号120㎡，做法可复制🎉'
  it('comes back unchanged', async () => {
    const w = await world()
    expect(await w.ask('zhang', `#上报 ${T}`)).toContain('编号1')
    expect(await w.ask('zhang', `#六有 有阵地 已达标 ${T}`)).toContain(T)
    expect(await w.ask('zhang', `#项目 新增 “四点半课堂（一期）” ${T}`)).toContain('四点半课堂（一期）')
    expect(await w.ask('liaXG', `#指导 日新街道 ${T}`)).toContain('已记录')
    expect(await w.ask('lead2', `#评分 日新街道 90 ${T}`)).toContain('90 分')
    expect(await w.ask('lead2', `#推荐 1 ${T}`)).toContain('已推荐编号 1')
    expect(await w.ask('zhang', `#计划 2027 ${T}`)).toContain('2027年工作计划')
    const r = w.repo.records
    expect(r.six().map((e) => e.description)).toContain(T)
    expect(r.projects().map((p) => [p.name, p.description])).toEqual([['四点半课堂（一期）', T]])
    expect(r.guidance().map((g) => g.content)).toEqual([T])
    expect(r.scores().map((s) => s.comment)).toEqual([T])
    expect(r.recommendations().map((x) => x.reason)).toEqual([T])
    expect(r.plans().map((p) => p.text)).toEqual([T])
    expect(await w.ask('zhang', '#项目')).toContain(`四点半课堂（一期）【进行中】 ${T}`)
    expect(await w.ask('zhang', '#六有')).toContain(T)
    expect(await w.ask('zhang', '#档案 2027')).toContain(`2027年已提交：${[...T].slice(0, 16).join('')}`)

    const exported = (await w.send('admin', '#导出 2026-11')).find((x) => x.file)!
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(exported.file!.data as unknown as ExcelJS.Buffer)
    const cells: string[] = []
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? '')))))
    expect(cells.some((c) => c.includes(T))).toBe(true)
    expect(cells.some((c) => c.includes('m2') || c.includes('居民参与度高;'))).toBe(false)

    const compiled = (await w.send('lead2', '#经验汇编 2026下半年')).find((x) => x.file)!
    const zip = await JSZip.loadAsync(compiled.file!.data as Buffer)
    const xml = await zip.file('word/document.xml')!.async('string')
    const words = xml.replace(/<[^>]+>/g, '')
    expect(words).toContain(T)
    expect(words).not.toContain('宣讲形式新颖,居民参与度高')
  })
})

describe('states shown as they are', () => {
  it('an item nobody entered is 未填报, not 未达标, in the site view, the matrix, #档案 and the export', async () => {
    const w = await world()
    await w.ask('zhang', '#六有 有阵地 未达标 场地在协调')
    const site = await w.ask('zhang', '#六有')
    expect(site).toContain('⚪ 有人员 未填报')
    expect(site).toContain('❌ 有阵地 未达标')
    const matrix = await w.ask('lead2', '#六有')
    expect(matrix).toContain('⚪未填报')
    expect(matrix).toContain('⚪❌⚪⚪⚪⚪ 日新街道 0/6')
    expect(await w.ask('zhang', '#档案')).toContain('六有 ⚪❌⚪⚪⚪⚪ 已达标 0/6')
    const exported = (await w.send('admin', '#导出 2026-11')).find((x) => x.file)!
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(exported.file!.data as unknown as ExcelJS.Buffer)
    const row: string[] = []
    wb.getWorksheet('六有')!.eachRow((r) => {
      const values = (r.values as unknown[]).map((v) => String(v ?? ''))
      if (values.some((v) => v.includes('日新街道'))) row.push(...values)
    })
    expect(row).toContain('未填报')
    expect(row).toContain('未达标')
  })

  it('#档案 shows the plan of the year asked, and names the year', async () => {
    const w = await world()
    expect(await w.ask('zhang', '#计划 2027 一季度完成阵地改造')).toContain('已提交')
    const file = await w.ask('zhang', '#档案')
    expect(file).toContain('工作计划：2026年未提交；2027年已提交：一季度完成阵地改造')
    expect(await w.ask('zhang', '#档案 2027')).toContain('工作计划：2027年已提交')
    expect(await w.ask('lead2', '#档案 日新街道 2026')).toContain('工作计划：2026年未提交')
  })

  it('#提醒 labels the 预警 with the months it is about', async () => {
    const w = await world('2026-12-01T01:00:00Z')
    const line = (await w.ask('zhang', '#提醒')).split('\n').find((l) => l.includes('连续未报预警'))
    expect(line).toContain('连续未报预警（10月、11月）')
  })
})

describe('hints that fit the person', () => {
  it("tells a liaison's #上报 and an admin's #补报 to use #代报 themselves", async () => {
    const w = await world()
    const liaison = await w.ask('liaXG', '#上报 日新街道 开展宣讲活动')
    expect(liaison).toContain('代示范点上报请用：#代报 单位 正文')
    expect(liaison).not.toContain('请联络员、组长或管理员用')
    const admin = await w.ask('admin', '#补报 10月 开展宣讲活动')
    expect(admin).toContain('#代报 单位 月份 正文')
    expect(admin).not.toContain('请联络员、组长或管理员用')
  })

  it('#帮助 shows a plain member no 管理 section; #帮助 全部 has no YYYY-MM and no 启动日志', async () => {
    const w = await world()
    const mine = await w.ask('zhang', '#帮助')
    expect(mine).not.toContain('管理：')
    expect(mine).toContain('#节假日')
    expect(await w.ask('admin', '#帮助')).toContain('管理：')
    const all = await w.ask('zhang', '#帮助 全部')
    expect(all).not.toMatch(/YYYY|HH:MM|启动日志/)
    expect(all).toContain('屏幕上显示的一次性认证码')
  })
})

describe('plain questions get their answer', () => {
  it('@助手 这个月截止到哪天, one’s own status, what next, how to 补报', async () => {
    const w = await world()
    const at = { mentionSelf: true }
    expect(await w.ask('zhang', '这个月截止到哪天', at)).toBe(
      '11月创建信息截至 11月30日（周一），即本月最后一个工作日。10月的补报已截止。',
    )
    expect(await w.ask('new', '@助手 截止日期是几号', at)).toContain('11月创建信息截至 11月30日')
    w.setNow('2026-12-02T02:00:00Z')
    expect(await w.ask('zhang', '#截止')).toContain('11月的补报截至 12月5日（周六），发送：#补报 11月 正文')
    expect(await w.ask('zhang', '我们单位报了吗', at)).toContain('日新街道')
    expect(await w.ask('zhang', '我的状态', at)).toContain('12月尚未上报')
    expect(await w.ask('zhang', '下一步该做什么', at)).toContain('12月尚未上报')
    expect(await w.ask('zhang', '上个月忘了报怎么办', at)).toContain('#补报')
    expect(await w.ask('zhang', '怎么补报', at)).toContain('#补报')
  })
})

describe('#日志', () => {
  it('says a person once, and counts the entries about a site', async () => {
    const w = await world()
    await w.ask('admin', '#任命 联络员 赵刚 西岗区')
    await w.ask('zhao', '#注册 赵刚 西岗区总工会')
    await w.ask('admin', '#任命 联络员 赵刚 西岗区')
    const log = await w.ask('admin', '#日志')
    expect(log).not.toMatch(/赵刚 赵刚/)
    expect(log).toMatch(/任命 赵刚 西岗区联络员/)
    await w.ask('admin', '#调整示范点 日新街道 第一组 工作需要')
    await w.ask('admin', '#调整示范点 大船 第二组')
    const about = await w.ask('admin', '#日志 日新街道')
    expect(about).toContain('操作日志（共 1 条')
    expect(await w.ask('admin', '#日志 望海社区')).toBe(
      '日志中还没有与大连市中山区桂林街道望海社区有关的记录。',
    )
  })
})

describe('the admin-code box', () => {
  it('fits 60 columns, with the command whole on its own line', () => {
    for (const box of [ADMIN_CODE.box('ABCD-EFGH'), ADMIN_CODE.issued('ABCD-EFGH')]) {
      const lines = box.split('\n')
      expect(Math.max(...lines.map(columns))).toBeLessThanOrEqual(BOX_MAX)
      expect(lines.some((l) => l.includes('#认证管理员 ABCD-EFGH'))).toBe(true)
    }
  })
})

describe('new sites are numbered after the last site', () => {
  it('#新增示范点 gives 31; the line organisations moved to 101 on, and their old numbers still find them', async () => {
    const w = await world()
    expect(await w.ask('admin', '#新增示范点 青泥洼桥街道 市级 第三组 中山区')).toContain('已新增示范点 31：')
    expect(await w.ask('zhang', '#单位 31')).toContain('编号 31·市级示范点·第三组')
    expect(await w.ask('zhang', '#单位 市总工会')).toContain('编号 101·市级·工会')
    // 45 was 大连市甘井子区妇女联合会 before the move: it still finds it.
    expect(await w.ask('zhang', '#单位 45')).toContain('编号 115·甘井子区·妇联')
    expect(await w.ask('new', '#注册 赵六 45')).toContain('注册成功：大连市甘井子区妇女联合会')
  })

  it('reads a roster stored with the first numbers (31–78) as it is numbered today', () => {
    const { sites, lineOrgs } = builtinRoster()
    const stored = [...sites, ...lineOrgs.map((o) => ({ ...o, no: Number(o.id.slice(1)) }))]
    expect(stored.find((o) => o.id === 'O31')!.no).toBe(31)
    const today = currentNumbers(stored)
    expect(today.find((o) => o.id === 'O31')!.no).toBe(LINE_ORG_FIRST_NO)
    expect(today.filter((o) => o.kind !== 'site').every((o) => o.no >= LINE_ORG_FIRST_NO)).toBe(true)
    expect(currentNumbers(today)).toEqual(today)
    expect(nextSiteNumber({ base: today, changes: [] })).toEqual({ no: 31, id: 'S31' })
    // An older store that added sites after 78 goes on after the last of them.
    const added = { ...sites[0]!, id: 'S79', no: 79, name: '新增社区', aliases: [] }
    const history = {
      base: today,
      changes: [
        {
          kind: 'add' as const,
          site: added,
          seq: 1,
          from: '2026-08-03',
          reason: '',
          by: 'a',
          byName: 'a',
          at: '2026-08-03T00:00:00.000Z',
        },
      ],
    }
    expect(nextSiteNumber(history)).toEqual({ no: 80, id: 'S80' })
    expect(new Roster(today).lookup('31')).toMatchObject({ kind: 'found', org: { id: 'O31' } })
  })
})
