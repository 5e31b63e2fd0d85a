import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  allYearsCovered,
  formatPeriod,
  isCumulative,
  parsePeriod,
  periodContains,
  periodsOverlap,
  spanYears,
  yearsOf,
} from '../../../src/domain/periods'
import { makeMetric } from './metric-fixture'

describe('parsePeriod', () => {
  it('parses a single year and a span', () => {
    expect(parsePeriod('2024')).toEqual({ start: 2024, end: 2024 })
    expect(parsePeriod('2016-2020')).toEqual({ start: 2016, end: 2020 })
  })

  it('accepts surrounding spaces and the en dash formatPeriod writes', () => {
    expect(parsePeriod(' 2018–2022 ')).toEqual({ start: 2018, end: 2022 })
  })

  it('rejects reversed spans, years outside 1949–2100 and malformed text', () => {
    for (const bad of [
      '2020-2016',
      '1948',
      '2101',
      '2024-2101',
      '24',
      '2024-',
      '2024/2025',
      'abcd',
      '',
      '2024-2025-2026',
    ]) {
      expect(parsePeriod(bad), bad).toBeNull()
    }
  })

  it('accepts the boundary years', () => {
    expect(parsePeriod('1949-2100')).toEqual({ start: 1949, end: 2100 })
  })

  it('round-trips through formatPeriod for every valid period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1949, max: 2100 }), fc.integer({ min: 0, max: 20 }), (start, len) => {
        const p = { start, end: Math.min(start + len, 2100) }
        expect(parsePeriod(formatPeriod(p, 'en'))).toEqual(p)
      }),
    )
  })
})

describe('period predicates', () => {
  const span = { start: 2016, end: 2020 }

  it('calls only multi-year spans cumulative', () => {
    expect(isCumulative(span)).toBe(true)
    expect(isCumulative({ start: 2024, end: 2024 })).toBe(false)
  })

  it('contains its end years inclusively', () => {
    expect(periodContains(span, 2016)).toBe(true)
    expect(periodContains(span, 2020)).toBe(true)
    expect(periodContains(span, 2021)).toBe(false)
  })

  it('detects overlap including a shared boundary year', () => {
    expect(periodsOverlap(span, { start: 2020, end: 2024 })).toBe(true)
    expect(periodsOverlap(span, { start: 2021, end: 2024 })).toBe(false)
    expect(periodsOverlap({ start: 2018, end: 2018 }, span)).toBe(true)
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

describe('allYearsCovered', () => {
  it('includes every year inside a span', () => {
    expect(allYearsCovered([makeMetric({ period: '2024' }), makeMetric({ period: '2018-2020' })])).toEqual([
      2018, 2019, 2020, 2024,
    ])
  })

  it('is empty for no figures', () => {
    expect(allYearsCovered([])).toEqual([])
  })
})
