import { describe, expect, it } from 'vitest'
import { locateFigure } from '../../../src/domain/locate-figure'

describe('locateFigure', () => {
  it('finds a plain count', () => {
    const q = '指导镇街局产业级技术比武84场'
    const span = locateFigure(q, 84)
    expect(span && q.slice(span.start, span.end)).toBe('84')
  })

  it('matches a figure stated in 万 against its base-unit value', () => {
    const q = '发放助学金97.89万元，惠及职工260名'
    const span = locateFigure(q, 978900)
    expect(span && q.slice(span.start, span.end)).toBe('97.89万')
  })

  it('matches 亿 and skips earlier numbers that do not state the value', () => {
    const q = '2024年累计发放1.75亿元'
    const span = locateFigure(q, 175000000)
    expect(span && q.slice(span.start, span.end)).toBe('1.75亿')
  })

  it('returns null when the value is not in the quote', () => {
    expect(locateFigure('新建工会442家', 641)).toBeNull()
  })
})

describe('locateFigure with markdown emphasis left in a quote', () => {
  it('reads 超**2**万人 as 20000', () => {
    const q = '服务职工超**2**万人'
    const span = locateFigure(q, 20000)
    expect(span && q.slice(span.start, span.end)).toBe('2**万')
  })
})
