/** The admin code's box at the operator's terminal width: a phone's SSH client shows 40 columns. */
import { describe, expect, it } from 'vitest'
import { ADMIN_CODE, BOX_MAX, columns } from '../../src/messages/admin-code.js'

const CODE = '5RYN-NH83'

describe('the admin code box', () => {
  for (const width of [30, 40, 50, BOX_MAX, 120]) {
    it(`fits ${width} columns, breaks after punctuation, keeps the code and the command whole`, () => {
      for (const box of [ADMIN_CODE.box(CODE, width), ADMIN_CODE.issued(CODE, width)]) {
        const lines = box.split('\n')
        for (const l of lines) expect(columns(l)).toBeLessThanOrEqual(Math.min(width, BOX_MAX))
        const inner = lines.slice(1, -1).map((l) => l.slice(2, -2).trimEnd())
        for (const l of inner) expect(l).not.toMatch(/^[，。：；、？！）》”]/)
        expect(inner.some((l) => l.includes(CODE))).toBe(true)
        expect(inner).toContain(`#认证管理员 ${CODE}`)
      }
      const text = ADMIN_CODE.box(CODE, width)
      expect(text.replace(/[│┌┐└┘─\s]/g, '')).toContain(
        '忘记了？先停止机器人，再运行npmrunadmin-code生成新码。',
      )
    })
  }

  it('keeps the 60-column box of a wide terminal as it was: the first line whole', () => {
    expect(ADMIN_CODE.box(CODE).split('\n')[1]).toContain(`管理员认证码（一次性，仅显示这一次）：${CODE}`)
  })
})
