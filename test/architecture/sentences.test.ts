import { describe, expect, it } from 'vitest'
import { scanProject, scanSource } from './cjk-scan.js'

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
