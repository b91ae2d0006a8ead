/**
 * Finds user-visible Chinese outside the sentence table: string and template literals with CJK
 * characters in `src/` and `commands/`, except `src/messages/`, each feature's `sentences.ts`, the vocabulary and roster data
 * modules (words people type, names from the notice), and the help fields of command declarations.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/
/** Fields of a `defineCommand({...})` declaration that are help text, shown by #帮助. */
const HELP_FIELDS = new Set(['name', 'aliases', 'usage', 'summary', 'details', 'examples'])
/** Modules that are data or input vocabulary, not sentences. */
export const EXEMPT = [
  /^src\/messages\//,
  /^commands\/[\w-]+\/sentences\.ts$/,
  /^src\/domain\/roster-data\.ts$/,
  /^src\/domain\/vocabulary\.ts$/,
]

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : []
  })
}

function inHelpField(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (ts.isPropertyAssignment(n) && HELP_FIELDS.has(n.name.getText())) {
      const obj = n.parent
      const call = obj.parent
      if (ts.isCallExpression(call) && /define\w*Command/.test(call.expression.getText())) return true
    }
  }
  return false
}

export interface Finding {
  file: string
  line: number
  text: string
}

/** Scans one source text; `file` is the path relative to the project root. */
export function scanSource(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true)
  const out: Finding[] = []
  const visit = (node: ts.Node) => {
    const literal =
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    if (literal && CJK.test(node.text) && !inHelpField(node)) {
      // Import paths and the keys of object literals are never said.
      const parent = node.parent
      if (!ts.isImportDeclaration(parent) && !(ts.isPropertyAssignment(parent) && parent.name === node)) {
        out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return out
}

/** Every finding under `src/` and `commands/` of the project at `root`. */
export function scanProject(root: string): Finding[] {
  return ['src', 'commands']
    .flatMap((d) => files(join(root, d)))
    .map((p) => relative(root, p).split('\\').join('/'))
    .filter((rel) => !EXEMPT.some((re) => re.test(rel)))
    .flatMap((rel) => scanSource(rel, readFileSync(join(root, rel), 'utf8')))
}
