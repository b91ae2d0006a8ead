/**
 * The "try it as a user" pass of 2 December 2026: each case is an exact input from the console
 * group and the reply a person on a phone should get.
 */
import { describe, expect, it } from 'vitest'
import { makeRecordsCore } from '../support/core.js'

describe('#考核设置 says in Chinese which rule a value breaks', () => {
  it('#考核设置 权重 上报 120 and #考核设置 阈值 优秀 70: no English, the rule and the numbers', async () => {
    const { ask, repo } = await makeRecordsCore()
    const weight = await ask('admin', '#考核设置 权重 上报 120')
    expect(weight).toBe('未保存：上报权重须在 0–100 之间，您写的是 120。')
    const order = await ask('admin', '#考核设置 阈值 优秀 70')
    expect(order).toBe('未保存：优秀线（70）不能低于合格线（75）。')
    expect(await ask('admin', '#考核设置 补报 1.5')).toBe('未保存：补报折算须在 0–1 之间，您写的是 1.5。')
    expect(await ask('admin', '#考核设置 预警连缺 10')).toBe('未保存：调整连缺（5）不能低于预警连缺（10）。')
    expect(await ask('admin', '#考核设置 项目目标 0')).toBe('未保存：项目目标须为正整数，您写的是 0。')
    for (const part of ['六有', '项目', '计划', '指导', '类别', '评分'])
      await ask('admin', `#考核设置 ${part} 0`)
    expect(await ask('admin', '#考核设置 上报 0')).toBe('未保存：各项权重不能全为 0，至少一项须大于 0。')
    for (const reply of [weight, order]) expect(reply).not.toMatch(/[A-Za-z]/)
    expect(repo.records.assessmentOverride().weights?.reporting).toBeUndefined()
  })
})
