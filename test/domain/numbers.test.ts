import { describe, expect, it } from 'vitest'
import { parseNo } from '../../src/domain/numbers.js'

describe('parseNo: 编号 as people write them', () => {
  it('reads the forms people type', () => {
    for (const w of [
      '6',
      '6号',
      '第6',
      '第6篇',
      '编号6',
      'No.6',
      'no6',
      'NO.6',
      '#6',
      '＃6',
      '６',
      '６号',
      '第 6',
    ])
      expect(parseNo(w), w).toBe(6)
    expect(parseNo('57')).toBe(57)
  })
  it('refuses what is no number', () => {
    for (const w of ['', 'abc', '0', '6a', '第', '号', '六', '-6', '6.5']) expect(parseNo(w), w).toBeNull()
  })
})
