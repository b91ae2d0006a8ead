/** The relative imports between the project's own modules, and the circles among them. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : []
  })
}

/** Module → the modules it imports (type-only imports and re-exports included), paths from the root. */
export function importGraph(roots: readonly string[], root = process.cwd()): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of roots.flatMap((r) => files(join(root, r)))) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((s) => s.startsWith('.'))
      .map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')))
      .filter((p) => existsSync(p))
      .map((p) => relative(root, p))
    graph.set(relative(root, file), [...new Set(targets)])
  }
  return graph
}

/** Every circle, as the modules of one strongly connected part (Tarjan), each sorted; the list sorted. */
export function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (v: string) => {
    index.set(v, next)
    low.set(v, next++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) !== index.get(v)) return
    const part: string[] = []
    let w: string
    do {
      w = stack.pop()!
      onStack.delete(w)
      part.push(w)
    } while (w !== v)
    if (part.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(part.sort())
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!))
}

/** One path around a circle, for the message: a → b → … → a. */
export function loopThrough(graph: ReadonlyMap<string, readonly string[]>, part: readonly string[]): string {
  const inPart = new Set(part)
  const start = part[0]!
  const seen = new Map<string, string>()
  const queue = [start]
  while (queue.length > 0) {
    const v = queue.shift()!
    for (const w of graph.get(v) ?? []) {
      if (!inPart.has(w)) continue
      if (w === start) {
        const path = [start]
        for (let u = v; u !== start; u = seen.get(u)!) path.splice(1, 0, u)
        return [...path, start].join(' → ')
      }
      if (!seen.has(w)) {
        seen.set(w, v)
        queue.push(w)
      }
    }
  }
  return part.join(', ')
}
