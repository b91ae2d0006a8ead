/** The month boundary in words: a report that names last month, counted for this one. */
import type { Month } from '../domain/calendar.js'
import { dayMonthLabel, monthLabel } from './format.js'

export const BOUNDARY = {
  /** One line under the receipt: how to count it for last month instead. */
  namesLastMonth: (month: Month, no: number, lateUntil: string) =>
    `这篇已计入本月。如属${monthLabel(month)}，请发送 #撤回 ${no}，再用 #补报 重新上报（补报截至${dayMonthLabel(lateUntil)}）。`,
}
