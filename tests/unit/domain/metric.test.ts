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
  it('recognises a note starting with "derived" in any case', () => {
    expect(isDerived({ note: 'Derived: 442 + 200' })).toBe(true)
    expect(isDerived({ note: 'derived from table 3' })).toBe(true)
    expect(isDerived({ note: '  DERIVED' })).toBe(true)
  })

  it('recognises 推算 anywhere in the note', () => {
    expect(isDerived({ note: '按月均值推算' })).toBe(true)
  })

  it('is false for ordinary notes, including ones that merely mention "derived" later', () => {
    expect(isDerived({ note: '' })).toBe(false)
    expect(isDerived({ note: '仅含新建工会' })).toBe(false)
    expect(isDerived({ note: 'not derived' })).toBe(false)
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
