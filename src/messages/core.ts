/**
 * What the core says about any message: a command it does not know, arguments it cannot read, the
 * need to register first, the greeting, and the arguments several features read (months, 编号).
 */
import type { Month } from '../domain/calendar.js'
import { monthLabel } from './format.js'
import { quote } from './quote.js'

export const REGISTER_USAGE = '#注册 姓名 单位 [工会|团委|妇联]'
export const REGISTER_EXAMPLE = '#注册 张三 日新街道 妇联'

export const CORE = {
  busy: '系统繁忙，请稍后再试。',
  duplicateCommand: (word: string, first: string, second: string) =>
    `命令名重复：“${word}”同时属于 #${first} 和 #${second}`,
  emptyCommand: '请在 # 后面写命令，例如 #帮助。',
  privateHint: '您好，我是工青妇协同助手。发送 #帮助 查看可用命令。',
  /** A # word that is no command, with up to three close ones. */
  unknownCommand: (word: string, suggestions: string[]) =>
    `没有“#${quote(word)}”这个命令。` +
    (suggestions.length > 0 ? `您是不是要用 ${suggestions.map((s) => `#${s}`).join('、')}？` : '') +
    '发送 #帮助 查看全部命令。',
  needRegistration: `请先实名注册：${REGISTER_USAGE}\n例如：${REGISTER_EXAMPLE}`,
  badArgs: (problem: string | undefined, usage: string, example: string | undefined) =>
    `${problem ?? '格式不对。'}\n正确格式：${usage}` +
    (example && !problem?.includes(example) ? `\n例如：${example}` : ''),
  greeting: `欢迎加入工作群！请实名注册，发送：\n${REGISTER_USAGE}\n例如：${REGISTER_EXAMPLE}\n发送 #帮助 查看全部命令。`,

  // Arguments several features read
  /** A word that is no month; `example` is a month the command would accept. */
  monthInvalid: (word: string, example: Month) =>
    `“${quote(word)}”不是有效的月份，请写成 ${example} 或 ${monthLabel(example)} 这样的格式。`,
  /** A 编号 that is no number. */
  noInvalid: (word: string) => `“${quote(word)}”不是有效的编号，可写 6、6号、第6 或 No.6。`,
  /** A 编号 left out. */
  noMissing: '请写上编号（见上报回执或列表）。',
}
