import { describe, expect, it } from 'vitest'
import { filterTableRows, sortTableRows, toTableRows } from '../../../src/domain/table-rows'
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
    const q = { districts: ['fuyang'], category: '' as const, indicator: '', period: '', text: '' }
    expect(filterTableRows(rows, q)).toHaveLength(2)
    expect(filterTableRows(rows, { ...q, category: 'welfare' })).toHaveLength(1)
    expect(filterTableRows(rows, { ...q, period: '2024' }).map((r) => r.value)).toEqual([642])
  })

  it('searches the quote text', () => {
    const q = { districts: ['xiaoshan', 'fuyang'], category: '' as const, indicator: '', period: '', text: '642家' }
    expect(filterTableRows(rows, q).map((r) => r.district)).toEqual(['fuyang'])
  })
})

describe('sortTableRows', () => {
  it('sorts numerically by value in both directions', () => {
    expect(sortTableRows(rows, 'value', 'desc').map((r) => r.value)).toEqual([5000, 642, 442])
    expect(sortTableRows(rows, 'value', 'asc').map((r) => r.value)).toEqual([442, 642, 5000])
  })
})
