import { describe, expect, it } from 'vitest'
import type { Metric } from '../../../src/types/domain'
import { judgeRow } from '../../../src/domain/scorecard'
import { scorecardCellView, type ScorecardViewContext } from '../../../src/domain/scorecard-view'
import zh from '../../../src/locales/zh-CN.json'
import { makeMetric } from './metric-fixture'
import { progressLabels } from './progress-fixture'
import { reasonContext, TEST_BASES } from './reason-fixture'

const names: Record<string, string> = { xiaoshan: '萧山区', xihu: '西湖区', qiantang: '钱塘区', fuyang: '富阳区' }
const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`))

/** The zh wording, filled from the locale file as the UI fills it. */
const ctx = (over: Partial<ScorecardViewContext> = {}): ScorecardViewContext => ({
  locale: 'zh-CN',
  boundaries: [],
  bases: TEST_BASES,
  reasons: reasonContext('zh-CN', names),
  labels: {
    rankOf: (rank, of) => fill(zh.scorecard.rankOf, { rank, of }),
    spanYears: (years) => fill(zh.scorecard.spanYears, { years }),
    state: zh.scorecard.state,
    perHeadRankOf: (rank, of) => fill(zh.perHead.rankOf, { rank, of }),
    perHeadNoRank: zh.perHead.noRank,
    perHeadMissing: (year, district, indicator) => fill(zh.perHead.missing, { year, district, indicator }),
  },
  progress: progressLabels('zh-CN'),
  districtName: (id) => names[id] ?? id,
  remarkCount: () => 0,
  ...over,
})

const D = ['xiaoshan', 'xihu', 'qiantang', 'fuyang']
const cells = (ms: Array<Metric | null>) =>
  judgeRow(
    ms.map((metric, i) => ({ district: D[i] ?? '', metric })),
    [],
  )
const m = (district: string, p: Partial<Metric> = {}) => makeMetric({ district, ...p })

describe('scorecardCellView', () => {
  const row = cells([
    m('xiaoshan', { value: 442 }),
    m('xihu', { value: 931, period: '2018-2022' }),
    null,
    m('fuyang', { value: 642 }),
  ])

  it.each<[string, number, Partial<ReturnType<typeof scorecardCellView>>]>([
    ['a ranked cell: value, year and rank', 3, { value: '642家', period: '2024', note: '2 区中第 1', reason: '' }],
    ['a multi-year total', 1, { value: '931家', period: '2018–2022', note: '五年累计' }],
    ['a district that reported nothing', 2, { value: '未报送', key: null, period: '', note: '', exact: '' }],
  ])('%s', (_, i, expected) => {
    const cell = row[i]
    if (!cell) throw new Error('no cell')
    expect(scorecardCellView(cell, '家', ctx())).toMatchObject(expected)
  })

  it('says why a cell on another basis is not compared, briefly and in full, and names its basis', () => {
    const [x, , , f] = cells([m('xiaoshan', { basis: 'public_courses' }), null, null, m('fuyang', { basis: '' })])
    if (!x || !f) throw new Error('no cell')
    const view = scorecardCellView(x, '人', ctx())
    expect(view.note).toBe('口径不同，不作比较')
    expect(view.reason).toMatch(/^口径不同：.*萧山区为“萧工学堂”公益课程/)
    expect(view.basis).toBe('“萧工学堂”公益课程')
  })

  it('counts the remarks on a figure and leaves the per-head line off unless asked', () => {
    const cell = row[0]
    if (!cell) throw new Error('no cell')
    const view = scorecardCellView(cell, '家', ctx({ remarkCount: (x) => (x.value === 442 ? 2 : 0) }))
    expect(view.remarks).toBe(2)
    expect(view.perHead).toBeNull()
  })

  it('names a missing per-head denominator instead of a value, and does not rank', () => {
    const cell = row[0]
    if (!cell) throw new Error('no cell')
    const view = scorecardCellView(
      cell,
      '家',
      ctx({
        perHead: {
          labels: { value: (v) => v, formula: (a) => a, missing: (y, d, i) => `${y}${d}${i}` },
          denominator: undefined,
          indicatorId: 'members_total',
        },
      }),
      {
        perHead: { kind: 'missing', year: 2024, district: 'xiaoshan', indicator: 'members_total' },
        rank: null,
        of: 0,
        unranked: true,
      },
    )
    expect(view.perHead).toEqual({ text: '缺少 2024 年萧山区members_total', formula: '', missing: true })
    expect(view.note).toBe('有区缺少会员总数，不排名')
  })
})
