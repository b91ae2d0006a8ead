/** What the reporting commands say: receipts, shares, 补报, 代报, 撤回 and 标记. */
import type { Month } from '../../src/domain/calendar.js'
import { shanghaiDate } from '../../src/domain/calendar.js'
import { contentsOf } from '../../src/domain/report-contents.js'
import type { Report } from '../../src/domain/reports.js'
import type { Org, Site } from '../../src/domain/types.js'
import { dayMonthLabel, fullMonthLabel, monthLabel } from '../../src/messages/format.js'
import { quote } from '../../src/messages/quote.js'
import { contentsPhrase, holding, receiptContents, shortName } from '../../src/messages/reports.js'

export const REPORTING = {
  receipt: (site: Site, report: Report, reported: number, total: number, current: Month) =>
    `已收到${shortName(site)}的${monthLabel(report.month)}创建信息（编号${report.no}${report.late ? '，补报' : ''}${report.onBehalf ? '，代报' : ''}${receiptContents(report)}），` +
    `${report.month === current ? '本月' : monthLabel(report.month)}全市已报 ${reported}/${total}。`,
  receiptPart: (site: Site, report: Report) => `${shortName(site)}（${report.no}）`,
  receiptSuffix: (month: Month, reported: number, total: number) =>
    `${monthLabel(month)}创建信息（本月全市已报 ${reported}/${total}）`,
  autoReceipt: (site: Site, report: Report, reported: number, total: number) =>
    `已收到${shortName(site)}的${monthLabel(report.month)}创建信息《${report.title}》（编号${report.no}），本月全市已报 ${reported}/${total}。如非创建信息，发送 #撤回 ${report.no}`,
  /** Text with too little in it to be a report, nothing shared with it. */
  tooThin: (text: string) =>
    `“${quote(text)}”不足以作为一篇创建信息，未计入。请写明开展了什么工作，或分享文章、文件、图片后发送 #上报。`,
  duplicate: (no: number) => `这篇已经报过了，编号${no}，不再重复计入。`,
  similar: (no: number, minutes: number) =>
    `这篇和编号${no}很相似，暂未计入。如确需再报一篇，请 ${minutes} 分钟内把同样的内容再发一次。`,
  /** A bare #上报 / #补报 / #代报 waiting for its share; the way to write it as text fits the command. */
  waitingForShare: (site: Site, month: Month, minutes: number, how: { late: boolean; onBehalf: boolean }) =>
    `请在 ${minutes} 分钟内发送${shortName(site)}的${monthLabel(month)}创建信息（文章链接、文件或图片），或写成：` +
    (how.onBehalf
      ? `#代报 ${shortName(site)}${how.late ? ` ${month}` : ''} 正文`
      : how.late
        ? `#补报 ${month} 正文`
        : '#上报 正文'),
  /** A share added to the report just made: what it holds now (a burst of photos merges into one). */
  attached: (no: number, r: Pick<Report, 'links' | 'files'>) =>
    `已加入编号${no}，${holding('现含', contentsPhrase(contentsOf(r)))}。${REPORTING.detachHint(no)}`,
  /** After a receipt that took shares: which report they are in, and how to undo it. */
  detachHint: (no: number) => `如分享的内容不属于编号${no}，请发送 #撤回 ${no} 后重新上报。`,
  /** Private answer to an unregistered person whose shared article looks like 创建信息. */
  shareUnregistered:
    '您分享的文章没有计入创建信息：您还没有注册。请先私聊发送 #注册 姓名 单位，再分享文章并发送 #上报。',
  /** A shared article nothing counted, once a day per member. */
  articleHint: (minutes: number) => `这篇文章如需计入创建信息，请在 ${minutes} 分钟内发送 #上报`,

  /** #上报 with another month written first: nothing filed. */
  otherMonth: (month: Month, current: Month) =>
    month < current
      ? `#上报 只计入本月（${monthLabel(current)}），未记录。补报${fullMonthLabel(month)}请用：#补报 ${monthLabel(month)} 正文`
      : `${fullMonthLabel(month)}还没到，未记录。本月的创建信息请用：#上报 正文`,

  // #补报
  lateUsage: '#补报 月份 正文',
  lateMonthMissing: '请写明补报哪个月，例如：#补报 2026-10 正文',
  lateIsCurrent: (month: Month) => `${monthLabel(month)}是本月，请直接用 #上报。`,
  lateFuture: (month: Month) => `${fullMonthLabel(month)}还没到，不能补报。`,
  /** 2026年10月的补报已于 11月5日截止 (the year named when it differs: 2026年1月5日). */
  lateClosed: (month: Month, deadline: Date) => {
    const last = shanghaiDate(new Date(deadline.getTime() - 1))
    const year = last.slice(0, 4) === month.slice(0, 4) ? '' : `${last.slice(0, 4)}年`
    return `${fullMonthLabel(month)}的补报已于 ${year}${dayMonthLabel(last)}截止，未计入。`
  },

  // #代报
  behalfUsage: '#代报 单位 正文',
  behalfOrgMissing: '请写明代哪个示范点上报，例如：#代报 日新街道 正文',

  // #撤回
  withdrawUsage: '#撤回 编号',
  withdrawNoMissing: '请写上要撤回的上报编号，例如：#撤回 57',
  withdrawUnknown: (no: number) => `没有编号为 ${no} 的上报。`,
  withdrawAlready: (no: number) => `编号${no}已经撤回过了。`,
  withdrawNotAllowed: '只有提交人、同单位成员或管理员可以撤回。',
  withdrawn: (site: Org | undefined, report: Report, reported: number, total: number) =>
    `已撤回编号${report.no}（${site ? shortName(site) : report.orgId} ${monthLabel(report.month)}），不再计入统计。${monthLabel(report.month)}全市已报 ${reported}/${total}。`,

  // #标记
  kindUsage: '#标记 编号 规定动作|自选动作|宣传报道',
  kindBad: (w: string) => `“${quote(w)}”不是类别。请写：规定动作、自选动作 或 宣传报道。`,
  kindSaved: (no: number, kind: string) => `已将编号 ${no} 标记为「${kind}」。`,
}
