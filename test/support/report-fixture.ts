import type { Report } from '../../src/domain/reports.js'

/**
 * A maker of valid text reports for the renderers' tests (the heatmap, the Excel file): numbered
 * in order, submitted on the 10th of their month, with whatever the test changes.
 */
export function reportMaker(defaults: Partial<Report> = {}) {
  let no = 0
  return (orgId: string, month: string, extra: Partial<Report> = {}): Report => ({
    no: ++no,
    month,
    orgId,
    submitterId: 'wx',
    submitterName: '张三',
    onBehalf: false,
    via: 'text',
    title: '',
    text: '开展主题宣讲',
    links: [],
    files: [],
    messageIds: [`m${no}`],
    at: `${month}-10T02:00:00Z`,
    late: false,
    withdrawn: null,
    ...defaults,
    ...extra,
  })
}
