import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { Catalogue, Metric } from '../../../src/types/domain'
import { filterTableRows, sortTableRows, toTableRows, TABLE_SORT_KEYS } from '../../../src/domain/table-rows'
import { queryTableSteps, runTableQuery, sortInSlices, tablePage, TABLE_SLICE } from '../../../src/domain/table-query'
import { makeMetric } from './metric-fixture'

const catalogue: Catalogue = {
  districts: [
    { id: 'xiaoshan', nameZh: '萧山区', nameEn: 'Xiaoshan', color: '#000000' },
    { id: 'xihu', nameZh: '西湖区', nameEn: 'Xihu', color: '#000000' },
    { id: 'fuyang', nameZh: '富阳区', nameEn: 'Fuyang', color: '#000000' },
  ],
  indicators: [
    { id: 'members', category: 'organising', nameZh: '会员人数', nameEn: 'Members', unit: '人', description: '' },
    {
      id: 'unions_founded',
      category: 'organising',
      nameZh: '新建基层工会',
      nameEn: 'New unions',
      unit: '家',
      description: '',
    },
    {
      id: 'training_sessions',
      category: 'training',
      nameZh: '培训场次',
      nameEn: 'Training',
      unit: '场',
      description: '',
    },
  ],
  sources: [
    { id: 'xs-2024', district: 'xiaoshan', titleZh: '萧山报告', published: '2025', period: '2024', file: '', note: '' },
  ],
} as unknown as Catalogue

const metricArb = fc.record({
  district: fc.constantFrom('xiaoshan', 'xihu', 'fuyang'),
  indicator: fc.constantFrom('members', 'unions_founded', 'training_sessions'),
  year: fc.integer({ min: 2015, max: 2025 }),
  span: fc.constantFrom(0, 0, 0, 4),
  value: fc.integer({ min: 0, max: 1000 }),
  quote: fc.constantFrom('', '体检', '培训 1250 场'),
  source: fc.constantFrom('', 'xs-2024'),
})

describe('queryTableSteps', () => {
  it('orders and filters the figures exactly as the table rows would be', () => {
    fc.assert(
      fc.property(
        fc.array(metricArb, { maxLength: 60 }),
        fc.constantFrom(...TABLE_SORT_KEYS),
        fc.constantFrom('asc' as const, 'desc' as const),
        fc.constantFrom('', '体检', '萧山', 'xs'),
        fc.constantFrom<number | 'latest'>('latest', 2020, 2024),
        fc.boolean(),
        (rows, key, dir, text, year, cumulative) => {
          const metrics: Metric[] = rows.map(({ span, ...r }, i) =>
            makeMetric({
              ...r,
              period: span ? `${r.year}-${r.year + span}` : String(r.year),
              start: r.year,
              end: r.year + span,
              line: i + 2,
              dataset: `d${i}`,
            }),
          )
          const q = {
            districts: ['xiaoshan', 'fuyang'],
            year,
            cumulative,
            category: '' as const,
            indicator: '',
            period: '',
            text,
          }
          const expected = sortTableRows(filterTableRows(toTableRows(metrics, catalogue, 'zh-CN'), q), key, dir)
          const { order } = runTableQuery(queryTableSteps(metrics, catalogue, 'zh-CN', q, key, dir))
          const got = toTableRows(
            [...order].map((i) => metrics[i] as Metric),
            catalogue,
            'zh-CN',
          )
          expect(got.map((r) => r.key)).toEqual(expected.map((r) => r.key))
        },
      ),
      { numRuns: 200 },
    )
  })

  it('pauses between slices, so a large table never makes one long task', () => {
    const metrics = Array.from({ length: 5 * TABLE_SLICE + 7 }, (_, i) =>
      makeMetric({ district: i % 2 ? 'xihu' : 'fuyang', value: (i * 7919) % 1000, dataset: `d${i}` }),
    )
    const steps = queryTableSteps(
      metrics,
      catalogue,
      'en',
      {
        districts: ['xihu', 'fuyang'],
        year: 'latest',
        cumulative: false,
        category: '',
        indicator: '',
        period: '',
        text: '',
      },
      'value',
      'desc',
    )
    let pauses = 0
    let step = steps.next()
    while (!step.done) {
      pauses++
      step = steps.next()
    }
    expect(pauses).toBeGreaterThan(10)
    const values = [...step.value.order].map((i) => metrics[i]?.value ?? 0)
    expect(values).toHaveLength(metrics.length)
    expect(values.every((v, i) => i === 0 || (values[i - 1] ?? 0) >= v)).toBe(true)
  })
})

describe('sortInSlices', () => {
  it('sorts stably across runs and merges', () => {
    const n = 3 * TABLE_SLICE + 5
    const keys = Array.from({ length: n }, (_, i) => (i * 31) % 97)
    const gen = sortInSlices(
      Uint32Array.from({ length: n }, (_, i) => i),
      (a, b) => (keys[a] ?? 0) - (keys[b] ?? 0),
    )
    let step = gen.next()
    while (!step.done) step = gen.next()
    const order = [...step.value]
    const expected = Array.from({ length: n }, (_, i) => i).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b)
    expect(order).toEqual(expected)
  })
})

describe('tablePage', () => {
  it('gives the rows of a page and clamps the page number', () => {
    expect(tablePage(29_976, 0, 500)).toEqual({ page: 0, pages: 60, from: 1, to: 500 })
    expect(tablePage(29_976, 59, 500)).toEqual({ page: 59, pages: 60, from: 29_501, to: 29_976 })
    expect(tablePage(29_976, 99, 500).page).toBe(59)
    expect(tablePage(0, 3, 500)).toEqual({ page: 0, pages: 1, from: 0, to: 0 })
  })
})
