/** How months and days read in the bot's sentences. */
import type { Month } from '../domain/calendar.js'

/** 2026-11 → 11月; with the year when it differs from `thisYear`: 2025年12月. */
export function monthLabel(month: Month, thisYear?: string): string {
  const [y, m] = month.split('-')
  const mm = `${Number(m)}月`
  return thisYear && thisYear !== y ? `${y}年${mm}` : mm
}

/** 2026-11 → 2026年11月. */
export function fullMonthLabel(month: Month): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

/** 2026-11-30 → 11月30日. */
export function dayMonthLabel(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
}

/** A list in a sentence: A、B、C. */
export const listed = (items: readonly string[]): string => items.join('、')
