import { describe, expect, it } from 'vitest'
import { scanProject, scanSource } from './cjk-scan.js'
import {
  findCycle,
  isSentenceModule,
  projectSources,
  sentenceImports,
  unusedSentences,
} from './sentence-use.js'

describe('every sentence the bot says lives in src/messages', () => {
  it('finds no Chinese string outside the sentence table, the vocabulary and help fields', () => {
    const found = scanProject(process.cwd()).map((f) => `${f.file}:${f.line} ${f.text.slice(0, 30)}`)
    expect(found).toEqual([])
  })

  it('would catch a sentence written into a command, and lets help fields pass', () => {
    const source = [
      "import { defineCommand } from '../src/core/types.js'",
      "export const x = defineCommand({ name: '测试', usage: '#测试', summary: '说明', details: ['细节'],",
      "  examples: ['#测试 1'], run: () => [{ text: '收到了' }] })",
      'const t = `已撤回${1}篇`',
    ].join('\n')
    expect(scanSource('commands/x.ts', source).map((f) => f.text)).toEqual(['收到了', '已撤回', '篇'])
  })
})

describe('the sentence modules', () => {
  const sources = projectSources(process.cwd())

  it('says every sentence somewhere: no export or table key that no code uses', () => {
    expect(unusedSentences(sources)).toEqual([])
  })

  it('would find a sentence nobody uses, and a table read by index counts as used', () => {
    const fake = [
      {
        rel: 'commands/x/sentences.ts',
        text: "export const X = { said: '说', unsaid: '没说' }\nexport const L = { a: '甲' }\nexport const lone = () => '单'",
      },
      {
        rel: 'commands/x/x.ts',
        text: "import { X, L } from './sentences.js'\nexport const y = [X.said, L['a']]",
      },
    ]
    expect(unusedSentences(fake)).toEqual([
      'commands/x/sentences.ts:X.unsaid',
      'commands/x/sentences.ts:lone',
    ])
  })

  it('addresses people as 您 in every sentence, never 你', () => {
    const informal = sources
      .filter((s) => isSentenceModule(s.rel) || s.rel.startsWith('commands/'))
      .flatMap((s) => s.text.split('\n').map((line, i) => ({ at: `${s.rel}:${i + 1}`, line })))
      .filter(({ line }) => /你(?!好)/.test(line.replace(/\/\/.*$|^\s*\*.*$/, '')))
      .map(({ at }) => at)
    expect(informal).toEqual([])
  })

  it('imports no sentence module in a circle, and no file is named after a milestone', () => {
    expect(findCycle(sentenceImports(sources))).toBeNull()
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['a']],
        ]),
      ),
    ).toEqual(['a', 'b', 'a'])
    const milestone = /first-week|usability|issue-?\d|milestone|^zh\.ts$/
    expect(sources.map((s) => s.rel).filter((r) => milestone.test(r.split('/').at(-1)!))).toEqual([])
  })
})
