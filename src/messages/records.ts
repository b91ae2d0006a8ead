/** The words of the site records that several features and the files share. */
import type { Project, SixState } from '../domain/records.js'
import type { Site } from '../domain/types.js'

/** 2026-H1 → 2026上半年. */
export const periodLabel = (period: string) =>
  `${period.slice(0, 4)}${period.endsWith('H1') ? '上' : '下'}半年`

export const STATE_MARK: Record<SixState, string> = { 已达标: '✅', 建设中: '🚧', 未达标: '❌' }

export const PROJECT_STATUS: Record<Project['status'], string> = {
  active: '进行中',
  done: '已完成',
  stopped: '已停止',
}

export const shortName = (s: Site) => s.aliases[0] ?? s.name
