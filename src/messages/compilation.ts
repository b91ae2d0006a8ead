/** The words of the 经验汇编 Word document and of #推荐 / #经验汇编. */
import { periodLabel } from './records.js'

export const COMPILATION = {
  title: '大连市工青妇基层组织协同创新发展示范点',
  subtitle: (period: string) => `经验交流汇编（${periodLabel(period)}）`,
  byline: '市工作推进组 编',
  intro: (n: number, sites: number) =>
    `本汇编收录 ${sites} 个示范点的 ${n} 篇典型经验，按工作推进组和示范点编排。`,
  meta: (day: string, no: number) => `上报日期：${day}\u3000编号：${no}`,
  link: '原文链接：',
  recommended: (name: string, reason: string) => `推荐人：${name}\u3000推荐理由：${reason || '（未填写）'}`,
}
