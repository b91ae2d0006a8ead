/**
 * Summarises a .cpuprofile (bench/profile.ts): where the time went (self time by function, and by
 * package), and what ran during the longest stretches without a breath (consecutive samples that
 * are not idle). `tsx bench/profile-summary.ts <file.cpuprofile> [top=25]`
 */
import { readFileSync } from 'node:fs'

interface Node {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: Node[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
  /** Stalls seen by a 1 ms interval timer (bench/profile.ts), on the profile's clock. */
  gaps?: { atUs: number; ms: number }[]
}

const [file, topArg] = process.argv.slice(2)
const TOP = Number(topArg ?? 25)
const p = JSON.parse(readFileSync(file!, 'utf8')) as Profile
const byId = new Map(p.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)

const short = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\//, 'nm:')
    .replace(/.*\/perf17\//, '')
const label = (n: Node) =>
  `${n.callFrame.functionName || '(anon)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`
const pkg = (n: Node) => {
  const u = n.callFrame.url
  if (!u) return n.callFrame.functionName
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u)
  if (m) return m[1]!
  if (u.startsWith('node:')) return u
  return short(u).split('/').slice(0, 2).join('/')
}
const IDLE = new Set(['(idle)', '(program)'])
const idle = (id: number) => IDLE.has(byId.get(id)!.callFrame.functionName)

// Sample durations: the delta before the next sample belongs to this one.
const dur = p.samples.map((_, i) => (p.timeDeltas[i + 1] ?? 0) / 1000)
const total = (p.endTime - p.startTime) / 1000

function tally(indices: number[], key: (n: Node) => string) {
  const m = new Map<string, number>()
  for (const i of indices) {
    const k = key(byId.get(p.samples[i]!)!)
    m.set(k, (m.get(k) ?? 0) + dur[i]!)
  }
  return [...m.entries()].sort((a, b) => b[1] - a[1])
}
/** Inclusive time: every distinct frame on the sample's stack. */
function inclusive(indices: number[]) {
  const m = new Map<string, number>()
  for (const i of indices) {
    const seen = new Set<string>()
    for (let id: number | undefined = p.samples[i]; id !== undefined; id = parent.get(id)) {
      const k = label(byId.get(id)!)
      if (seen.has(k)) continue
      seen.add(k)
      m.set(k, (m.get(k) ?? 0) + dur[i]!)
    }
  }
  return [...m.entries()].sort((a, b) => b[1] - a[1])
}
const print = (title: string, rows: [string, number][], n = TOP) => {
  console.log(`\n${title}`)
  for (const [k, ms] of rows.slice(0, n)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${k}`)
}

const all = p.samples.map((_, i) => i)
const busy = all.filter((i) => !idle(p.samples[i]!))
const busyMs = busy.reduce((s, i) => s + dur[i]!, 0)
console.log(`${file}: ${total.toFixed(0)} ms profiled, ${busyMs.toFixed(0)} ms busy`)
print('self time by package', tally(busy, pkg), 15)
print('self time by function', tally(busy, label))
print('inclusive time (our code and the biggest frames)', inclusive(busy), TOP * 2)

// Longest stretches without an idle sample (a stall of the event loop, roughly).
const stretches: { from: number; to: number; ms: number }[] = []
let start = -1
for (let i = 0; i <= all.length; i++) {
  const isBusy = i < all.length && !idle(p.samples[i]!)
  if (isBusy && start < 0) start = i
  if (!isBusy && start >= 0) {
    const ms = dur.slice(start, i).reduce((s, d) => s + d, 0)
    stretches.push({ from: start, to: i, ms })
    start = -1
  }
}
stretches.sort((a, b) => b.ms - a.ms)
let at = 0
const offset = p.samples.map((_, i) => (at += p.timeDeltas[i]! / 1000))
for (const s of stretches.slice(0, 3)) {
  const idx = all.slice(s.from, s.to)
  console.log(`\n=== busy stretch of ${s.ms.toFixed(0)} ms at +${offset[s.from]!.toFixed(0)} ms`)
  print('  self by package', tally(idx, pkg), 10)
  print('  inclusive', inclusive(idx), TOP)
}

// The longest stalls a timer saw, and what was sampled meanwhile.
let clock = p.startTime
const stamps = p.timeDeltas.map((d) => (clock += d))
const gaps = [...(p.gaps ?? [])].sort((a, b) => b.ms - a.ms).slice(0, 3)
for (const g of gaps) {
  const idx = all.filter((i) => stamps[i]! >= g.atUs && stamps[i]! <= g.atUs + g.ms * 1000)
  const sampled = idx.reduce((s, i) => s + dur[i]!, 0)
  const idleMs = idx.filter((i) => idle(p.samples[i]!)).reduce((s, i) => s + dur[i]!, 0)
  console.log(
    `\n=== timer stall of ${g.ms.toFixed(0)} ms at +${((g.atUs - p.startTime) / 1000).toFixed(0)} ms: ${idx.length} samples over ${sampled.toFixed(0)} ms, ${idleMs.toFixed(0)} ms idle`,
  )
  print('  self by package', tally(idx, pkg), 10)
  print('  inclusive', inclusive(idx), TOP)
}
