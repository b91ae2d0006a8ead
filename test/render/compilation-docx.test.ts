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

describe('经验汇编 Word document', () => {
  it('has a cover, headings by group and site, the texts, links, pictures and reasons', async () => {
    const { sites } = builtinRoster()
    const r1 = {
      ...report(7, 'S01', '2026-10'),
      title: '四点半课堂开课',
      text: '第一段正文。\n第二段正文。',
      links: [{ title: 't', url: 'https://mp.weixin.qq.com/s/abc', description: '' }],
      files: [file('photo.png', 'image'), file('notes.pdf', 'file'), file('gone.jpg', 'image')],
    }
    const r2 = { ...report(9, 'S05', '2026-11'), title: '望海社区议事会', text: '议事会正文。' }
    const read = async (f: FileInfo) =>
      f.name === 'photo.png' ? png(1200, 600) : f.name === 'notes.pdf' ? Buffer.from('%PDF') : null
    const buf = await buildCompilation({
      period: '2026-H2',
      items: [
        { report: r2, site: sites[4]!, recommender: '王组长', reason: '居民参与好' },
        { report: r1, site: sites[0]!, recommender: '李组长', reason: '可复制' },
      ],
      readFile: read,
    })
    const zip = await JSZip.loadAsync(buf)
    const xml = await zip.file('word/document.xml')!.async('string')
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toContain('经验交流汇编（2026下半年）')
    for (const s of [
      '第一组',
      '第二组',
      sites[0]!.name,
      sites[4]!.name,
      '四点半课堂开课',
      '第一段正文。',
      '第二段正文。',
      '议事会正文。',
      'https://mp.weixin.qq.com/s/abc',
      '推荐理由：可复制',
      '推荐人：王组长',
    ]) {
      expect(text).toContain(s)
    }
    // Group one comes first whatever the order given.
    expect(text.indexOf('四点半课堂开课')).toBeLessThan(text.indexOf('望海社区议事会'))
    expect(xml).toContain('w:val="Heading1"')
    expect(xml).toContain('w:val="Heading2"')
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'))
    expect(media).toHaveLength(1) // the pdf is no picture, the jpg is gone
    // 1200×600 fitted to 520 wide keeps 2:1 (EMU = px × 9525).
    expect(xml).toContain(`cx="${520 * 9525}" cy="${260 * 9525}"`)
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
  })
})
