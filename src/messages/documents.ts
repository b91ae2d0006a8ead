/** The words inside the files: font and style names of the Word documents, the Excel footer, labels. */

export const DOC_FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  h1: '黑体',
  h2: '楷体_GB2312',
  page: '宋体',
  latin: 'Times New Roman',
}
/** The alternative each font falls back to where it is not installed. */
export const DOC_FALLBACKS: Readonly<Record<string, string>> = {
  方正小标宋简体: '华文中宋',
  仿宋_GB2312: '仿宋',
  楷体_GB2312: '楷体',
}
export const STYLE_NAMES = {
  title: '公文标题',
  h1: '一级标题',
  h2: '二级标题',
  caption: '图注',
  sign: '落款',
}
/** "第 N 页 共 M 页", centred in the Excel footer. */
export const XLSX_FOOTER = '&C第 &P 页 共 &N 页'
export const WHOLE_CITY = '全市'
export const DOC_WORDS = {
  total: '合计',
  month: (m: string) => `${Number(m.slice(5))}月`,
  listSep: '、',
  clauseSep: '，',
  gap: '\u3000',
  flagged: ['预警', '建议调整'] as readonly string[],
}
