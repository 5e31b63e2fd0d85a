import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  buildTakeaway,
  comparability,
  previousFigure,
  selectFigures,
  sharedIndicators,
  type FigureEntry,
  type TakeawayInput,
} from '../../../src/domain/compare'
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

describe('comparability', () => {
  const entry = (district: string, m: Partial<Metric> | null): FigureEntry => ({
    district,
    metric: m ? makeMetric({ district, ...m }) : null,
  })

  it('is like-for-like when every present figure has the same single year and no scope note', () => {
    expect(comparability([entry('xiaoshan', {}), entry('fuyang', {}), entry('xihu', null)])).toEqual({
      likeForLike: true,
      reasons: [],
    })
  })

  it('reports differing periods', () => {
    const result = comparability([entry('xiaoshan', { period: '2024' }), entry('fuyang', { period: '2020' })])
    expect(result.likeForLike).toBe(false)
    expect(result.reasons).toEqual([{ kind: 'periods-differ', periods: ['2024', '2020'] }])
  })

  it('reports multi-year totals mixed with single years', () => {
    const result = comparability([entry('xiaoshan', { period: '2024' }), entry('xihu', { period: '2018-2022' })])
    expect(result.reasons).toContainEqual({ kind: 'cumulative-mixed', cumulative: ['xihu'] })
    expect(result.reasons).toContainEqual({ kind: 'periods-differ', periods: ['2024', '2018-2022'] })
  })

  it('accepts totals over the same span as like-for-like', () => {
    expect(
      comparability([entry('xiaoshan', { period: '2016-2020' }), entry('xihu', { period: '2016-2020' })]).likeForLike,
    ).toBe(true)
  })

  it('reports every present figure whose note restricts its scope', () => {
    const result = comparability([
      entry('xiaoshan', { note: '仅含非公企业' }),
      entry('fuyang', { note: 'Excluding the development zone' }),
      entry('xihu', { note: '来自附表' }),
      entry('qiantang', null),
    ])
    expect(result.reasons).toEqual([
      { kind: 'scope-note', district: 'xiaoshan', note: '仅含非公企业' },
      { kind: 'scope-note', district: 'fuyang', note: 'Excluding the development zone' },
    ])
  })

  it('has no reasons when nothing is present', () => {
    expect(comparability([entry('xiaoshan', null)])).toEqual({ likeForLike: true, reasons: [] })
  })
})

describe('sharedIndicators', () => {
  const metrics = [
    makeMetric({ indicator: 'b', district: 'xiaoshan' }),
    makeMetric({ indicator: 'b', district: 'fuyang', period: '2016-2020' }),
    makeMetric({ indicator: 'a', district: 'xiaoshan' }),
    makeMetric({ indicator: 'a', district: 'fuyang' }),
    makeMetric({ indicator: 'c', district: 'xiaoshan' }),
    makeMetric({ indicator: 'c', district: 'fuyang' }),
    makeMetric({ indicator: 'c', district: 'xihu' }),
    makeMetric({ indicator: 'd', district: 'xihu' }),
    makeMetric({ indicator: 'd', district: 'xihu', period: '2023' }),
  ]

  it('sorts by number of districts, then id, counting any period', () => {
    expect(sharedIndicators(metrics)).toEqual(['c', 'a', 'b'])
  })

  it('honours minDistricts', () => {
    expect(sharedIndicators(metrics, 3)).toEqual(['c'])
    expect(sharedIndicators(metrics, 1)).toEqual(['c', 'a', 'b', 'd'])
  })
})

describe('previousFigure', () => {
  const metrics = [
    makeMetric({ period: '2020', value: 300 }),
    makeMetric({ period: '2022', value: 400 }),
    makeMetric({ period: '2018-2023', value: 2000 }),
    makeMetric({ period: '2023', value: 9, district: 'fuyang' }),
    makeMetric({ period: '2024', value: 442 }),
  ]

  it('returns the same district and indicator for the latest earlier single year', () => {
    expect(previousFigure(metrics, makeMetric({ period: '2024', value: 442 }))?.period).toBe('2022')
  })

  it('returns null when there is no earlier year', () => {
    expect(previousFigure(metrics, makeMetric({ period: '2020' }))).toBeNull()
  })

  it('returns null for a cumulative figure', () => {
    expect(previousFigure(metrics, makeMetric({ period: '2018-2023' }))).toBeNull()
  })
})

describe('buildTakeaway', () => {
  const zhNames: Record<string, string> = { xiaoshan: '萧山', xihu: '西湖', qiantang: '钱塘', fuyang: '富阳' }
  const enNames: Record<string, string> = { xiaoshan: 'Xiaoshan', xihu: 'Xihu', qiantang: 'Qiantang', fuyang: 'Fuyang' }
  const fy2023 = makeMetric({ district: 'fuyang', period: '2023', value: 571.6 })
  const e = (district: string, m: Partial<Metric> | null): FigureEntry => ({
    district,
    metric: m ? makeMetric({ district, ...m }) : null,
  })

  function takeaway(entries: FigureEntry[], locale: 'zh-CN' | 'en', extra: Partial<TakeawayInput> = {}): string {
    return buildTakeaway({
      entries,
      allMetrics: [fy2023, ...entries.flatMap((x) => (x.metric ? [x.metric] : []))],
      districtName: (id) => (locale === 'en' ? enNames : zhNames)[id] ?? id,
      indicatorName: locale === 'en' ? 'New unions' : '新建基层工会',
      unit: '家',
      locale,
      year: 2024,
      ...extra,
    })
  }

  const basic = [e('xiaoshan', { value: 442 }), e('xihu', null), e('qiantang', null), e('fuyang', { value: 642 })]

  it('names the leader, its ratio to the next, its change and the missing districts', () => {
    expect(takeaway(basic, 'zh-CN')).toBe(
      '2024 年富阳新建基层工会 642 家（较 2023 年增长 12.3%），为萧山（442 家）的 1.45 倍；钱塘、西湖无 2024 年数据',
    )
    expect(takeaway(basic, 'en')).toBe(
      'New unions 2024: Fuyang leads with 642 orgs (up 12.3% on 2023), 1.45× Xiaoshan (442); no 2024 figure for Qiantang, Xihu.',
    )
  })

  it('omits the change when the leader has no earlier figure', () => {
    const entries = [e('xiaoshan', { value: 642 }), e('fuyang', { value: 442 })]
    expect(takeaway(entries, 'zh-CN')).toBe('2024 年萧山新建基层工会 642 家，为富阳（442 家）的 1.45 倍')
  })

  it('says the leader is first when three or more are ranked', () => {
    const entries = [e('xiaoshan', { value: 442 }), e('xihu', { value: 100 }), e('fuyang', { value: 642 })]
    expect(takeaway(entries, 'zh-CN')).toBe(
      '2024 年富阳新建基层工会 642 家（较 2023 年增长 12.3%），居首，为萧山（442 家）的 1.45 倍',
    )
  })

  it('carries an at-least leader into the value, the ratio and the change', () => {
    const entries = [e('xiaoshan', { value: 442 }), e('fuyang', { value: 642, qualifier: 'at_least' })]
    expect(takeaway(entries, 'zh-CN')).toBe(
      '2024 年富阳新建基层工会至少 642 家（较 2023 年至少增长 12.3%），至少为萧山（442 家）的 1.45 倍',
    )
    expect(takeaway(entries, 'en')).toBe(
      'New unions 2024: Fuyang leads with at least 642 orgs (up at least 12.3% on 2023), at least 1.45× Xiaoshan (442).',
    )
  })

  it('marks approximate figures with 约 / about', () => {
    const entries = [e('xiaoshan', { value: 442, qualifier: 'approx' }), e('xihu', { value: 900 })]
    expect(takeaway(entries, 'zh-CN')).toBe('2024 年西湖新建基层工会 900 家，约为萧山（约 442 家）的 2.04 倍')
    expect(takeaway(entries, 'en')).toBe('New unions 2024: Xihu leads with 900 orgs, about 2.04× Xiaoshan (about 442).')
  })

  it('reports a tie instead of a leader', () => {
    const entries = [e('xiaoshan', { value: 642 }), e('fuyang', { value: 642 }), e('xihu', { value: 1 })]
    expect(takeaway(entries, 'zh-CN')).toBe('2024 年萧山、富阳新建基层工会并列最多，均为 642 家')
    expect(takeaway(entries, 'en')).toBe('New unions 2024: Xiaoshan and Fuyang tie at 642 orgs.')
  })

  it('lists each tied value when their qualifiers differ', () => {
    const entries = [e('xiaoshan', { value: 642, qualifier: 'at_least' }), e('fuyang', { value: 642 })]
    expect(takeaway(entries, 'zh-CN')).toBe('2024 年萧山、富阳新建基层工会并列（萧山至少 642 家，富阳 642 家）')
  })

  it('gives no ratio against a zero and no leader among zeros', () => {
    expect(takeaway([e('xiaoshan', { value: 0 }), e('fuyang', { value: 642 })], 'zh-CN')).toBe(
      '2024 年富阳新建基层工会 642 家（较 2023 年增长 12.3%），萧山为 0 家',
    )
    expect(takeaway([e('xiaoshan', { value: 0 }), e('fuyang', { value: 0 })], 'zh-CN')).toBe(
      '2024 年萧山、富阳新建基层工会均为 0 家',
    )
    expect(takeaway([e('xiaoshan', { value: 0 }), e('fuyang', { value: 0 })], 'en')).toBe(
      'New unions 2024: Xiaoshan and Fuyang each report 0 orgs.',
    )
  })

  it('says "just above" when the ratio rounds to 1.00', () => {
    expect(takeaway([e('xiaoshan', { value: 642 }), e('xihu', { value: 643 })], 'zh-CN')).toBe(
      '2024 年西湖新建基层工会 643 家，略多于萧山（642 家）',
    )
  })

  it('states a lone figure without ranking it', () => {
    expect(takeaway([e('xiaoshan', null), e('fuyang', { value: 642 })], 'zh-CN')).toBe(
      '2024 年富阳新建基层工会 642 家（较 2023 年增长 12.3%）；萧山无 2024 年数据',
    )
    expect(takeaway([e('fuyang', { value: 642 })], 'en')).toBe('New unions 2024: Fuyang 642 orgs (up 12.3% on 2023).')
  })

  it('names every district when all are missing', () => {
    const entries = [e('xiaoshan', null), e('fuyang', null)]
    expect(takeaway(entries, 'zh-CN')).toBe('富阳、萧山均无 2024 年新建基层工会数据')
    expect(takeaway(entries, 'en')).toBe('New unions: no 2024 figure for Fuyang, Xiaoshan.')
    expect(takeaway([e('xiaoshan', null)], 'zh-CN')).toBe('萧山无 2024 年新建基层工会数据')
  })

  it('says 无数据 without a year in latest mode', () => {
    expect(takeaway([e('xiaoshan', null), e('fuyang', null)], 'zh-CN', { year: 'latest' })).toBe(
      '富阳、萧山均无新建基层工会数据',
    )
    expect(
      takeaway([e('xiaoshan', { value: 442 }), e('xihu', null), e('fuyang', { value: 642 })], 'en', { year: 'latest' }),
    ).toBe('New unions 2024: Fuyang leads with 642 orgs (up 12.3% on 2023), 1.45× Xiaoshan (442); no figure for Xihu.')
  })

  it('names each figure with its year and ranks nobody when the years differ', () => {
    const entries = [e('xiaoshan', { value: 442, period: '2020' }), e('fuyang', { value: 642 }), e('xihu', null)]
    expect(takeaway(entries, 'zh-CN', { year: 'latest' })).toBe(
      '富阳 2024 年新建基层工会 642 家；萧山 2020 年 442 家（年份不同，不直接比较）；西湖无数据',
    )
    expect(takeaway(entries, 'en', { year: 'latest' })).toBe(
      'New unions: Fuyang 642 orgs in 2024; Xiaoshan 442 orgs in 2020 (different years, not compared directly); no figure for Xihu.',
    )
  })

  it('mentions a multi-year total separately with its span and never ranks it', () => {
    const entries = [
      e('xiaoshan', { value: 442 }),
      e('xihu', { value: 12000, period: '2018-2022' }),
      e('fuyang', { value: 642 }),
    ]
    expect(takeaway(entries, 'zh-CN')).toBe(
      '2024 年富阳新建基层工会 642 家（较 2023 年增长 12.3%），为萧山（442 家）的 1.45 倍；西湖 2018–2022 累计 1.2 万家',
    )
    expect(takeaway(entries, 'en')).toContain('; Xihu 2018–2022 total 12K orgs.')
  })

  it('names the indicator with a total when there is no single-year figure', () => {
    const entries = [e('xihu', { value: 12000, period: '2018-2022' }), e('fuyang', null)]
    expect(takeaway(entries, 'zh-CN', { year: 2020 })).toBe(
      '西湖 2018–2022 累计新建基层工会 1.2 万家；富阳无 2020 年数据',
    )
  })

  it('formats money with 万 and a space before the digits', () => {
    const entries = [e('xiaoshan', { value: 978900 }), e('fuyang', { value: 1750000, indicator: 'aid' })]
    const text = buildTakeaway({
      entries,
      allMetrics: [],
      districtName: (id) => zhNames[id] ?? id,
      indicatorName: '帮扶金额',
      unit: '元',
      locale: 'zh-CN',
      year: 2024,
    })
    expect(text).toBe('2024 年富阳帮扶金额 175 万元，为萧山（97.89 万元）的 1.79 倍')
  })

  it('reports a change in percentage points for a % indicator', () => {
    const entries = [e('xiaoshan', { value: 85, indicator: 'coverage' })]
    const prior = makeMetric({ value: 80, period: '2023', indicator: 'coverage' })
    const text = buildTakeaway({
      entries,
      allMetrics: [prior],
      districtName: (id) => zhNames[id] ?? id,
      indicatorName: '建会率',
      unit: '%',
      locale: 'zh-CN',
      year: 2024,
    })
    expect(text).toBe('2024 年萧山建会率 85%（较 2023 年上升 5 个百分点）')
  })

  it('reports a fall and an unchanged figure', () => {
    const prior = makeMetric({ value: 500, period: '2023' })
    const fall = buildTakeaway({
      entries: [e('xiaoshan', { value: 400 })],
      allMetrics: [prior],
      districtName: () => 'Xiaoshan',
      indicatorName: 'New unions',
      unit: '家',
      locale: 'en',
      year: 2024,
    })
    expect(fall).toBe('New unions 2024: Xiaoshan 400 orgs (down 20% on 2023).')
    const flat = buildTakeaway({
      entries: [e('xiaoshan', { value: 500 })],
      allMetrics: [prior],
      districtName: () => '萧山',
      indicatorName: '新建基层工会',
      unit: '家',
      locale: 'zh-CN',
      year: 2024,
    })
    expect(flat).toBe('2024 年萧山新建基层工会 500 家（与 2023 年持平）')
  })

  it('infers the year from the figures when none is given', () => {
    expect(takeaway(basic, 'zh-CN', { year: undefined })).toBe(takeaway(basic, 'zh-CN'))
  })

  it('returns an empty string for no entries', () => {
    expect(takeaway([], 'zh-CN')).toBe('')
  })
})
