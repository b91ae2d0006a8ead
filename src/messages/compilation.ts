/** The words of the 经验汇编 Word document and of #推荐 / #经验汇编. */
import { periodLabel } from './records.js'

/** Who issues the documents when ISSUER_NAME is not set. */
export const DEFAULT_ISSUER = '大连市工青妇基层组织协同创新发展工作推进组'

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
/** 1 → 一, 12 → 十二, 20 → 二十. */
export function cnNumber(n: number): string {
  if (n <= 10) return CN_NUMBERS[n - 1] ?? String(n)
  if (n < 20) return `十${CN_NUMBERS[n - 11]}`
  if (n < 100) return `${CN_NUMBERS[Math.floor(n / 10) - 1]}十${n % 10 === 0 ? '' : CN_NUMBERS[(n % 10) - 1]}`
  return String(n)
}

/** 2026-10-15 → 2026年10月15日. */
export const cnDate = (day: string) =>
  `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`

/** 2026-H2 → 2026年下半年. */
const halfYear = (period: string) => periodLabel(period).replace(/^(\d{4})/, '$1年')

export const COMPILATION = {
  /** The title, broken between phrases: each line is whole. */
  titleLines: (period: string) => [
    '大连市工青妇基层组织协同创新发展示范点',
    `典型经验汇编（${halfYear(period)}）`,
  ],
  docTitle: (period: string) => `大连市工青妇基层组织协同创新发展示范点典型经验汇编（${halfYear(period)}）`,
  intro: (period: string, n: number, sites: readonly string[]) =>
    `${halfYear(period)}，各示范点按月报送创建信息，各工作组从中推荐典型经验。本汇编收录 ${sites.length} 个示范点的 ${n} 篇典型经验（${sites.join('、')}），按工作组编排，供各示范点交流借鉴。`,
  group: (i: number, name: string) => `${cnNumber(i)}、${name}`,
  item: (i: number, title: string) => `（${cnNumber(i)}）${title}`,
  meta: (site: string, day: string) => `${site}\u3000${cnDate(day)}`,
  link: '原文链接：',
  caption: (n: number, site: string, title: string) =>
    `图${n}\u3000${title.includes(site) ? title : `${site}：${title}`}`,
  attachments: '附件：',
  attachment: (i: number, name: string) => `${i}. ${name}`,
  reasonLabel: '推荐理由：',
  reason: (reason: string, by: string) => `${reason || '（未填写）'}（推荐人：${by}）`,
}
