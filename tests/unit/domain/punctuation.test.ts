import { describe, expect, it } from 'vitest'
import { joinSentences, joinWith, mark } from '../../../src/domain/punctuation'

describe('mark', () => {
  it('gives full-width marks in Chinese and spaced ones in English', () => {
    expect(mark('colon', 'zh-CN')).toBe('：')
    expect(mark('colon', 'en')).toBe(': ')
    expect(mark('enumeration', 'zh-CN')).toBe('、')
    expect(mark('enumeration', 'en')).toBe(', ')
  })
})

describe('joinWith', () => {
  it('joins the non-empty parts with the language’s mark', () => {
    expect(joinWith(['萧山', '', null, '西湖'], 'enumeration', 'zh-CN')).toBe('萧山、西湖')
    expect(joinWith(['Xiaoshan', undefined, 'Xihu'], 'clause', 'en')).toBe('Xiaoshan; Xihu')
    expect(joinWith([], 'comma', 'en')).toBe('')
  })
})

describe('joinSentences', () => {
  it('ends each sentence but the last with the language’s full stop', () => {
    expect(joinSentences(['会员人数', '萧山最多'], 'zh-CN')).toBe('会员人数。萧山最多')
    expect(joinSentences(['Members', 'Xiaoshan has the most'], 'en')).toBe('Members. Xiaoshan has the most')
  })

  it('adds no second stop after a part that already ends a sentence', () => {
    expect(joinSentences(['会员人数。', '萧山最多。'], 'zh-CN')).toBe('会员人数。萧山最多。')
    expect(joinSentences(['Members?', 'Xiaoshan.'], 'en')).toBe('Members? Xiaoshan.')
  })

  it('leaves out empty parts, so a chart without a takeaway is read as its title alone', () => {
    expect(joinSentences(['Members', ''], 'en')).toBe('Members')
    expect(joinSentences(['会员人数', null], 'zh-CN')).toBe('会员人数')
  })
})
