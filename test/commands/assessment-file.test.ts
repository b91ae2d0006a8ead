import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { makeRecordsCore } from '../support/core.js'

const paragraphsOf = (xml: string) =>
  [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1],
    text: m[0].replace(/<w:br\/>/g, '\n').replace(/<[^>]+>/g, ''),
  }))

describe('#考核 … 文件', () => {
  it('sends an admin the half-year assessment as an official Word document, privately', async () => {
    const { ask, core, incoming, setNow } = await makeRecordsCore()
    await ask('zhang', '#上报 十一月的活动')
    // In January, once December's 补报 window closed: November and December are counted months.
    setNow('2027-01-10T02:00:00Z')
    const replies = await core.handle(incoming('admin', '#考核 2026下半年 文件'))
    const sent = replies.find((r) => r.file)!
    expect(sent.to).toEqual({ kind: 'private', id: 'admin' })
    expect(sent.file!.name).toBe('示范点考核报告-2026下半年.docx')
    expect(replies.some((r) => !r.file && r.text.includes('已私信发给您'))).toBe(true)

    const zip = await JSZip.loadAsync(sent.file!.data)
    const xml = await zip.file('word/document.xml')!.async('string')
    const ps = paragraphsOf(xml)
    const styled = (id: string) => ps.filter((p) => p.style === id).map((p) => p.text)
    expect(styled('GwTitle')).toEqual(['大连市工青妇基层组织协同创新发展示范点\n2026年下半年考核情况报告'])
    expect(styled('GwHeading1')).toEqual([
      '一、考核结果',
      '二、结论分布',
      '三、需要关注的示范点',
      '四、考核方法',
    ])
    expect(styled('GwHeading2')[0]).toMatch(/^（一）第一组（\d+ 个示范点）$/)
    const texts = ps.map((p) => p.text)
    // The scorecard table: a header row repeated on every page, then a row per site.
    expect(xml).toContain('<w:tblHeader/>')
    for (const h of ['排名', '示范点', '上报月数', '六有', '总分', '结论']) expect(texts).toContain(h)
    expect(texts).toContain('大连市西岗区日新街道')
    // Verdicts, sites needing attention with why, and the method with weights and thresholds.
    for (const v of ['优秀', '合格', '预警', '建议调整']) expect(texts).toContain(v)
    expect(texts.some((t) => /^1\. .+（第.组）：(预警|建议调整)，[\d.]+ 分。.+。$/.test(t))).toBe(true)
    expect(texts.some((t) => t.startsWith('1. 按月上报，权重 40：'))).toBe(true)
    expect(
      texts.some((t) => t.includes('总分 90 分及以上为优秀，75 分及以上为合格，60 分及以上为预警')),
    ).toBe(true)
    expect(styled('GwSign')).toEqual(['大连市工青妇基层组织协同创新发展工作推进组', '2027年1月10日'])
    const footer = await zip.file('word/footer1.xml')!.async('string')
    expect(footer).toMatch(/PAGE/)
  })

  it('a leader gets their group only; a bad half-year changes nothing', async () => {
    const { core, incoming, ask } = await makeRecordsCore()
    const replies = await core.handle(incoming('lead2', '#考核 2026下半年 文件'))
    const zip = await JSZip.loadAsync(replies.find((r) => r.file)!.file!.data)
    const xml = await zip.file('word/document.xml')!.async('string')
    expect(xml).toContain('（一）第二组')
    expect(xml).not.toContain('第一组（')
    expect(await ask('lead2', '#考核 明年 文件')).toContain('不是半年')
  })
})
