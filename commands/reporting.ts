/**
 * Reporting 创建信息: #上报, #补报, #代报, #撤回, and shared articles, files and images.
 */
import { rawArgs } from '../src/core/args.js'
import { OPEN_CLOSE } from '../src/core/parse.js'
import type { PendingShare } from '../src/core/share-buffer.js'
import type { Deps, Incoming, Reply, Sender } from '../src/core/types.js'
import { defineCommand } from '../src/core/types.js'
import { lateDeadline, monthOf, parseMonth, type Month } from '../src/domain/calendar.js'
import { tallyMonth, type Report } from '../src/domain/reports.js'
import type { Org, Site } from '../src/domain/types.js'
import { actsFor, leaderGroups, liaisonDistricts } from '../src/domain/authority.js'
import { GROUP_NAMES } from '../src/domain/types.js'
import { M } from '../src/messages/zh.js'
import { R } from '../src/messages/reports.js'
import { findOrg } from './find-org.js'

/** The site a member reports for, or the reply that says why not. */
function siteOf(deps: Deps, sender: Sender): { ok: true; site: Site } | { ok: false; reply: Reply[] } {
  if (!sender.member) return { ok: false, reply: [{ text: R.notRegistered }] }
  const org = deps.repo.roster().get(sender.member.orgId)
  if (!org) return { ok: false, reply: [{ text: R.notRegistered }] }
  if (org.kind !== 'site') return { ok: false, reply: [{ text: R.notASite(org) }] }
  if (org.retired) return { ok: false, reply: [{ text: R.retired(org) }] }
  return { ok: true, site: org }
}

function progress(deps: Deps, month: Month): { reported: number; total: number } {
  const t = tallyMonth(deps.repo.roster().sites(), deps.repo.reports.ofMonth(month), month)
  return { reported: t.reported, total: t.total }
}

const titleOf = (text: string, shares: PendingShare[]) =>
  [...(text.split('\n')[0] ?? '')].slice(0, 40).join('') ||
  shares.find((s) => s.link)?.link?.title ||
  shares.find((s) => s.file)?.file?.name ||
  ''

interface NewReport {
  site: Site
  month: Month
  late: boolean
  onBehalf: boolean
  via: Report['via']
  text: string
  title?: string
  shares: PendingShare[]
  messageIds: string[]
}

/** Stores a report and returns its receipt; the receipt exists only once the report is on disk. */
async function file(deps: Deps, sender: Sender, n: NewReport): Promise<Reply[]> {
  const now = deps.clock()
  const report = await deps.repo.reports.add({
    month: n.month,
    orgId: n.site.id,
    submitterId: sender.id,
    submitterName: sender.member?.name ?? sender.wechatName,
    onBehalf: n.onBehalf,
    via: n.via,
    title: n.title ?? titleOf(n.text, n.shares),
    text: n.text,
    links: n.shares.flatMap((s) => (s.link ? [s.link] : [])),
    files: n.shares.flatMap((s) => (s.file ? [s.file] : [])),
    messageIds: [...n.messageIds, ...n.shares.map((s) => s.messageId)],
    at: now.toISOString(),
    late: n.late,
    withdrawn: null,
  })
  deps.shares.setLast(sender.id, report.no, now.getTime())
  const { reported, total } = progress(deps, n.month)
  const current = monthOf(now)
  if (n.via === 'auto') return [{ text: R.autoReceipt(n.site, report, reported, total) }]
  return [
    {
      text: R.receipt(n.site, report, reported, total, current),
      // Plain receipts of this month waiting in the queue go out as one message.
      merge:
        n.late || n.onBehalf
          ? undefined
          : {
              key: `receipt:${n.month}`,
              part: R.receiptPart(n.site, report),
              suffix: R.receiptSuffix(n.month, reported, total),
            },
    },
  ]
}

/** #上报 / #补报 / #代报 share this: with text, with shares just sent, or waiting for a share. */
async function reportFor(
  deps: Deps,
  incoming: Incoming,
  sender: Sender,
  site: Site,
  month: Month,
  text: string,
  flags: { late: boolean; onBehalf: boolean },
): Promise<Reply[]> {
  // A message delivered again (replayed after a restart) never counts twice.
  if (deps.repo.reports.byMessageId(incoming.id)) return []
  const now = incoming.at.getTime()
  const shares = deps.shares.take(sender.id, now)
  if (!text && shares.length === 0) {
    deps.shares.setIntent(sender.id, {
      at: now,
      messageId: incoming.id,
      siteId: site.id,
      month,
      ...flags,
      title: '',
    })
    return [{ text: R.waitingForShare(site, month, Math.round(deps.settings.shareWindowMs / 60_000)) }]
  }
  return file(deps, sender, {
    site,
    month,
    ...flags,
    via: shares.length > 0 ? 'share' : 'text',
    text,
    shares,
    messageIds: [incoming.id],
  })
}

export const report = defineCommand({
  name: '上报',
  aliases: ['报送', '报告', '提交'],
  usage: '#上报 正文',
  summary: '上报本单位本月的创建信息',
  details: [
    '分享文章链接、文件或图片后 10 分钟内发送 #上报（可加标题），即一并计入；先发 #上报 再分享也可以。',
    '标题含“创建信息”“示范点”“工青妇”的文章链接，分享即计入，无需命令。',
    '月份按北京时间计算。',
  ],
  examples: ['#上报 11月18日，日新街道联合区妇联开展“巾帼心向党”主题宣讲……', '#上报'],
  permission: 'anyone',
  args: rawArgs.transform((a) => a.rest),
  async run({ deps, sender, incoming }, text) {
    const site = siteOf(deps, sender)
    if (!site.ok) return site.reply
    return reportFor(deps, incoming, sender, site.site, monthOf(incoming.at), text, {
      late: false,
      onBehalf: false,
    })
  },
})

/** Reads `YYYY-MM 正文`. */
const lateArgs = rawArgs.transform((a) => {
  const first = a.rest.split(/\s+/)[0] ?? ''
  return { monthWord: first, month: parseMonth(first), text: a.rest.slice(first.length).trim() }
})

export const lateReport = defineCommand({
  name: '补报',
  aliases: [],
  usage: R.lateUsage,
  summary: '补报上个月的创建信息',
  details: ['上个月的创建信息可在本月前几天内补报（默认到 5 日），计入该月并标注为补报。'],
  examples: ['#补报 2026-10 10月28日，开展“六有”阵地建设观摩……'],
  permission: 'anyone',
  args: lateArgs,
  async run({ deps, sender, incoming }, args) {
    if (!args.monthWord) return [{ text: M.badArgs(R.lateMonthMissing, R.lateUsage, undefined) }]
    if (!args.month) return [{ text: R.monthInvalid(args.monthWord) }]
    const site = siteOf(deps, sender)
    if (!site.ok) return site.reply
    const check = checkLate(deps, incoming, args.month)
    if (check) return check
    return reportFor(deps, incoming, sender, site.site, args.month, args.text, {
      late: true,
      onBehalf: false,
    })
  },
})

function checkLate(deps: Deps, incoming: Incoming, month: Month): Reply[] | null {
  const current = monthOf(incoming.at)
  if (month === current) return [{ text: R.lateIsCurrent(month) }]
  if (month > current) return [{ text: R.lateFuture(month) }]
  const deadline = lateDeadline(month, deps.settings.lateDays)
  if (incoming.at.getTime() >= deadline.getTime()) return [{ text: R.lateClosed(month, deadline) }]
  return null
}

/** Which sites a liaison, leader or admin may act for, and the scope's name for the refusal. */
export function mayActFor(sender: Sender, site: Site): { ok: true } | { ok: false; scope: string } {
  if (actsFor(sender.roles, site)) return { ok: true }
  const scopes = [...leaderGroups(sender.roles).map((g) => GROUP_NAMES[g]), ...liaisonDistricts(sender.roles)]
  return { ok: false, scope: scopes.join('、') }
}

export const behalfReport = defineCommand({
  name: '代报',
  aliases: ['代为上报'],
  usage: R.behalfUsage,
  summary: '代示范点上报本月创建信息',
  details: [
    '区联络员可代本区示范点上报，组长可代本组示范点上报，管理员可代任何示范点上报。单位可写简称或编号。',
  ],
  examples: ['#代报 日新街道 11月20日，日新街道开展……', '#代报 6 正文'],
  permission: 'liaison',
  args: rawArgs.transform((a) => ({
    orgWord: a.tokens[0] ?? '',
    text: a.rest.slice(rawLength(a.rest)).trim(),
  })),
  async run({ deps, sender, incoming }, args) {
    if (!args.orgWord) return [{ text: M.badArgs(R.behalfOrgMissing, R.behalfUsage, undefined) }]
    const found = findOrg(deps, args.orgWord)
    if (!found.ok) return found.reply
    const org: Org = found.org
    if (org.kind !== 'site') return [{ text: R.behalfNotASite(org) }]
    const allowed = mayActFor(sender, org)
    if (!allowed.ok) return [{ text: R.behalfOutOfScope(org, allowed.scope) }]
    return reportFor(deps, incoming, sender, org, monthOf(incoming.at), args.text, {
      late: false,
      onBehalf: true,
    })
  },
})

/** Length of the first argument as typed (a 「quoted」 one included), to find where the text starts. */
function rawLength(rest: string): number {
  const close = OPEN_CLOSE[rest[0] ?? '']
  const end = close ? rest.indexOf(close, 1) : -1
  if (end > 0) return end + 1
  return (/^\S+/.exec(rest)?.[0] ?? '').length
}

export const withdraw = defineCommand({
  name: '撤回',
  aliases: ['撤销上报', '删除上报'],
  usage: R.withdrawUsage,
  summary: '撤回一篇上报（保留记录，不再计入）',
  details: ['提交人、同单位成员或管理员可以撤回。编号见上报回执。'],
  examples: ['#撤回 57'],
  permission: 'member',
  args: rawArgs.transform((a) => a.tokens[0]?.replace(/^(编号|第)/, '').replace(/篇$/, '') ?? ''),
  async run({ deps, sender }, word) {
    if (!/^\d+$/.test(word)) return [{ text: M.badArgs(R.withdrawNoMissing, R.withdrawUsage, '#撤回 57') }]
    const no = Number(word)
    const r = deps.repo.reports.get(no)
    if (!r) return [{ text: R.withdrawUnknown(no) }]
    if (r.withdrawn) return [{ text: R.withdrawAlready(no) }]
    const isAdmin = sender.roles.some((g) => g.role === 'admin')
    if (!(r.submitterId === sender.id || sender.member?.orgId === r.orgId || isAdmin)) {
      return [{ text: R.withdrawNotAllowed }]
    }
    const now = deps.clock()
    const updated = await deps.repo.reports.change(no, (x) => {
      x.withdrawn = { by: sender.id, at: now.toISOString() }
    })
    const site = deps.repo.roster().get(r.orgId) as Site
    const { reported, total } = progress(deps, r.month)
    return [{ text: R.withdrawn(site, updated ?? r, reported, total) }]
  },
})

/** A shared article, file or image: kept for its #上报, added to a report just made, or counted by its title. */
export async function onShare(incoming: Incoming, sender: Sender, deps: Deps): Promise<Reply[]> {
  const share = incoming.share
  if (!share || !sender.member) return []
  if (deps.repo.reports.byMessageId(incoming.id)) return []
  const now = incoming.at.getTime()
  const month = monthOf(incoming.at)
  const pending: PendingShare =
    share.kind === 'url'
      ? { messageId: incoming.id, at: now, link: share.link }
      : {
          messageId: incoming.id,
          at: now,
          file: await deps.repo.reports.saveFile(
            month,
            incoming.id,
            share.name,
            await share.load(),
            share.kind,
          ),
        }

  // 1. A bare #上报 was waiting for this share.
  const intent = deps.shares.takeIntent(sender.id, now)
  if (intent) {
    const site = deps.repo.roster().get(intent.siteId) as Site
    return file(deps, sender, {
      site,
      month: intent.month,
      late: intent.late,
      onBehalf: intent.onBehalf,
      via: 'share',
      text: '',
      shares: [pending],
      messageIds: [intent.messageId],
    })
  }
  // 2. The member reported with #上报 a moment ago: the photos and files that follow belong to it.
  // (An article counted by its title stands alone: what follows it waits for its own #上报.)
  const last = deps.shares.last(sender.id, now)
  const lastReport = last === undefined ? undefined : deps.repo.reports.get(last)
  if (last !== undefined && lastReport?.withdrawn === null && lastReport.via !== 'auto') {
    await deps.repo.reports.change(last, (r) => {
      if (pending.link) r.links.push(pending.link)
      if (pending.file) r.files.push(pending.file)
      r.messageIds.push(pending.messageId)
    })
    return []
  }
  // 3. An article whose title says it is 创建信息 counts by itself.
  const site = siteOf(deps, sender)
  if (share.kind === 'url' && site.ok && deps.settings.keywords.some((k) => share.link.title.includes(k))) {
    return file(deps, sender, {
      site: site.site,
      month,
      late: false,
      onBehalf: false,
      via: 'auto',
      text: share.link.description,
      title: share.link.title,
      shares: [pending],
      messageIds: [],
    })
  }
  // 4. Otherwise it waits for a #上报 within the window.
  deps.shares.add(sender.id, pending)
  return []
}
