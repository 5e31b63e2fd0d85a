import { describe, expect, it } from 'vitest'
import type { FigureEntry } from '../../../../src/domain/compare'
import {
  arrangeEntries,
  buildComparisonCard,
  figureLabels,
  yearlyAverage,
  type ComparisonCardLabels,
} from '../../../../src/charts/options/build-comparison-card'
import type { Locale } from '../../../../src/types/locale'
import type { Indicator, Metric } from '../../../../src/types/domain'
import { reasonLabels, TEST_BASES } from '../../domain/reason-fixture'
import { FIXTURE_CATALOGUE } from '../../dataset/fixtures'
import { makeMetric } from '../../domain/metric-fixture'

const indicator = (id: string): Indicator => {
  const found = FIXTURE_CATALOGUE.indicators.find((i) => i.id === id)
  if (!found) throw new Error(`no indicator ${id} in the fixture catalogue`)
  return found
}

/** Labels shaped as useChartLabels passes them, marked so a test sees which one was used. */
const LABELS: ComparisonCardLabels = {
  title: (name, year) => `${name} · ${year}`,
  latestYear: 'LATEST',
  noData: 'NO-DATA',
  cumulative: (p) => `${p} total`,
  derived: 'DERIVED',
  periodLabel: 'Period',
  qualifierLabel: 'Qualifier',
  sourceLabel: 'Source',
  districtLabel: 'District',
  valueLabel: 'Value',
  qualifierNames: { exact: 'exact', approx: 'approx', at_least: 'at least', at_most: 'at most' },
  sources: (list) => `Sources: ${list}`,
  reasons: reasonLabels('en'),
  yearlyAverage: 'AVG',
  median: (v: string) => `MEDIAN ${v}`,
  summarised: (o: number, m: number) => `SUMMARY ${o} ${m}`,
}

const ALL = ['xiaoshan', 'xihu', 'qiantang', 'fuyang']

function card(metrics: Metric[], locale: Locale, extra: { year?: 2024 | 'latest'; cumulative?: boolean } = {}) {
  return buildComparisonCard({
    metrics,
    indicator: indicator('unions_founded'),
    catalogue: FIXTURE_CATALOGUE,
    year: extra.year ?? 2024,
    districts: ALL,
    includeCumulative: extra.cumulative ?? false,
    locale,
    labels: LABELS,
    settings: { accessible: false, fontScale: 1 },
  })
}

describe('figureLabels', () => {
  const label = (id: string, locale: Locale) =>
    figureLabels(
      indicator(id),
      locale,
      LABELS,
      (d) => d,
      (m) => m.source,
    ).axisName

  it('names the value axis after the indicator and its unit, in the punctuation of the language', () => {
    expect(label('unions_founded', 'zh-CN')).toBe('新建基层工会（家）')
    expect(label('unions_founded', 'en')).toBe('New base-level unions (orgs)')
    expect(label('welfare_spending', 'en')).toBe('Welfare spending (yuan)')
  })
})

describe('buildComparisonCard', () => {
  const xs = makeMetric({ district: 'xiaoshan', value: 442, source: 'xiaoshan-2024' })
  const fy = makeMetric({ district: 'fuyang', value: 642, source: 'fuyang-2024' })

  it('titles the card, lists each source once and marks districts without a figure', () => {
    const c = card([xs, fy, makeMetric({ district: 'fuyang', value: 1, indicator: 'members' })], 'zh-CN')
    expect(c.title).toBe('新建基层工会 · 2024')
    const sources = FIXTURE_CATALOGUE.sources
    const title = (id: string) => sources.find((s) => s.id === id)?.titleZh ?? id
    expect(c.footnote).toBe(`Sources: ${title('xiaoshan-2024')}；${title('fuyang-2024')}`)
    expect(c.table.columns).toEqual(['District', 'Value', 'Period', 'Qualifier'])
    const byDistrict = Object.fromEntries(c.table.rows.map((r) => [r.cells[0], r]))
    expect(byDistrict['西湖区']?.cells).toEqual(['西湖区', 'NO-DATA', '', ''])
    expect(byDistrict['西湖区']?.metricKey).toBeNull()
    expect(byDistrict['富阳区']?.cells.slice(2)).toEqual(['2024', 'exact'])
    expect(byDistrict['富阳区']?.metricKey).not.toBeNull()
  })

  it('says the latest-year view and badges figures from different years', () => {
    const old = makeMetric({ district: 'qiantang', value: 553, period: '2023', source: 'qiantang-2023' })
    const c = card([xs, old], 'en', { year: 'latest' })
    expect(c.title).toBe('New base-level unions · LATEST')
    expect(c.badge).toBe('Different years: Xiaoshan 2024, Qiantang 2023')
    expect(c.takeaway).not.toMatch(/leads|×/)
  })

  it('marks a derived figure in the table and gives a multi-year total its yearly average', () => {
    const derived = makeMetric({ district: 'xihu', value: 30, method: 'derived', note: '推算：由两项相加' })
    const total = makeMetric({ district: 'xiaoshan', value: 1000, period: '2021-2024' })
    const c = card([derived, total], 'en', { cumulative: true })
    const cells = Object.fromEntries(c.table.rows.map((r) => [r.cells[0], r.cells[1]]))
    expect(cells['Xihu']).toContain('(DERIVED)')
    expect(cells['Xiaoshan']).toMatch(/ · AVG ≈250 orgs$/)
  })
})

describe('the badge', () => {
  it('says in words, from the columns, why figures differ, and the takeaway ranks none of them', () => {
    const catalogue = { ...FIXTURE_CATALOGUE, bases: TEST_BASES }
    const c = buildComparisonCard({
      metrics: [
        makeMetric({ district: 'xiaoshan', value: 40000, qualifier: 'at_least', basis: 'public_courses' }),
        makeMetric({ district: 'fuyang', value: 1906, basis: 'employment_skills' }),
      ],
      indicator: indicator('unions_founded'),
      catalogue,
      year: 2024,
      districts: ALL,
      includeCumulative: false,
      locale: 'zh-CN',
      labels: { ...LABELS, reasons: reasonLabels('zh-CN') },
      settings: { accessible: false, fontScale: 1 },
    })
    expect(c.badge).toBe('口径不同：萧山区为“萧工学堂”公益课程，富阳区为仅就业技能培训')
    expect(c.takeaway).toContain('不作比较')
    expect(c.takeaway).not.toMatch(/倍|居首/)
  })

  it('is empty when the figures count the same thing in the same year, which the takeaway then compares', () => {
    const c = card(
      [makeMetric({ district: 'xiaoshan', value: 442 }), makeMetric({ district: 'fuyang', value: 642 })],
      'zh-CN',
    )
    expect(c.badge).toBe('')
    expect(c.takeaway).toContain('约为萧山区（442 家）的 1.5 倍')
  })
})

describe('yearlyAverage', () => {
  const total = makeMetric({ district: 'xihu', period: '2018-2022', value: 931 })

  it('divides a multi-year total by its number of years and labels it', () => {
    expect(yearlyAverage(total, '家', 'zh-CN', '年均（推算）')).toBe(' · 年均（推算） ≈186.2家')
  })

  it('is empty for a single year', () => {
    expect(yearlyAverage(makeMetric({ value: 931 }), '家', 'zh-CN', 'x')).toBe('')
  })
})

describe('arrangeEntries', () => {
  const entry = (i: number, value: number | null, basis = ''): FigureEntry => ({
    district: `d${i}`,
    metric: value === null ? null : makeMetric({ district: `d${i}`, value, basis }),
  })

  it('keeps up to six districts as given, vertical', () => {
    const entries = [entry(1, 5), entry(2, null), entry(3, 9)]
    expect(arrangeEntries(entries, ['d1', 'd3'])).toEqual({
      entries,
      horizontal: false,
      omitted: 0,
      missing: 0,
      median: null,
    })
  })

  it('from seven, sorts only the like-for-like figures by value, then the others, then the missing, horizontally', () => {
    const entries = [
      entry(1, 5),
      entry(2, null),
      entry(3, 9),
      entry(4, 100, 'x'),
      entry(5, 7),
      entry(6, 1),
      entry(7, 3),
    ]
    const arranged = arrangeEntries(entries, ['d1', 'd3', 'd5', 'd6', 'd7'])
    expect(arranged.horizontal).toBe(true)
    expect(arranged.entries.map((e) => e.district)).toEqual(['d3', 'd5', 'd1', 'd7', 'd6', 'd4', 'd2'])
  })

  it('from 21, shows the top five and bottom three with the median and counts what it left to the table', () => {
    const entries = Array.from({ length: 30 }, (_, i) => entry(i, i < 25 ? i * 10 : null))
    const arranged = arrangeEntries(
      entries,
      entries.filter((e) => e.metric).map((e) => e.district),
    )
    expect(arranged.entries.map((e) => e.metric?.value)).toEqual([240, 230, 220, 210, 200, 20, 10, 0])
    expect(arranged).toMatchObject({ omitted: 17, missing: 5, median: 120 })
  })
})
