import { describe, expect, it } from 'vitest'
import { filterTableRows, matchesTableYear, sortTableRows, toTableRows } from '../../../src/domain/table-rows'
import type { Catalogue, Metric } from '../../../src/types/domain'
import { makeSource } from './source-fixture'

const catalogue: Catalogue = {
  districts: [
    { id: 'xiaoshan', nameZh: '萧山区', nameEn: 'Xiaoshan', color: '#0072B2' },
    { id: 'fuyang', nameZh: '富阳区', nameEn: 'Fuyang', color: '#CC79A7' },
  ],
  indicators: [
    {
      id: 'unions_founded',
      category: 'organising',
      nameZh: '新建基层工会',
      nameEn: 'New unions',
      unit: '家',
      description: '',
      descriptionEn: '',
    },
    {
      id: 'health_checks',
      category: 'welfare',
      nameZh: '免费体检',
      nameEn: 'Health checks',
      unit: '人',
      description: '',
      descriptionEn: '',
    },
  ],
  sources: [
    makeSource({
      id: 'fy',
      district: 'fuyang',
      titleZh: '富阳报告',
      published: '2025',
      period: '2024',
      file: 'f.txt',
      note: '',
    }),
  ],
  bases: [],
  boundaries: [],
}

function metric(p: Partial<Metric>): Metric {
  return {
    district: 'xiaoshan',
    indicator: 'unions_founded',
    period: '2024',
    start: 2024,
    end: 2024,
    value: 1,
    qualifier: 'exact',
    source: 'fy',
    quote: '',
    note: '',
    measure: 'flow',
    basis: '',
    status: 'achieved',
    method: 'reported',
    noteEn: '',
    place: null,
    line: 2,
    dataset: 'builtin',
    ...p,
  }
}

const rows = toTableRows(
  [
    metric({ value: 442 }),
    metric({ district: 'fuyang', value: 642, quote: '新建工会642家' }),
    metric({ district: 'fuyang', indicator: 'health_checks', value: 5000, period: '2023', start: 2023, end: 2023 }),
  ],
  catalogue,
  'zh-CN',
)

describe('toTableRows', () => {
  it('joins names, category, unit and source title', () => {
    expect(rows[1]).toMatchObject({
      districtName: '富阳区',
      indicatorName: '新建基层工会',
      category: 'organising',
      unit: '家',
      sourceTitle: '富阳报告',
    })
  })
})

describe('filterTableRows', () => {
  it('filters by district, category and period', () => {
    const q = {
      districts: ['fuyang'],
      year: 'latest' as const,
      cumulative: false,
      category: '' as const,
      indicator: '',
      period: '',
      text: '',
    }
    expect(filterTableRows(rows, q)).toHaveLength(2)
    expect(filterTableRows(rows, { ...q, category: 'welfare' })).toHaveLength(1)
    expect(filterTableRows(rows, { ...q, period: '2024' }).map((r) => r.value)).toEqual([642])
  })

  it('searches the quote text', () => {
    const q = {
      districts: ['xiaoshan', 'fuyang'],
      year: 'latest' as const,
      cumulative: false,
      category: '' as const,
      indicator: '',
      period: '',
      text: '642家',
    }
    expect(filterTableRows(rows, q).map((r) => r.district)).toEqual(['fuyang'])
  })
})

describe('matchesTableYear', () => {
  const single = { start: 2024, end: 2024 }
  const total = { start: 2018, end: 2022 }
  it('lets every figure in for the latest choice, totals included', () => {
    expect(matchesTableYear(single, 'latest', false)).toBe(true)
    expect(matchesTableYear(total, 'latest', false)).toBe(true)
  })

  it('keeps a single year only for its own year', () => {
    expect(matchesTableYear(single, 2024, false)).toBe(true)
    expect(matchesTableYear(single, 2023, true)).toBe(false)
  })

  it('lists a multi-year total for a year it spans only when totals are shown, as the charts do', () => {
    expect(matchesTableYear(total, 2020, false)).toBe(false)
    expect(matchesTableYear(total, 2020, true)).toBe(true)
    expect(matchesTableYear(total, 2022, true)).toBe(true)
    expect(matchesTableYear(total, 2024, true)).toBe(false)
  })
})

describe('filterTableRows by the app filters', () => {
  const withTotal = toTableRows(
    [
      metric({ district: 'fuyang', value: 642 }),
      metric({ district: 'fuyang', value: 5000, period: '2023', start: 2023, end: 2023 }),
      metric({ district: 'xiaoshan', value: 931, period: '2020-2024', start: 2020, end: 2024 }),
      metric({ district: 'xiaoshan', value: 7, period: '2024', start: 2024, end: 2024 }),
    ],
    catalogue,
    'zh-CN',
  )
  const base = { category: '' as const, indicator: '', period: '', text: '' }
  it('keeps the chosen year and districts only', () => {
    const q = { ...base, districts: ['fuyang'], year: 2024, cumulative: false }
    expect(filterTableRows(withTotal, q).map((r) => r.value)).toEqual([642])
    const both = { ...q, districts: ['xiaoshan', 'fuyang'] }
    expect(filterTableRows(withTotal, both).map((r) => r.value)).toEqual([642, 7])
  })

  it('adds the totals that span the year when totals are shown', () => {
    const q = { ...base, districts: ['xiaoshan', 'fuyang'], year: 2024, cumulative: true }
    expect(filterTableRows(withTotal, q).map((r) => r.value)).toEqual([642, 931, 7])
  })
})

describe('sortTableRows', () => {
  it('sorts numerically by value in both directions', () => {
    expect(sortTableRows(rows, 'value', 'desc').map((r) => r.value)).toEqual([5000, 642, 442])
    expect(sortTableRows(rows, 'value', 'asc').map((r) => r.value)).toEqual([442, 642, 5000])
  })
})
