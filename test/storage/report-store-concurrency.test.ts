import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ReportStore } from '../../storage/report-store.js'
import type { Report } from '../../src/domain/reports.js'

const sample = (i: number): Omit<Report, 'no'> => ({
  month: '2026-11',
  orgId: 'S01',
  submitterId: `wx${i}`,
  submitterName: `member ${i}`,
  onBehalf: false,
  via: 'text',
  title: `report ${i}`,
  text: `text ${i}`,
  links: [],
  files: [],
  messageIds: [`m${i}`],
  at: '2026-11-10T02:00:00.000Z',
  late: false,
  withdrawn: null,
})

describe('reports added while others are being written', () => {
  it('are seen by readers of an open month before their write, and all reach the disk together', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gqf-reports-'))
    const store = await ReportStore.open(dir)
    await store.add(sample(0))
    const adds = [1, 2, 3].map((i) => {
      const p = store.add(sample(i))
      // Visible at once, so a duplicate check of the next message sees it.
      expect(store.ofMonth('2026-11').map((r) => r.title)).toContain(`report ${i}`)
      return p
    })
    await Promise.all(adds)
    const again = await ReportStore.open(dir)
    expect(again.ofMonth('2026-11').map((r) => r.no)).toEqual([1, 2, 3, 4])
  })
})
