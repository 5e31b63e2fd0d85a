import { describe, expect, it } from 'vitest'
import { formatPeriod, periodContains, spanYears, yearsOf } from '../../../src/domain/periods'
import { makeMetric } from './metric-fixture'

describe('period predicates', () => {
  const span = { start: 2016, end: 2020 }

  it('contains its end years inclusively', () => {
    expect(periodContains(span, 2016)).toBe(true)
    expect(periodContains(span, 2020)).toBe(true)
    expect(periodContains(span, 2021)).toBe(false)
  })

  it('counts years inclusively', () => {
    expect(spanYears(span)).toBe(5)
    expect(spanYears({ start: 2024, end: 2024 })).toBe(1)
  })
})

describe('formatPeriod', () => {
  it('writes a single year plainly and a span with an en dash in both locales', () => {
    expect(formatPeriod({ start: 2024, end: 2024 }, 'zh-CN')).toBe('2024')
    expect(formatPeriod({ start: 2018, end: 2022 }, 'zh-CN')).toBe('2018–2022')
    expect(formatPeriod({ start: 2018, end: 2022 }, 'en')).toBe('2018–2022')
  })
})

describe('yearsOf', () => {
  it('lists sorted distinct single years and ignores spans', () => {
    const metrics = [
      makeMetric({ period: '2024' }),
      makeMetric({ period: '2022' }),
      makeMetric({ period: '2024', district: 'fuyang' }),
      makeMetric({ period: '2016-2020' }),
    ]
    expect(yearsOf(metrics)).toEqual([2022, 2024])
  })
})
