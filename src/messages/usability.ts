/**
 * Sentences of issue 10 (a coordinator's first week): months and numbers as people write them,
 * hints that fit the command, plain-language questions, duplicate reports, phone-length lists.
 */
import type { Month } from '../domain/calendar.js'
import { monthLabel } from '../domain/calendar.js'

export const U = {
  /** A word that is no month; `example` is a month the command would accept. */
  monthInvalid: (word: string, example: Month) =>
    `“${word}”不是有效的月份，请写成 ${example} 或 ${monthLabel(example)} 这样的格式。`,
  /** A 编号 that is no number. */
  noInvalid: (word: string) => `“${word}”不是有效的编号，可写 6、6号、第6 或 No.6。`,
  /** A 编号 left out. */
  noMissing: '请写上编号（见上报回执或列表）。',
}
