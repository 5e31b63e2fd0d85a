import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { rankSharedIndicators, selectFigures } from '../../../src/domain/compare'
import { resolveLayers } from '../../../src/domain/metric-index'
import type { Metric } from '../../../src/types/domain'
import { makeMetric } from './metric-fixture'

describe('resolveLayers', () => {
  const builtin = [makeMetric({ value: 442 }), makeMetric({ district: 'fuyang', value: 642 })]

  it('lets the highest layer win for the same district|indicator|period', () => {
    const imported = [makeMetric({ value: 450, dataset: 'imp-1' })]
    const { metrics, conflicts } = resolveLayers([
      { datasetId: 'builtin', metrics: builtin },
      { datasetId: 'imp-1', metrics: imported },
    ])
    expect(metrics.map((m) => [m.district, m.value, m.dataset])).toEqual([
      ['xiaoshan', 450, 'imp-1'],
      ['fuyang', 642, 'builtin'],
    ])
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0]).toMatchObject({
      key: 'xiaoshan|unions_founded|2024',
      district: 'xiaoshan',
      indicator: 'unions_founded',
      period: '2024',
      sameValue: false,
    })
    expect(conflicts[0]?.used.dataset).toBe('imp-1')
    expect(conflicts[0]?.overridden.map((m) => m.dataset)).toEqual(['builtin'])
  })

  it('lists an overlap with the same value as sameValue', () => {
    const { conflicts } = resolveLayers([
      { datasetId: 'builtin', metrics: builtin },
      { datasetId: 'imp-1', metrics: [makeMetric({ value: 442, dataset: 'imp-1' })] },
    ])
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0]?.sameValue).toBe(true)
  })

  it('treats a differing qualifier as a different value', () => {
    const { conflicts } = resolveLayers([
      { datasetId: 'builtin', metrics: builtin },
      { datasetId: 'imp-1', metrics: [makeMetric({ value: 442, qualifier: 'at_least', dataset: 'imp-1' })] },
    ])
    expect(conflicts[0]?.sameValue).toBe(false)
  })

  it('keeps every overridden figure, lowest priority first, across three layers', () => {
    const { metrics, conflicts } = resolveLayers([
      { datasetId: 'builtin', metrics: builtin },
      { datasetId: 'a', metrics: [makeMetric({ value: 1, dataset: 'a' })] },
      { datasetId: 'b', metrics: [makeMetric({ value: 2, dataset: 'b' })] },
    ])
    expect(metrics.find((m) => m.district === 'xiaoshan')?.dataset).toBe('b')
    expect(conflicts[0]?.overridden.map((m) => m.dataset)).toEqual(['builtin', 'a'])
  })

  it('does not treat different periods of the same figure as a conflict', () => {
    const { metrics, conflicts } = resolveLayers([
      { datasetId: 'builtin', metrics: builtin },
      { datasetId: 'imp-1', metrics: [makeMetric({ value: 400, period: '2023', dataset: 'imp-1' })] },
    ])
    expect(metrics).toHaveLength(3)
    expect(conflicts).toEqual([])
  })

  it('returns nothing for no layers', () => {
    expect(resolveLayers([])).toEqual({ metrics: [], conflicts: [] })
  })

  it('keeps exactly one figure per key, taken from the last layer holding it', () => {
    const arbMetric = fc.record({
      district: fc.constantFrom('xiaoshan', 'xihu', 'fuyang'),
      indicator: fc.constantFrom('a', 'b'),
      year: fc.integer({ min: 2020, max: 2022 }),
      value: fc.integer({ min: 0, max: 100 }),
    })
    fc.assert(
      fc.property(fc.array(fc.array(arbMetric, { maxLength: 8 }), { maxLength: 4 }), (raw) => {
        const layers = raw.map((list, i) => ({
          datasetId: `d${i}`,
          metrics: list.map((r) => makeMetric({ ...r, period: String(r.year), dataset: `d${i}` })),
        }))
        const { metrics } = resolveLayers(layers)
        const keys = metrics.map((m) => `${m.district}|${m.indicator}|${m.period}`)
        expect(new Set(keys).size).toBe(keys.length)
        for (const m of metrics) {
          const holders = layers.filter((l) =>
            l.metrics.some((o) => o.district === m.district && o.indicator === m.indicator && o.period === m.period),
          )
          expect(m.dataset).toBe(holders[holders.length - 1]?.datasetId)
        }
      }),
    )
  })
})

describe('selectFigures', () => {
  const metrics: Metric[] = [
    makeMetric({ district: 'xiaoshan', period: '2023', value: 400 }),
    makeMetric({ district: 'xiaoshan', period: '2024', value: 442 }),
    makeMetric({ district: 'xihu', period: '2016-2020', value: 5000 }),
    makeMetric({ district: 'xihu', period: '2018-2019', value: 2100 }),
    makeMetric({ district: 'xihu', period: '2021-2025', value: 6000 }),
    makeMetric({ district: 'fuyang', period: '2022', value: 600 }),
    makeMetric({ district: 'fuyang', period: '2024', value: 642, indicator: 'members' }),
  ]
  const districts = ['fuyang', 'xiaoshan', 'xihu', 'qiantang']

  it('returns one entry per requested district, in the requested order', () => {
    const entries = selectFigures(metrics, {
      year: 2024,
      includeCumulative: false,
      districts,
      indicator: 'unions_founded',
    })
    expect(entries.map((e) => e.district)).toEqual(districts)
  })

  it('picks the single-year figure of the requested year and nothing else', () => {
    const entries = selectFigures(metrics, {
      year: 2024,
      includeCumulative: false,
      districts,
      indicator: 'unions_founded',
    })
    expect(entries.map((e) => e.metric?.value ?? null)).toEqual([null, 442, null, null])
  })

  it('never picks a cumulative figure unless asked to', () => {
    const entries = selectFigures(metrics, {
      year: 2019,
      includeCumulative: false,
      districts: ['xihu'],
      indicator: 'unions_founded',
    })
    expect(entries[0]?.metric).toBeNull()
  })

  it('falls back to the shortest cumulative span containing the year', () => {
    const entries = selectFigures(metrics, {
      year: 2019,
      includeCumulative: true,
      districts: ['xihu'],
      indicator: 'unions_founded',
    })
    expect(entries[0]?.metric?.period).toBe('2018-2019')
  })

  it('prefers a single-year figure over a cumulative one covering the same year', () => {
    const withSingle = [...metrics, makeMetric({ district: 'xihu', period: '2019', value: 1000 })]
    const entries = selectFigures(withSingle, {
      year: 2019,
      includeCumulative: true,
      districts: ['xihu'],
      indicator: 'unions_founded',
    })
    expect(entries[0]?.metric?.period).toBe('2019')
  })

  it('picks each district its own latest single year in latest mode', () => {
    const entries = selectFigures(metrics, {
      year: 'latest',
      includeCumulative: false,
      districts,
      indicator: 'unions_founded',
    })
    expect(entries.map((e) => e.metric?.period ?? null)).toEqual(['2022', '2024', null, null])
  })

  it('falls back to the latest-ending cumulative figure in latest mode when allowed', () => {
    const entries = selectFigures(metrics, {
      year: 'latest',
      includeCumulative: true,
      districts: ['xihu'],
      indicator: 'unions_founded',
    })
    expect(entries[0]?.metric?.period).toBe('2021-2025')
  })

  it('lets the later of two rows for the same period win', () => {
    const dup = [makeMetric({ value: 1, dataset: 'builtin' }), makeMetric({ value: 2, dataset: 'imp' })]
    const entries = selectFigures(dup, {
      year: 2024,
      includeCumulative: false,
      districts: ['xiaoshan'],
      indicator: 'unions_founded',
    })
    expect(entries[0]?.metric?.dataset).toBe('imp')
  })
})

describe('rankSharedIndicators', () => {
  it('sorts by number of districts, then id, and honours minDistricts', () => {
    const reach = new Map<string, Set<string>>([
      ['b', new Set(['xiaoshan', 'xihu'])],
      ['a', new Set(['xiaoshan', 'fuyang'])],
      ['c', new Set(['xiaoshan', 'xihu', 'fuyang'])],
      ['d', new Set(['xiaoshan'])],
    ])
    expect(rankSharedIndicators(reach)).toEqual(['c', 'a', 'b'])
    expect(rankSharedIndicators(reach, 3)).toEqual(['c'])
    expect(rankSharedIndicators(reach, 1)).toEqual(['c', 'a', 'b', 'd'])
  })
})
