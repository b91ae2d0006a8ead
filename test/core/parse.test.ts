import { describe, expect, it } from 'vitest'
import { parseCommand, tokenize } from '../../src/core/parse.js'

describe('recognising a command', () => {
  it('takes # and ＃, with or without a space after it', () => {
    expect(parseCommand('#注册 张三 日新', false)).toMatchObject({
      hashed: true,
      word: '注册',
      tokens: ['张三', '日新'],
    })
    expect(parseCommand('＃注册 张三 日新', false)).toMatchObject({ word: '注册', tokens: ['张三', '日新'] })
    expect(parseCommand('# 帮助', false)).toMatchObject({ word: '帮助', tokens: [] })
  })

  it('folds full-width colons, ideographic spaces, U+2005 and repeated spaces', () => {
    expect(parseCommand('#注册：张三\u3000\u3000日新街道', false)).toMatchObject({
      word: '注册',
      tokens: ['张三', '日新街道'],
    })
    expect(parseCommand('  #注册\u2005张三   日新街道  ', false)).toMatchObject({
      tokens: ['张三', '日新街道'],
    })
    expect(parseCommand('#注册:张三 日新', false)).toMatchObject({ word: '注册', tokens: ['张三', '日新'] })
    expect(parseCommand('#ＨＥＬＰ', false)).toMatchObject({ word: 'HELP' })
  })

  it('keeps a quoted phrase as one argument', () => {
    expect(tokenize('张三 「大连市工青妇“双创”联合体」 工会')).toEqual([
      '张三',
      '大连市工青妇“双创”联合体',
      '工会',
    ])
    expect(tokenize('「西岗区 日新街道」')).toEqual(['西岗区 日新街道'])
    expect(tokenize('“日新 街道”')).toEqual(['日新 街道'])
  })

  it('returns nothing for chatter, and a command word for a message addressed to the bot', () => {
    expect(parseCommand('大家好，今天的活动很成功', false)).toBeNull()
    expect(parseCommand('注册 张三', false)).toBeNull()
    expect(parseCommand('注册 张三 日新', true)).toMatchObject({
      hashed: false,
      word: '注册',
      tokens: ['张三', '日新'],
    })
    expect(parseCommand('', true)).toMatchObject({ word: '' })
    expect(parseCommand('#', false)).toMatchObject({ hashed: true, word: '' })
  })

  it('keeps the rest as typed, for free text', () => {
    expect(parseCommand('#上报 今天，我们开展了“六有”活动！', false)?.rest).toBe(
      '今天，我们开展了“六有”活动！',
    )
  })
})
