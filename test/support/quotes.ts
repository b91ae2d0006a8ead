/** A test's own check that a text closes every quotation it opens: “…”, 「…」, 《…》, ‘…’, 『…』, （…）, (…). */
const PAIRS: Record<string, string> = {
  '“': '”',
  '「': '」',
  '《': '》',
  '‘': '’',
  '『': '』',
  '（': '）',
  '(': ')',
}

export function quotesBalanced(text: string): boolean {
  const open: string[] = []
  for (const ch of text) {
    if (ch in PAIRS) open.push(PAIRS[ch]!)
    else if (Object.values(PAIRS).includes(ch) && open.at(-1) === ch) open.pop()
  }
  const straight = [...text].filter((ch) => ch === '"').length
  return open.length === 0 && straight % 2 === 0
}
