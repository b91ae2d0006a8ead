import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { buildCompilation, fit, imageSize, imageTypeOf } from '../../src/render/compilation-docx.js'
import { builtinRoster } from '../../src/domain/roster-data.js'
import type { FileInfo } from '../../src/domain/reports.js'
import { report } from '../support/records-fixtures.js'

/** A valid 1×1 PNG whose header is rewritten to claim `w`×`h` (docx embeds the bytes as they are). */
function png(w: number, h: number): Buffer {
  const b = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  )
  b.writeUInt32BE(w, 16)
  b.writeUInt32BE(h, 20)
  return b
}

const file = (name: string, kind: FileInfo['kind']): FileInfo => ({
  name,
  path: `attachments/2026-10/${name}`,
  size: 10,
  kind,
})

describe('经验汇编 Word document', async () => {
  const { sites } = builtinRoster()
  const r1 = {
    ...report(7, 'S01', '2026-10'),
    title: '',
    text: '开展“巾帼心向党。奋进新征程”主题宣讲，居民踊跃参加。\n第二段正文。',
    links: [{ title: '', url: 'https://mp.weixin.qq.com/s/abc', description: '' }],
    files: [file('photo.png', 'image'), file('notes.pdf', 'file'), file('gone.jpg', 'image')],
  }
  const r2 = { ...report(9, 'S05', '2026-11'), title: '望海社区议事会', text: '议事会正文。' }
  const read = async (f: FileInfo) =>
    f.name === 'photo.png' ? png(1200, 600) : f.name === 'notes.pdf' ? Buffer.from('%PDF') : null
  const buf = await buildCompilation({
    period: '2026-H2',
    items: [
      { report: r2, site: sites[4]!, recommender: '王组长', reason: '居民参与好，做法可复制；值得推广。' },
      { report: r1, site: sites[0]!, recommender: '李组长', reason: '可复制' },
    ],
    readFile: read,
    issuer: '大连市工青妇基层组织协同创新发展工作推进组',
    today: '2026-12-01',
  })
  const zip = await JSZip.loadAsync(buf)
  const xml = await zip.file('word/document.xml')!.async('string')
  const stylesXml = await zip.file('word/styles.xml')!.async('string')
  const paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1],
    text: m[0].replace(/<w:br\/>/g, '\n').replace(/<[^>]+>/g, ''),
  }))
  const texts = paragraphs.map((p) => p.text)
  const styled = (id: string) => paragraphs.filter((p) => p.style === id).map((p) => p.text)

  it('opens with a title broken between phrases and a front paragraph with period, cases and sites', () => {
    expect(styled('GwTitle')).toEqual([
      '大连市工青妇基层组织协同创新发展示范点\n典型经验汇编（2026年下半年）',
    ])
    const intro = texts[1]!
    expect(intro).toContain('2026年下半年')
    expect(intro).toContain('2 个示范点的 2 篇典型经验')
    expect(intro).toContain(sites[0]!.aliases[0] ?? sites[0]!.name)
  })

  it('groups the cases by working group, each with its own title, site and date', () => {
    expect(styled('GwHeading1')).toEqual(['一、第一组', '二、第二组'])
    expect(styled('GwHeading2')).toEqual([
      '（一）开展“巾帼心向党。奋进新征程”主题宣讲，居民踊跃参加',
      '（一）望海社区议事会',
    ])
    expect(texts).toContain(`${sites[0]!.name}\u30002026年10月10日`)
    expect(texts).toContain('第二段正文。')
    expect(texts).toContain('原文链接：https://mp.weixin.qq.com/s/abc')
  })

  it('puts photos at text width with a caption, lists other attachments, keeps the reason as written', () => {
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'))
    expect(media).toHaveLength(1) // the pdf is no picture, the jpg is gone
    // 1200×600 fitted to the 156 mm text width (590 px) keeps 2:1 (EMU = px × 9525).
    expect(xml).toContain(`cx="${590 * 9525}" cy="${295 * 9525}"`)
    expect(styled('GwCaption').some((t) => t.startsWith('图1\u3000'))).toBe(true)
    expect(texts).toContain('附件：1. notes.pdf')
    expect(texts).toContain('推荐理由：居民参与好，做法可复制；值得推广。（推荐人：王组长）')
  })

  it('ends with the issuer and the date, and numbers the pages', async () => {
    expect(styled('GwSign')).toEqual(['大连市工青妇基层组织协同创新发展工作推进组', '2026年12月1日'])
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^word\/footer\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    )
    expect(footers.length).toBeGreaterThanOrEqual(2)
    for (const f of footers) expect(f).toMatch(/PAGE/)
    const settings = await zip.file('word/settings.xml')!.async('string')
    expect(settings).toContain('w:evenAndOddHeaders')
  })

  it('is A4 with official margins, 仿宋 三号 body, 小标宋 title, 黑体 and 楷体 headings, all black', async () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(xml).toMatch(/<w:pgMar w:top="2098"[^>]*w:right="1474"[^>]*w:bottom="1985"[^>]*w:left="1588"/)
    const styleOf = (id: string) =>
      /<w:style [^>]*w:styleId="(\w+)".*?<\/w:style>/gs.exec('') ??
      stylesXml.split('<w:style ').find((s) => s.includes(`w:styleId="${id}"`))!
    expect(styleOf('GwTitle')).toContain('w:eastAsia="方正小标宋简体"')
    expect(styleOf('GwHeading1')).toContain('w:eastAsia="黑体"')
    expect(styleOf('GwHeading2')).toContain('w:eastAsia="楷体_GB2312"')
    for (const id of ['GwTitle', 'GwHeading1', 'GwHeading2'])
      expect(styleOf(id)).toContain('<w:color w:val="000000"/>')
    const defaults = stylesXml.slice(
      stylesXml.indexOf('<w:docDefaults>'),
      stylesXml.indexOf('</w:docDefaults>'),
    )
    expect(defaults).toContain('w:eastAsia="仿宋_GB2312"')
    expect(defaults).toContain('<w:sz w:val="32"/>')
    expect(xml).not.toContain('w:val="Heading')
    const fonts = await zip.file('word/fontTable.xml')!.async('string')
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"/>')
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>')
  })

  it('reads picture types and sizes, and keeps the aspect ratio', () => {
    expect(imageTypeOf('a.JPEG')).toBe('jpg')
    expect(imageTypeOf('a.png')).toBe('png')
    expect(imageTypeOf('a.pdf')).toBeNull()
    expect(imageSize(png(640, 480), 'png')).toEqual({ width: 640, height: 480 })
    const jpg = Buffer.from([
      0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x03, 0, 0, 0, 0, 0, 0, 0, 0,
    ])
    expect(imageSize(jpg, 'jpg')).toEqual({ width: 640, height: 480 })
    expect(fit({ width: 1000, height: 500 }, 500)).toEqual({ width: 500, height: 250 })
    expect(fit({ width: 300, height: 500 }, 500)).toEqual({ width: 300, height: 500 })
    expect(fit({ width: 300, height: 1000 }, 500, 500)).toEqual({ width: 150, height: 500 })
  })
})
