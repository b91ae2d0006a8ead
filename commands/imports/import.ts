/** #导入: the coordinator's history (sites × months) from a spreadsheet; 确认 applies, 撤销 takes the last back. */
import type { ImportBatch } from '../../src/domain/imports.js'
import { rawArgs } from '../../src/core/args.js'
import { role } from '../../src/core/preconditions.js'
import { defineCommand, type CommandContext, type Reply } from '../../src/core/types.js'
import { IMPORT } from '../../src/messages/imports.js'
import { IMPORT_WORDS } from '../../src/domain/vocabulary.js'
import { auditNote } from '../operations/audited.js'
import { IMPORT_SHARES, previewImport } from './import-flow.js'

const WORDS = IMPORT_WORDS
const is = (w: string, list: readonly string[]) => list.includes(w)

async function confirm({ deps, sender }: CommandContext): Promise<Reply[]> {
  const p = deps.repo.imports.pending(sender.id)
  if (!p) return [{ text: IMPORT.nothingPending }]
  const { readAt: _r, ...body } = p
  const piecesOf = (b: ImportBatch) => b.entries.reduce((n, e) => n + e.count, 0)
  const batch = await deps.repo.imports.apply({ ...body, at: deps.clock().toISOString() }, (b) =>
    auditNote(deps, sender, 'import.apply', b.fileName, {
      batch: String(b.id),
      months: b.months.join(','),
      sites: String(b.orgIds.length),
      pieces: String(piecesOf(b)),
    }),
  )
  await deps.repo.imports.setPending(sender.id, null)
  const pieces = piecesOf(batch)
  return [{ text: IMPORT.applied(batch.months, batch.orgIds.length, pieces) }]
}

async function undo({ deps, sender }: CommandContext): Promise<Reply[]> {
  const batch = await deps.repo.imports.undoLast(sender.id, deps.clock(), (b) =>
    auditNote(deps, sender, 'import.undo', b.fileName, { batch: String(b.id), months: b.months.join(',') }),
  )
  if (!batch) return [{ text: IMPORT.nothingToUndo }]
  return [{ text: IMPORT.undone(batch.fileName, batch.months) }]
}

export const importHistory = defineCommand({
  name: '导入',
  aliases: ['导入历史', '导入台账'],
  usage: IMPORT.usage,
  summary: '导入机器人启用前各示范点每月的上报情况（Excel 或 CSV）',
  details: [
    '先分享表格再发 #导入（或先发 #导入 再分享）：每行一个示范点（全称、简称或编号），每列一个月份（2026年7月、7月、2026-07、七月），格内写篇数或 ✓、已报。',
    '机器人先回复识别结果，发送 #导入 确认 才写入；#导入 撤销 撤回最近一次导入。机器人自己收到的上报始终优先。',
    '管理员可导入全部示范点，组长只导入本组。',
  ],
  examples: ['#导入', '#导入 确认', '#导入 撤销'],
  category: 'manage',
  requires: [role('leader', 'admin')],
  args: rawArgs.transform((a) => a.tokens.join('')),
  async run(ctx, word) {
    const { deps, sender } = ctx
    if (is(word, WORDS.confirm)) return confirm(ctx)
    if (is(word, WORDS.undo)) return undo(ctx)
    if (is(word, WORDS.cancel)) {
      await deps.repo.imports.setPending(sender.id, null)
      return [{ text: IMPORT.cancelled }]
    }
    if (word) return [{ text: IMPORT.wordUnknown(word) }]
    const shares = deps.local(IMPORT_SHARES)
    const now = deps.clock().getTime()
    const file = shares.takeFile(sender.id, now)
    if (file) return previewImport(deps, sender, file.name, file.data)
    shares.setIntent(sender.id, now)
    return [{ text: IMPORT.waiting(Math.round(deps.settings.shareWindowMs / 60_000)) }]
  },
})
