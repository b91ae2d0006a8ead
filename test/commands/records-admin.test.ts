import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { logSheet } from '../../src/render/xlsx-log.js'
import type { Incoming } from '../../src/core/types.js'
import { makeRecordsCore } from '../support/core.js'

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

const image = (base: Incoming, name = 'photo.png'): Incoming => ({
  ...base,
  text: '',
  kind: 'image',
  share: { kind: 'image', name, load: async () => PNG },
})

describe('#新增示范点, #调整示范点, #更名示范点', () => {
  it('adds a site with the next 编号 from today; earlier months keep their totals', async () => {
    const { ask, repo, setNow } = await makeRecordsCore('2026-06-10T02:00:00Z')
    expect(await ask('admin', '#统计 2026-06')).toContain('/30')
    setNow('2026-08-03T02:00:00Z')
    expect(await ask('lead2', '#新增示范点 大连市中山区青泥洼桥街道 市级 第三组 中山区 青泥洼桥')).toContain(
      '仅限管理员使用',
    )
    const out = await ask(
      'admin',
      '#新增示范点 大连市中山区青泥洼桥街道 市级 第三组 中山区 青泥洼桥、青泥街道',
    )
    expect(out).toContain(
      '已新增示范点 31：大连市中山区青泥洼桥街道（市级，第三组，中山区），自 8月3日起加入，2026年9月起计入统计。',
    )
    expect(repo.roster().lookup('青泥洼桥')).toMatchObject({ kind: 'found', org: { id: 'S31', group: 3 } })
    expect(await ask('admin', '#统计 2026-06')).toContain('/30')
    expect(await ask('admin', '#统计 2026-07')).toContain('/30')
    expect(await ask('admin', '#统计 2026-08')).toContain('/30')
    setNow('2026-09-02T02:00:00Z')
    expect(await ask('admin', '#统计 2026-09')).toContain('/31')
    expect(repo.audit.entries().at(-1)).toMatchObject({ action: 'roster.add', target: 'S31', by: 'admin' })
  })

  it('refuses a name or alias another organisation already has, and a bad form', async () => {
    const { ask, repo } = await makeRecordsCore()
    expect(await ask('admin', '#新增示范点 大连大学 市级 第三组 中山区')).toBe(
      '未保存：“大连大学”已是大连大学的名称或简称，请换一个。',
    )
    expect(await ask('admin', '#新增示范点 新单位甲 市级 第三组 中山区 日新街道')).toContain(
      '已是大连市西岗区日新街道的名称或简称',
    )
    expect(await ask('admin', '#新增示范点 新单位甲 县级 第三组')).toContain('格式：#新增示范点')
    expect(repo.rosterHistory.history().changes).toHaveLength(0)
  })

  it('moves a site from today: the month before still counts it in its old group', async () => {
    const { ask, repo, setNow } = await makeRecordsCore('2026-10-20T02:00:00Z')
    await ask('zhang', '#上报 十月活动 正文')
    setNow('2026-11-03T02:00:00Z')
    expect(await ask('admin', '#调整示范点 日新街道 第一组 分片调整')).toContain(
      '已将 大连市西岗区日新街道 调整到第一组，2026-11-03 起生效',
    )
    expect(await ask('admin', '#调整示范点 日新街道 第一组')).toContain('已在第一组')
    expect(await ask('admin', '#调整示范点 日新街道 第九组')).toContain('不是工作组')
    expect(repo.rosterHistory.activeSitesFor('2026-10').find((s) => s.id === 'S06')?.group).toBe(2)
    expect(repo.rosterHistory.activeSitesFor('2026-12').find((s) => s.id === 'S06')?.group).toBe(1)
    expect(repo.audit.entries().at(-1)).toMatchObject({ action: 'roster.move', reason: '分片调整' })
    const oct = await ask('admin', '#统计 2026-10')
    expect(oct.split('\n').find((l) => l.includes('第二组'))).toContain('1/10')
  })

  it('renames a site; the old name still finds it; a taken name is refused', async () => {
    const { ask, repo } = await makeRecordsCore()
    expect(await ask('admin', '#更名示范点 大连大学 大连大学工会')).toContain(
      '已将“大连大学”更名为“大连大学工会”',
    )
    expect(repo.roster().lookup('大连大学')).toMatchObject({ kind: 'found', org: { name: '大连大学工会' } })
    expect(await ask('admin', '#更名示范点 大连大学工会 日新街道')).toContain(
      '已是大连市西岗区日新街道的名称或简称',
    )
    expect(await ask('liaXG', '#更名示范点 大船 大船集团')).toContain('仅限管理员使用')
  })
})

describe('#档案', () => {
  it('shows a site in one view', async () => {
    const { ask } = await makeRecordsCore()
    await ask('zhang', '#上报 十一月活动 正文')
    await ask('zhang', '#六有 有阵地 已达标')
    await ask('zhang', '#项目 新增 "四点半课堂"')
    await ask('zhang', '#计划 2026 全年推进阵地建设')
    const file = await ask('lead2', '#档案 日新街道')
    expect(file).toContain('【大连市西岗区日新街道】')
    expect(file).toContain('编号6 省级 第二组 西岗区')
    expect(file).toContain('已注册 1 人')
    expect(file).toContain('2026年已报 1/')
    expect(file).toContain('六有 ⚪✅⚪⚪⚪⚪ 已达标 1/6')
    expect(file).toContain('服务项目 1 个')
    expect(file).toContain('工作计划：2026年已提交：全年推进阵地建设')
    expect(file).toContain('最近考核：2026上半年')
    expect(file.split('\n').length).toBeLessThanOrEqual(15)
    expect(await ask('zhang', '#档案')).toContain('【大连市西岗区日新街道】')
  })
})

describe('audit trail', () => {
  it('logs roles, withdrawals and settings; #日志 shows Shanghai time and Chinese action names', async () => {
    const { ask, repo, setNow } = await makeRecordsCore('2026-11-24T17:30:00Z')
    await ask('admin', '#任命 组长 张三 第二组')
    await ask('admin', '#免职 组长 张三')
    await ask('zhang', '#上报 活动 正文')
    await ask('zhang', '#撤回 1 重复上报')
    await ask('admin', '#提醒设置 暂停 月中')
    await ask('admin', '#节假日 2027 春节 2027-02-06至2027-02-14 放假')
    setNow('2026-11-25T01:00:00Z')
    const actions = repo.audit.entries().map((e) => e.action)
    expect(actions).toEqual([
      'role.grant',
      'role.revoke',
      'report.withdraw',
      'settings.change',
      'settings.change',
    ])
    expect(repo.audit.entries()[2]).toMatchObject({ target: 'S06', reason: '重复上报', detail: { no: '1' } })
    const log = await ask('admin', '#日志')
    expect(log).toContain('11-25 01:30 微信昵称admin 任命 张三')
    expect(log).toContain('免职 张三')
    expect(log).toContain('撤回上报 日新街道 #1 2026-11 原因：重复上报')
    expect(log).not.toMatch(/role\.|report\.|settings\./)
    expect(log).not.toContain('11-24 17:30')
    const sheet = logSheet({ entries: repo.audit.entries(), person: () => undefined, target: (t) => t })
    expect(sheet.rows[0]![3]).toBe('任命')
    expect(sheet.rows.flat().join(' ')).not.toMatch(/role\.|report\.|settings\./)
  })

  it('#日志 keeps to the phone: 10 entries by default', async () => {
    const { ask } = await makeRecordsCore()
    for (let i = 0; i < 12; i++) await ask('zhang', `#六有 有阵地 建设中 第${i}次`)
    const log = await ask('admin', '#日志')
    expect(log.split('\n')).toHaveLength(11)
  })
})

describe('#考核设置', () => {
  it('shows, changes with validation, audits and the assessment follows', async () => {
    const { ask, repo } = await makeRecordsCore()
    expect(await ask('admin', '#考核设置')).toContain('权重：上报40 六有20')
    expect(await ask('lead2', '#考核设置')).toContain('仅限管理员使用')
    expect(await ask('admin', '#考核设置 权重 上报 40')).toBe('上报权重已经是 40，未作改动。')
    expect(await ask('admin', '#考核设置 阈值 合格 95')).toBe('未保存：优秀线（90）不能低于合格线（95）。')
    expect(await ask('admin', '#考核设置 权重 上报 150')).toContain('未保存')
    expect(await ask('admin', '#考核设置 补报 1.5')).toContain('未保存')
    expect(await ask('admin', '#考核设置 权重 人气 5')).toContain('不是考核设置项')
    expect(await ask('admin', '#考核设置 阈值 优秀 abc')).toContain('不是数字')
    for (const item of ['人员', '阵地', '项目', '载体', '制度', '特色'])
      await ask('zhang', `#六有 ${item} 已达标`)
    // July–October imported with nothing reported: known months, all missed (a gap of 4).
    await repo.imports.apply({
      at: '2026-11-24T02:00:00.000Z',
      by: 'admin',
      byName: '管理员',
      fileName: '台账.xlsx',
      months: ['2026-07', '2026-08', '2026-09', '2026-10'],
      orgIds: ['S06'],
      entries: [],
    })
    const line = async () =>
      (await ask('lead2', '#考核 2026下半年')).split('\n').find((l) => l.includes('日新街道'))!
    // Reporting 0/4 weighs 40, 六有 6/6 weighs 20; the items nobody has data for are left out.
    expect(await line()).toContain('33.3分 建议调整')
    expect(await ask('admin', '#考核设置 预警连缺 10')).toContain('未保存')
    expect(await ask('admin', '#考核设置 参数 调整连缺 10')).toContain('已将调整连缺设为 10')
    expect(await ask('admin', '#考核设置 参数 预警连缺 10')).toContain('已将预警连缺设为 10')
    expect(await line()).toContain('33.3分 建议调整')
    await ask('admin', '#考核设置 阈值 预警 30')
    expect(await ask('admin', '#考核设置')).toContain('预警≥30*')
    expect(await line()).toContain('33.3分 预警')
    expect(
      repo.audit
        .entries()
        .filter((e) => e.action === 'settings.change')
        .at(-1),
    ).toMatchObject({
      target: 'assessment',
      detail: { 'thresholds.warning': '30' },
    })
    expect(await ask('admin', '#日志 1')).toContain('修改设置 考核设置 预警线=30')
    expect(await ask('admin', '#考核设置 恢复默认')).toContain('已恢复默认')
    expect(repo.records.assessmentOverride()).toEqual({})
    expect(await ask('admin', '#帮助 考核设置')).toContain('得分（0–100）')
  })
})

describe('#推荐 撤销 and photos in the compilation', () => {
  it('a recommended report with a photo: the .docx holds the image; withdrawn, it leaves the compilation', async () => {
    const { ask, core, incoming, repo } = await makeRecordsCore()
    await ask('zhang', '#上报 四点半课堂开课 孩子们在活动室写作业')
    await core.handle(image(incoming('zhang', '')))
    const report = repo.reports.get(1)!
    expect(report.files).toHaveLength(1)
    expect(await repo.reports.readFile(report.files[0]!)).toEqual(PNG)
    expect(await repo.reports.readFile({ ...report.files[0]!, path: '../etc/passwd' })).toBeNull()
    expect(await ask('lead2', '#推荐 1 做法可复制')).toContain('已推荐编号 1')
    const replies = await core.handle(incoming('lead2', '#经验汇编 2026下半年'))
    const data = replies.find((r) => r.file)!.file!.data
    const zip = await JSZip.loadAsync(data)
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'))
    expect(media).toHaveLength(1)
    expect(await zip.file(media[0]!)!.async('nodebuffer')).toEqual(PNG)
    // Acting outside one's scope: the one refusal, naming the leader's own group.
    expect(await ask('lead1', '#推荐 撤销 1')).toContain('只能用于您负责的第一组')
    expect(await ask('lead2', '#推荐 撤销 1 内容重复')).toContain('已撤销编号 1')
    expect(await ask('lead2', '#推荐 撤销 1')).toContain('没有被推荐')
    expect(await ask('lead2', '#经验汇编 2026下半年')).toContain('还没有推荐的典型经验')
    expect(repo.audit.entries().at(-1)).toMatchObject({ action: 'report.unrecommend', reason: '' })
  })
})

describe('files as evidence', () => {
  it('a bare #计划 waits for the file; a file shared first is taken; #上报 pairing stays', async () => {
    const { ask, core, incoming, repo } = await makeRecordsCore()
    expect(await ask('zhang', '#计划 2027')).toContain('请在 10 分钟内分享2027年工作计划文件')
    const out = await core.handle(image(incoming('zhang', ''), '计划.pdf'))
    expect(out.map((r) => r.text).join()).toContain(
      '已提交 大连市西岗区日新街道 2027年工作计划（文件：计划.pdf）',
    )
    expect(repo.records.plans()[0]!.file?.name).toBe('计划.pdf')
    expect(repo.reports.all()).toHaveLength(0)
    // The plan took its one file: a photo after it waits for a #上报 as before.
    await core.handle(image(incoming('zhang', ''), 'a.png'))
    expect(await ask('zhang', '#上报')).toContain('编号1')
    expect(repo.reports.get(1)!.files.map((f) => f.name)).toEqual(['a.png'])
    // Shared first, then the bare command.
    await core.handle(image(incoming('li', ''), '大船计划.docx'))
    expect(await ask('li', '#计划 2027')).toContain('（文件：大船计划.docx）')
  })

  it('photos right after a #六有 entry are its evidence, not a report', async () => {
    const { ask, core, incoming, repo } = await makeRecordsCore()
    await ask('zhang', '#上报 活动 正文')
    await ask('zhang', '#六有 有阵地 已达标 活动室120㎡')
    await core.handle(image(incoming('zhang', ''), 'p1.png'))
    await core.handle(image(incoming('zhang', ''), 'p2.png'))
    const entry = repo.records.six().find((e) => e.item === '有阵地')!
    expect(entry.evidence.files.map((f) => f.name)).toEqual(['p1.png', 'p2.png'])
    expect(entry.state).toBe('已达标')
    expect(repo.reports.get(1)!.files).toHaveLength(0)
    expect(await ask('zhang', '#六有')).toContain('附件2个')
  })
})
