import { describe, expect, it } from 'vitest'
import { shortNote, yearlyAverage } from '../../../src/charts/options/build-comparison-card'
import type { Metric } from '../../../src/types/domain'

const total: Metric = {
  district: 'xihu',
  indicator: 'unions_founded',
  period: '2018-2022',
  start: 2018,
  end: 2022,
  value: 931,
  qualifier: 'exact',
  source: 's',
  quote: '',
  note: '',
  line: 2,
  dataset: 'builtin',
}

describe('yearlyAverage', () => {
  it('divides a multi-year total by its number of years and labels it', () => {
    expect(yearlyAverage(total, '家', 'zh-CN', '年均（推算）')).toBe(' · 年均（推算） ≈186.2家')
  })

  it('is empty for a single year', () => {
    expect(yearlyAverage({ ...total, period: '2024', start: 2024, end: 2024 }, '家', 'zh-CN', 'x')).toBe('')
  })
})

describe('shortNote', () => {
  it('keeps the first sentence and cuts long ones', () => {
    expect(shortNote('仅含企业工会。另见附注。')).toBe('仅含企业工会')
    expect(shortNote('字'.repeat(80))).toHaveLength(60)
  })
})
