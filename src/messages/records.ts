/** The words of the site records that several features and the files share. */
import type { Project, SixState } from '../domain/records.js'
import type { Site } from '../domain/types.js'
import { displayName, periodLabel } from './format.js'

export { periodLabel }

export const STATE_MARK: Record<SixState, string> = { 已达标: '✅', 建设中: '🚧', 未达标: '❌' }

export const PROJECT_STATUS: Record<Project['status'], string> = {
  active: '进行中',
  done: '已完成',
  stopped: '已停止',
}

export const shortName = (s: Site): string => displayName(s)
