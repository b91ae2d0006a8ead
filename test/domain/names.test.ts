import { describe, expect, it } from 'vitest'
import { validateName } from '../../src/domain/names.js'

describe('real-name rules', () => {
  it.each(['张三', '欧阳娜娜', '阿依古丽·买买提', 'Tom', 'MaryAnn', '李'.repeat(20)])('accepts %s', (n) => {
    expect(validateName(n)).toEqual({ ok: true, name: n })
  })

  it('folds full-width letters and the other middle dots', () => {
    expect(validateName('Ｔｏｍ')).toEqual({ ok: true, name: 'Tom' })
    expect(validateName('阿依古丽•买买提')).toEqual({ ok: true, name: '阿依古丽·买买提' })
  })

  it.each([
    ['李', 'NAME_LENGTH'],
    ['李'.repeat(21), 'NAME_LENGTH'],
    ['张三3', 'NAME_DIGIT'],
    ['张３', 'NAME_DIGIT'],
    ['张三😀', 'NAME_EMOJI'],
    ['张三🇨🇳', 'NAME_EMOJI'],
    ['张_三', 'NAME_CHARS'],
    ['·张三', 'NAME_CHARS'],
    ['张三！', 'NAME_CHARS'],
  ])('rejects %s with %s', (n, code) => {
    expect(validateName(n)).toEqual({ ok: false, code })
  })
})

describe('dates shown to people', () => {
  it('are Asia/Shanghai dates whatever the server zone', async () => {
    const { shanghaiDate } = await import('../../src/domain/calendar.js')
    expect(shanghaiDate('2026-11-30T16:30:00Z')).toBe('2026-12-01')
    expect(shanghaiDate(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30')
  })
})
