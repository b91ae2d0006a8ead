/**
 * Which sentences the bot can say: the sentence modules (`src/messages/*.ts` and each feature's
 * `sentences.ts`), what they export, which exports and table keys the code (not the tests) uses,
 * and the imports among the sentence modules.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

export const isSentenceModule = (rel: string) =>
  /^src\/messages\/[\w-]+\.ts$/.test(rel) || /^commands\/[\w-]+\/sentences\.ts$/.test(rel)

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : []
  })
}

export interface Source {
  rel: string
  text: string
}

/** The project's code (src, commands, storage, scripts), relative to `root`. */
export function projectSources(root: string): Source[] {
  return ['src', 'commands', 'storage', 'scripts']
    .flatMap((d) => files(join(root, d)))
    .map((p) => ({ rel: relative(root, p).split('\\').join('/'), text: readFileSync(p, 'utf8') }))
}

const resolveImport = (from: string, spec: string) =>
  spec.startsWith('.') ? relative('.', resolve(dirname(from), spec)).replace(/\.js$/, '.ts') : null

/** The sentence modules each sentence module imports. */
export function sentenceImports(sources: Source[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const s of sources.filter((x) => isSentenceModule(x.rel))) {
    const sf = ts.createSourceFile(s.rel, s.text, ts.ScriptTarget.ES2022, true)
    const deps = sf.statements
      .filter(ts.isImportDeclaration)
      .map((d) => resolveImport(s.rel, (d.moduleSpecifier as ts.StringLiteral).text))
      .filter((p): p is string => p !== null && isSentenceModule(p))
    out.set(s.rel, deps)
  }
  return out
}

/** A cycle among the sentence modules, or null. */
export function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (n: string): string[] | null => {
    if (state.get(n) === 'done') return null
    if (state.get(n) === 'open') return [...path.slice(path.indexOf(n)), n]
    state.set(n, 'open')
    path.push(n)
    for (const d of graph.get(n) ?? []) {
      const c = visit(d)
      if (c) return c
    }
    path.pop()
    state.set(n, 'done')
    return null
  }
  for (const n of graph.keys()) {
    const c = visit(n)
    if (c) return c
  }
  return null
}

/**
 * Exports of sentence modules, and keys of their exported tables, that no code uses: `module:NAME`
 * or `module:NAME.key`. A table read by index (`KIND_LABEL[k]`) or passed whole counts as used.
 */
export function unusedSentences(sources: Source[]): string[] {
  const exported = new Map<string, Map<string, string[] | null>>() // module -> name -> keys (null: not a table)
  const used = new Set<string>()
  const whole = new Set<string>()
  for (const s of sources.filter((x) => isSentenceModule(x.rel))) {
    const sf = ts.createSourceFile(s.rel, s.text, ts.ScriptTarget.ES2022, true)
    const names = new Map<string, string[] | null>()
    for (const st of sf.statements) {
      const isExported =
        ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      if (!isExported) continue
      if (ts.isFunctionDeclaration(st) && st.name) names.set(st.name.text, null)
      if (ts.isVariableStatement(st))
        for (const d of st.declarationList.declarations) {
          let init = d.initializer
          while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression
          const keys =
            init && ts.isObjectLiteralExpression(init)
              ? init.properties.flatMap((p) => (p.name && ts.isIdentifier(p.name) ? [p.name.text] : []))
              : null
          names.set(d.name.getText(), keys)
        }
    }
    exported.set(s.rel, names)
  }
  for (const s of sources) {
    const sf = ts.createSourceFile(s.rel, s.text, ts.ScriptTarget.ES2022, true)
    const local = new Map<string, string>() // local identifier -> module:NAME
    for (const name of exported.get(s.rel)?.keys() ?? []) local.set(name, `${s.rel}:${name}`)
    for (const d of sf.statements.filter(ts.isImportDeclaration)) {
      const mod = resolveImport(s.rel, (d.moduleSpecifier as ts.StringLiteral).text)
      const bindings = d.importClause?.namedBindings
      if (!mod || !exported.has(mod) || !bindings || !ts.isNamedImports(bindings)) continue
      for (const el of bindings.elements) {
        const name = (el.propertyName ?? el.name).text
        local.set(el.name.text, `${mod}:${name}`)
        used.add(`${mod}:${name}`)
      }
    }
    const visit = (n: ts.Node) => {
      if (ts.isIdentifier(n) && local.has(n.text)) {
        const id = local.get(n.text)!
        const p = n.parent
        const declared = (ts.isVariableDeclaration(p) || ts.isFunctionDeclaration(p)) && p.name === n
        const imported = ts.isImportSpecifier(p)
        if (!declared && !imported) {
          used.add(id)
          if (ts.isPropertyAccessExpression(p) && p.expression === n) used.add(`${id}.${p.name.text}`)
          else whole.add(id)
        }
      }
      ts.forEachChild(n, visit)
    }
    visit(sf)
  }
  const unused: string[] = []
  for (const [mod, names] of exported)
    for (const [name, keys] of names) {
      const id = `${mod}:${name}`
      if (!used.has(id)) unused.push(id)
      else if (keys && !whole.has(id))
        for (const k of keys) if (!used.has(`${id}.${k}`)) unused.push(`${id}.${k}`)
    }
  return unused.sort()
}
