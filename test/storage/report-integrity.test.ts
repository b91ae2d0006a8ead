import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { StoreError } from '../../storage/json-file-store.js'
import { ReportStore, safeFileName } from '../../storage/report-store.js'

const report = (no: number, month: string) => ({
  no,
  month,
  orgId: 'site-1',
  submitterId: 'c1',
  submitterName: '张三',
  onBehalf: false,
  via: 'text',
  title: '活动',
  text: '活动',
  links: [],
  files: [],
  messageIds: [`m${no}`],
  at: `${month}-10T02:00:00.000Z`,
  late: false,
  withdrawn: null,
})

/** A data folder with the given shards; returns it and a byte snapshot of every shard. */
function folder(shards: Record<string, unknown>) {
  const d = mkdtempSync(join(tmpdir(), 'gqf-shards-'))
  mkdirSync(join(d, 'reports'))
  for (const [name, body] of Object.entries(shards))
    writeFileSync(join(d, 'reports', name), JSON.stringify(body, null, 2))
  const bytes = () => readdirSync(join(d, 'reports')).map((n) => [n, readFileSync(join(d, 'reports', n))])
  return { d, before: bytes(), bytes }
}

async function refused(shards: Record<string, unknown>, file: string, detail: RegExp) {
  const f = folder(shards)
  const error = await ReportStore.open(f.d).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(StoreError)
  expect((error as StoreError).file).toBe(join(f.d, 'reports', file))
  expect((error as Error).message).toMatch(detail)
  expect(f.bytes()).toEqual(f.before)
}

const shard = (month: string, reports: unknown[]) => ({ schemaVersion: 1, month, reports })

describe('report shards that load but are wrong', () => {
  it('refuses a shard whose month field names another month', async () => {
    await refused({ '2026-04.json': shard('2026-03', []) }, '2026-04.json', /月份字段却是 2026-03/)
  })

  it('refuses a report whose month differs from its shard', async () => {
    await refused(
      { '2026-04.json': shard('2026-04', [report(1, '2026-04'), report(2, '2026-05')]) },
      '2026-04.json',
      /编号 2 的月份是 2026-05/,
    )
  })

  it('refuses two reports with the same number in one shard', async () => {
    await refused(
      { '2026-04.json': shard('2026-04', [report(3, '2026-04'), report(3, '2026-04')]) },
      '2026-04.json',
      /编号 3 在本文件中出现了不止一次/,
    )
  })

  it('refuses the same number in two shards, naming the later file and the earlier one', async () => {
    await refused(
      {
        '2026-04.json': shard('2026-04', [report(1, '2026-04'), report(2, '2026-04')]),
        '2026-05.json': shard('2026-05', [report(2, '2026-05')]),
      },
      '2026-05.json',
      /编号 2 已在 reports\/2026-04\.json 中使用/,
    )
  })

  it('opens consistent shards unchanged', async () => {
    const f = folder({
      '2026-04.json': shard('2026-04', [report(1, '2026-04')]),
      '2026-05.json': shard('2026-05', [report(2, '2026-05')]),
    })
    const store = await ReportStore.open(f.d)
    expect(store.all().map((r) => r.no)).toEqual([1, 2])
    expect(f.bytes()).toEqual(f.before)
  })
})

describe('shared file names', () => {
  it('replaces NUL and other control characters, and saves the file', async () => {
    const d = mkdtempSync(join(tmpdir(), 'gqf-files-'))
    const store = await ReportStore.open(d)
    const info = await store.saveFile(
      '2026-04',
      'msg-1',
      'a\u0000b\u0007c\u001b\u007f.docx',
      Buffer.from('x'),
      'file',
    )
    expect(info.path).toBe('attachments/2026-04/msg-1-a_b_c_.docx')
    expect(info.name).toBe('a\u0000b\u0007c\u001b\u007f.docx')
    expect(readFileSync(join(d, info.path), 'utf8')).toBe('x')
  })

  it('turns names of only dots into a plain name', () => {
    expect(safeFileName('..')).toBe('file')
    expect(safeFileName('.')).toBe('file')
    expect(safeFileName('. . /..')).toBe('file')
    expect(safeFileName('')).toBe('file')
    expect(safeFileName('../../etc/passwd')).toBe('.._.._etc_passwd')
  })

  it('keeps a long Chinese name within the file-system limit, with its extension', async () => {
    const long = '示范点活动'.repeat(40) + '.pdf'
    const safe = safeFileName(long)
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(150)
    expect(safe.endsWith('活动.pdf')).toBe(true)
    const d = mkdtempSync(join(tmpdir(), 'gqf-files-'))
    const store = await ReportStore.open(d)
    const info = await store.saveFile('2026-04', 'x'.repeat(100), long, Buffer.from('y'), 'file')
    expect(readFileSync(join(d, info.path), 'utf8')).toBe('y')
  })
})
