import { describe, expect, it } from 'vitest'
import {
  figureKey,
  isCumulativeMetric,
  isDerived,
  metricKey,
  periodKey,
  readableQuote,
} from '../../../src/domain/metric'
import { makeMetric } from './metric-fixture'

describe('isDerived', () => {
  it('reads the method column, never the words of the note', () => {
    expect(isDerived({ method: 'derived' })).toBe(true)
    expect(isDerived({ method: 'reported' })).toBe(false)
    expect(isDerived(makeMetric({ note: '推算：200 × 4000', method: 'reported' }))).toBe(false)
  })
})

describe('metric keys', () => {
  it('builds district|indicator|period and appends the dataset for metricKey', () => {
    const m = makeMetric({ district: 'fuyang', indicator: 'members', period: '2016-2020', dataset: 'import-1' })
    expect(figureKey(m)).toBe('fuyang|members|2016-2020')
    expect(metricKey(m)).toBe('fuyang|members|2016-2020|import-1')
  })

  it('uses the canonical period text whatever the CSV wrote', () => {
    expect(periodKey({ start: 2018, end: 2022 })).toBe('2018-2022')
    expect(periodKey({ start: 2024, end: 2024 })).toBe('2024')
  })

  it('tells multi-year totals from single years', () => {
    expect(isCumulativeMetric({ start: 2016, end: 2020 })).toBe(true)
    expect(isCumulativeMetric({ start: 2024, end: 2024 })).toBe(false)
  })
})

describe('readableQuote', () => {
  it('drops markdown emphasis and keeps the words', () => {
    expect(readableQuote('参与职工超**2**万人')).toBe('参与职工超2万人')
    expect(readableQuote('全区新建工会组织442家')).toBe('全区新建工会组织442家')
  })
})
