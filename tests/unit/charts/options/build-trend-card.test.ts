import { describe, expect, it } from 'vitest'
import {
  buildTrendCard,
  trendBreaks,
  trendDistricts,
  type TrendCardLabels,
} from '../../../../src/charts/options/build-trend-card'
import type { BoundaryChange, Indicator } from '../../../../src/types/domain'
import { FIXTURE_CATALOGUE } from '../../dataset/fixtures'
import { makeMetric } from '../../domain/metric-fixture'
import { reasonLabels, TEST_BASES } from '../../domain/reason-fixture'
import { progressLabels } from '../../domain/progress-fixture'
import { tooltipFormatter } from './option-helpers'

const XIAOSHAN_2021: BoundaryChange = {
  district: 'xiaoshan',
  year: 2021,
  changeZh: '五个街道划归钱塘区。',
  changeEn: 'five streets moved to Qiantang.',
  source: '',
}
const catalogue = { ...FIXTURE_CATALOGUE, bases: TEST_BASES, boundaries: [XIAOSHAN_2021] }
const indicator = FIXTURE_CATALOGUE.indicators.find((i) => i.id === 'unions_founded') as Indicator
const LABELS: TrendCardLabels = {
  title: (name, year) => `${name} · ${year}`,
  latestYear: 'LATEST',
  noData: '无数据',
  cumulative: (p) => `${p} 累计`,
  derived: '推算',
  periodLabel: '时期',
  qualifierLabel: '数值限定',
  sourceLabel: '来源',
  districtLabel: '区县',
  valueLabel: '数值',
  qualifierNames: { exact: '确数', approx: '约数', at_least: '下限', at_most: '上限' },
  sources: (list) => `来源：${list}`,
  reasons: reasonLabels('zh-CN'),
  yearlyAverage: '年均',
  median: (v: string) => `MEDIAN ${v}`,
  summarised: (o: number, m: number) => `SUMMARY ${o} ${m}`,
  trendTitle: (name) => `${name} · 历年趋势`,
  notPlotted: '多年累计（未画入折线）',
  trendSummarised: (d: number, r: number) => `TREND ${d} ${r}`,
}

function card(metrics: ReturnType<typeof makeMetric>[]) {
  return buildTrendCard({
    metrics,
    indicator,
    catalogue,
    districts: ['xiaoshan', 'xihu', 'qiantang', 'fuyang'],
    locale: 'zh-CN',
    labels: LABELS,
    settings: { accessible: false, fontScale: 1 },
  })
}

describe('buildTrendCard', () => {
  it('says under the chart when districts’ lines count different things', () => {
    const c = card([
      makeMetric({ district: 'xiaoshan', value: 40000, basis: 'public_courses' }),
      makeMetric({ district: 'fuyang', value: 1906, basis: 'employment_skills' }),
    ])
    expect(c.badge).toBe('口径不同：萧山区为“萧工学堂”公益课程，富阳区为仅就业技能培训')
  })

  it('says where a district’s line breaks at a boundary change, as one sentence', () => {
    const c = card([makeMetric({ period: '2020', value: 174 }), makeMetric({ period: '2024', value: 442 })])
    expect(c.badge).toBe('区划调整（萧山区，2021 年）：五个街道划归钱塘区')
  })

  it('gives each point its change on the previous comparable year in the tooltip, and names a boundary change instead', () => {
    const c = buildTrendCard({
      metrics: [
        makeMetric({ period: '2020', value: 174 }),
        makeMetric({ period: '2024', value: 442 }),
        makeMetric({ district: 'fuyang', period: '2023', value: 553 }),
        makeMetric({ district: 'fuyang', period: '2024', value: 642 }),
      ],
      indicator,
      catalogue,
      districts: ['xiaoshan', 'fuyang'],
      locale: 'zh-CN',
      labels: { ...LABELS, progress: progressLabels('zh-CN') },
      settings: { accessible: false, fontScale: 1 },
    })
    // Years 2020–2024 on the axis: 2024 is the fifth.
    const html = tooltipFormatter(c.option)([{ dataIndex: 4 }])
    expect(html).toContain('较 2023 年 +89家（+16.1%）')
    expect(html).toContain('2021 年区划调整，不与 2020 年比较')
    expect(html).not.toMatch(/\+268/)
  })

  it('has no badge for like-for-like lines', () => {
    expect(card([makeMetric({ period: '2023' }), makeMetric({ period: '2024' })]).badge).toBe('')
  })
})

describe('trendBreaks', () => {
  it('reports a change of basis within one district’s years', () => {
    const breaks = trendBreaks(
      [makeMetric({ period: '2023' }), makeMetric({ period: '2024', basis: 'public_courses' })],
      [],
    )
    expect(breaks).toEqual([
      {
        kind: 'basis',
        byDistrict: [
          { district: 'xiaoshan', value: '' },
          { district: 'xiaoshan', value: 'public_courses' },
        ],
      },
    ])
  })
})

describe('trendDistricts', () => {
  const entry = (i: number, value: number | null, basis = '') => ({
    district: `d${i}`,
    metric: value === null ? null : makeMetric({ district: `d${i}`, value, basis }),
  })
  it('draws every district up to eight', () => {
    const latest = Array.from({ length: 8 }, (_, i) => entry(i, i))
    expect(trendDistricts(latest, [])).toHaveLength(8)
  })
  it('past eight, draws the five highest like-for-like latest figures, then others with figures', () => {
    const latest = [
      ...Array.from({ length: 10 }, (_, i) => entry(i, i * 10)),
      entry(10, 9999, 'other'),
      entry(11, null),
    ]
    const ranked = latest.slice(0, 10).map((e) => e.district)
    expect(trendDistricts(latest, ranked)).toEqual(['d9', 'd8', 'd7', 'd6', 'd5'])
    expect(trendDistricts(latest, ranked.slice(0, 3))).toEqual(['d2', 'd1', 'd0', 'd3', 'd4'])
  })
})
