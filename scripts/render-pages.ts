/**
 * The pages of the sample files as a leader prints them (scripts/render-samples.ts): LibreOffice
 * to PDF, poppler to PNG, with the page counts, empty pages and where each sheet starts.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

/** The first line of a page's text: a sheet's title where a sheet starts. */
function firstLine(pdf: string, page: number): string {
  const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-']).toString()
  return text.split('\n').find((l) => l.trim() !== '') ?? ''
}

/**
 * PDF pages of a file, the empty ones, and for a workbook the pages each sheet starts on; every
 * page as a small PNG in pages/ (look at them), and one of them copied to docs/images/.
 */
export function render(out: string, images: string, file: string, page: number, image: string): void {
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, join(out, file)], {
    stdio: 'ignore',
  })
  const pdf = join(out, file.replace(/\.\w+$/, '.pdf'))
  const info = execFileSync('pdfinfo', [pdf]).toString()
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0)
  const empty: number[] = []
  const starts: string[] = []
  for (let p = 1; p <= pages; p++) {
    const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-']).toString()
    if (text.trim() === '') empty.push(p)
    // A sheet's first page carries its scope line.
    if (file.endsWith('.xlsx') && text.includes('范围：')) starts.push(`p${p} ${firstLine(pdf, p).trim()}`)
  }
  console.log(`${file}: ${pages} pages${empty.length > 0 ? `, empty: ${empty.join(', ')}` : ', none empty'}`)
  for (const s of starts) console.log(`  ${s}`)
  const all = join(out, 'pages')
  mkdirSync(all, { recursive: true })
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(all, image)])
  const prefix = join(out, image)
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdf,
    prefix,
  ])
  copyFileSync(`${prefix}.png`, join(images, `${image}.png`))
}

/** Excel measures column widths in Calibri's digits: without Calibri or Carlito the pages are not Excel's. */
export function checkFonts(): void {
  const calibri = execFileSync('fc-match', ['Calibri']).toString()
  if (!/Carlito|Calibri/i.test(calibri))
    console.warn(
      `Calibri is drawn with ${calibri.trim()}: widths and pages will differ from Excel's. Install fonts-crosextra-carlito.`,
    )
}
