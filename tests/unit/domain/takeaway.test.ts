import { describe, expect, it } from 'vitest'
import type { FigureEntry } from '../../../src/domain/compare'
import { buildTakeaway, previousFigure, ratioText, type TakeawayInput } from '../../../src/domain/takeaway'
import type { BoundaryChange, Metric } from '../../../src/types/domain'
import { makeMetric } from './metric-fixture'
import { reasonContext } from './reason-fixture'

const XIAOSHAN_2021: BoundaryChange = {
  district: 'xiaoshan',
  year: 2021,
  changeZh: '河庄等五个街道划归钱塘区',
  changeEn: 'five streets moved to Qiantang',
  source: '',
}

describe('previousFigure', () => {
  const metrics = [
    makeMetric({ period: '2020', value: 300 }),
    makeMetric({ period: '2022', value: 400 }),
    makeMetric({ period: '2023', value: 410, basis: 'public_courses' }),
    makeMetric({ period: '2018-2023', value: 2000 }),
    makeMetric({ period: '2023', value: 9, district: 'fuyang' }),
    makeMetric({ period: '2024', value: 442 }),
  ]

  it('returns the latest earlier single-year figure on the same basis', () => {
    const prev = previousFigure(metrics, makeMetric({ period: '2024', value: 442 }))
    expect(prev.kind === 'comparable' && prev.metric.period).toBe('2022')
  })

  it("never takes a figure on another basis, measure or status as last year's", () => {
    expect(previousFigure([makeMetric({ period: '2023', basis: 'x' })], makeMetric({ period: '2024' }))).toEqual({
      kind: 'none',
    })
    expect(previousFigure([makeMetric({ period: '2023', measure: 'stock' })], makeMetric({ period: '2024' }))).toEqual({
      kind: 'none',
    })
    expect(
      previousFigure([makeMetric({ period: '2023', status: 'nominated' })], makeMetric({ period: '2024' })),
    ).toEqual({ kind: 'none' })
  })

  it('says so when a boundary change lies between the two figures', () => {
    const prev = previousFigure(metrics, makeMetric({ period: '2024' }), [XIAOSHAN_2021])
    expect(prev).toMatchObject({ kind: 'comparable' })
    const across = previousFigure([makeMetric({ period: '2020' })], makeMetric({ period: '2024' }), [XIAOSHAN_2021])
    expect(across).toMatchObject({ kind: 'break', change: XIAOSHAN_2021 })
  })

  it('has none when there is no earlier year, or for a cumulative figure', () => {
    expect(previousFigure(metrics, makeMetric({ period: '2020' }))).toEqual({ kind: 'none' })
    expect(previousFigure(metrics, makeMetric({ period: '2018-2023' }))).toEqual({ kind: 'none' })
  })
})

describe('ratioText', () => {
  it('shows at most one decimal, rounding a floor down and a ceiling up, with 约 when rounded', () => {
    expect(ratioText(642 / 442, 'exact', 'zh-CN')).toEqual({ word: '约', number: '1.5' })
    expect(ratioText(1.5, 'exact', 'zh-CN')).toEqual({ word: '', number: '1.5' })
    expect(ratioText(1.4525, 'at_least', 'zh-CN')).toEqual({ word: '至少', number: '1.4' })
    expect(ratioText(1.4525, 'at_most', 'en')).toEqual({ word: 'at most ', number: '1.5' })
    expect(ratioText(20.986, 'approx', 'en')).toEqual({ word: 'about ', number: '21' })
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

  const names = (locale: 'zh-CN' | 'en'): Record<string, string> => (locale === 'en' ? enNames : zhNames)
  function takeaway(entries: FigureEntry[], locale: 'zh-CN' | 'en', extra: Partial<TakeawayInput> = {}): string {
    return buildTakeaway({
      reasons: reasonContext(locale, names(locale)),
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
      '2024 年富阳新建基层工会 642 家（较 2023 年增长 12.3%），约为萧山（442 家）的 1.5 倍；钱塘、西湖无 2024 年数据',
    )
    expect(takeaway(basic, 'en')).toBe(
      'New unions 2024: Fuyang leads with 642 orgs (up 12.3% on 2023), about 1.5× Xiaoshan (442); no 2024 figure for Qiantang, Xihu.',
    )
  })

  it('omits the change when the leader has no earlier figure', () => {
    const entries = [e('xiaoshan', { value: 642 }), e('fuyang', { value: 442 })]
    expect(takeaway(entries, 'zh-CN')).toBe('2024 年萧山新建基层工会 642 家，约为富阳（442 家）的 1.5 倍')
  })

  it('says the leader is first when three or more are ranked', () => {
    const entries = [e('xiaoshan', { value: 442 }), e('xihu', { value: 100 }), e('fuyang', { value: 642 })]
    expect(takeaway(entries, 'zh-CN')).toBe(
      '2024 年富阳新建基层工会 642 家（较 2023 年增长 12.3%），3 个区中居首，约为萧山（442 家）的 1.5 倍',
    )
  })

  it('carries an at-least leader into the value, the ratio and the change', () => {
    const entries = [e('xiaoshan', { value: 442 }), e('fuyang', { value: 642, qualifier: 'at_least' })]
    expect(takeaway(entries, 'zh-CN')).toBe(
      '2024 年富阳新建基层工会至少 642 家（较 2023 年至少增长 12.3%），至少为萧山（442 家）的 1.4 倍',
    )
    expect(takeaway(entries, 'en')).toBe(
      'New unions 2024: Fuyang leads with at least 642 orgs (up at least 12.3% on 2023), at least 1.4× Xiaoshan (442).',
    )
  })

  it('marks approximate figures with 约 / about', () => {
    const entries = [e('xiaoshan', { value: 442, qualifier: 'approx' }), e('xihu', { value: 900 })]
    expect(takeaway(entries, 'zh-CN')).toBe('2024 年西湖新建基层工会 900 家，约为萧山（约 442 家）的 2 倍')
    expect(takeaway(entries, 'en')).toBe('New unions 2024: Xihu leads with 900 orgs, about 2× Xiaoshan (about 442).')
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

  it('gives the difference, not a ratio, when the figures are near equal or the runner-up is a small count', () => {
    expect(takeaway([e('xiaoshan', { value: 642 }), e('xihu', { value: 643 })], 'zh-CN')).toBe(
      '2024 年西湖新建基层工会 643 家，比萧山（642 家）多 1 家',
    )
    expect(takeaway([e('xiaoshan', { value: 9 }), e('xihu', { value: 3, qualifier: 'at_least' })], 'en')).toBe(
      'New unions 2024: Xiaoshan leads with 9 orgs, at most 6 orgs more than Xihu (at least 3).',
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
    ).toBe(
      'New unions 2024: Fuyang leads with 642 orgs (up 12.3% on 2023), about 1.5× Xiaoshan (442); no figure for Xihu.',
    )
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
      '2024 年富阳新建基层工会 642 家（较 2023 年增长 12.3%），约为萧山（442 家）的 1.5 倍；西湖 2018–2022 累计 1.2 万家（时段长短不同，不作比较）',
    )
    expect(takeaway(entries, 'en')).toContain(
      '; Xihu 2018–2022 total 12,000 orgs (different period length; not compared).',
    )
  })

  it('names the indicator with a total when there is no single-year figure', () => {
    const entries = [e('xihu', { value: 12000, period: '2018-2022' }), e('fuyang', null)]
    expect(takeaway(entries, 'zh-CN', { year: 2020 })).toBe(
      '西湖 2018–2022 累计新建基层工会 1.2 万家；富阳无 2020 年数据',
    )
  })

  it('formats money with 万 and a space before the digits', () => {
    const entries = [e('xiaoshan', { value: 978900 }), e('fuyang', { value: 1750000 })]
    const text = buildTakeaway({
      entries,
      allMetrics: [],
      districtName: (id) => zhNames[id] ?? id,
      indicatorName: '帮扶金额',
      unit: '元',
      locale: 'zh-CN',
      year: 2024,
      reasons: reasonContext('zh-CN', zhNames),
    })
    expect(text).toBe('2024 年富阳帮扶金额 175 万元，约为萧山（97.89 万元）的 1.8 倍')
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
      reasons: reasonContext('zh-CN', zhNames),
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
      reasons: reasonContext('en', enNames),
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
      reasons: reasonContext('zh-CN', zhNames),
    })
    expect(flat).toBe('2024 年萧山新建基层工会 500 家（与 2023 年持平）')
  })

  it('infers the year from the figures when none is given', () => {
    expect(takeaway(basic, 'zh-CN', { year: undefined })).toBe(takeaway(basic, 'zh-CN'))
  })

  it('sets figures on different bases side by side with the reason, never ranking them or giving a ratio', () => {
    const entries = [
      e('xiaoshan', { value: 40000, qualifier: 'at_least', basis: 'public_courses' }),
      e('fuyang', { value: 1906, basis: 'employment_skills' }),
    ]
    const zh = takeaway(entries, 'zh-CN', { indicatorName: '培训职工', unit: '人' })
    expect(zh).toBe('萧山 2024 年培训职工至少 4 万人；富阳 2024 年 1906 人（口径不同，不作比较）')
    expect(zh).not.toMatch(/倍|居首|多于/)
    const en = takeaway(entries, 'en', { indicatorName: 'Workers trained', unit: '人' })
    expect(en).toBe(
      'Workers trained: Xiaoshan at least 40,000 people in 2024; Fuyang 1,906 people in 2024 (different basis; not compared).',
    )
  })

  it('ranks the like-for-like figures and sets the others beside them with the reason', () => {
    const entries = [
      e('xiaoshan', { value: 442 }),
      e('qiantang', { value: 800, measure: 'stock' }),
      e('fuyang', { value: 642 }),
    ]
    expect(takeaway(entries, 'zh-CN')).toBe(
      '2024 年富阳新建基层工会 642 家（较 2023 年增长 12.3%），约为萧山（442 家）的 1.5 倍；钱塘 2024 年 800 家（统计方式不同，不作比较）',
    )
  })

  it('does not state a change across a boundary change', () => {
    const entries = [e('xiaoshan', { value: 442 })]
    const text = takeaway(entries, 'zh-CN', {
      allMetrics: [makeMetric({ period: '2020', value: 174 }), ...entries.flatMap((x) => (x.metric ? [x.metric] : []))],
      boundaries: [XIAOSHAN_2021],
    })
    expect(text).toBe('2024 年萧山新建基层工会 442 家（2021 年起区划调整，不与 2020 年比较）')
  })

  it.each<[string, Partial<Metric>]>([
    ['another basis', { basis: 'public_courses' }],
    ['another measure', { measure: 'stock' }],
  ])('names a basis change instead of a change when the earlier figure counts %s', (_, other) => {
    const fy = e('fuyang', { value: 642 })
    const xs = e('xiaoshan', { value: 442 })
    const earlier = makeMetric({ district: 'fuyang', period: '2023', value: 300, ...other })
    const all = [earlier, ...[fy, xs].flatMap((x) => (x.metric ? [x.metric] : []))]
    const zhText = takeaway([xs, fy], 'zh-CN', { allMetrics: all })
    expect(zhText).toBe('2024 年富阳新建基层工会 642 家（口径调整，不与 2023 年比较），约为萧山（442 家）的 1.5 倍')
    expect(zhText).not.toMatch(/增长|%/)
    expect(takeaway([xs, fy], 'en', { allMetrics: all })).toBe(
      'New unions 2024: Fuyang leads with 642 orgs (basis changed, not compared with 2023), about 1.5× Xiaoshan (442).',
    )
  })

  it('states the change on the comparable figure when an older one on another basis also exists', () => {
    const fy = e('fuyang', { value: 642 })
    const older = makeMetric({ district: 'fuyang', period: '2022', value: 100, basis: 'public_courses' })
    const text = takeaway([e('xiaoshan', { value: 442 }), fy], 'zh-CN', {
      allMetrics: [older, fy2023, ...(fy.metric ? [fy.metric] : [])],
    })
    expect(text).toContain('（较 2023 年增长 12.3%）')
  })

  it('returns an empty string for no entries', () => {
    expect(takeaway([], 'zh-CN')).toBe('')
  })
})

describe('buildTakeaway with many districts', () => {
  const ids = Array.from({ length: 90 }, (_, i) => `d${String(i + 1).padStart(2, '0')}`)
  const name = (id: string): string => `县区${Number(id.slice(1))}`
  const build = (entries: FigureEntry[], locale: 'zh-CN' | 'en') =>
    buildTakeaway({
      reasons: reasonContext(locale, Object.fromEntries(ids.map((id) => [id, name(id)]))),
      entries,
      allMetrics: entries.flatMap((x) => (x.metric ? [x.metric] : [])),
      districtName: name,
      indicatorName: '新建基层工会',
      unit: '家',
      locale,
      year: 'latest',
    })

  it('ranks the like-for-like figures, names a few of the others and counts the rest, instead of ninety clauses', () => {
    const entries: FigureEntry[] = ids.map((id, i) => ({
      district: id,
      metric:
        i < 40
          ? makeMetric({ district: id, value: 100 + i, period: '2024' })
          : i < 70
            ? makeMetric({ district: id, value: 50 + i, period: '2024', basis: 'other' })
            : null,
    }))
    const zh = build(entries, 'zh-CN')
    expect(zh).toContain('40 个区中居首')
    expect(zh).toContain('另有 26 个区县')
    expect(zh).toContain('等 20 个区县')
    expect(zh.split('；').length).toBeLessThan(10)
    const en = build(entries, 'en')
    expect(en).toContain('26 more districts')
    expect(en).toContain('and 17 more')
  })
})
