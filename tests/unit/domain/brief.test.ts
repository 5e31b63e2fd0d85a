import { describe, expect, it } from 'vitest'
import { briefLimits, buildBrief, dataVersion, type BriefInput } from '../../../src/domain/brief'
import type { Catalogue, Indicator, Metric } from '../../../src/types/domain'
import { briefLabels } from './brief-fixture'
import { makeMetric } from './metric-fixture'
import { TEST_BASES } from './reason-fixture'
import { makeSource } from './source-fixture'

const indicator = (id: string, nameZh: string, unit: Indicator['unit'] = '家'): Indicator => ({
  id,
  category: 'organising',
  nameZh,
  nameEn: id,
  unit,
  description: '',
  descriptionEn: '',
})

const CATALOGUE: Catalogue = {
  districts: [
    { id: 'xiaoshan', nameZh: '萧山区', nameEn: 'Xiaoshan', color: '#0072B2' },
    { id: 'xihu', nameZh: '西湖区', nameEn: 'Xihu', color: '#E69F00' },
    { id: 'qiantang', nameZh: '钱塘区', nameEn: 'Qiantang', color: '#009E73' },
    { id: 'fuyang', nameZh: '富阳区', nameEn: 'Fuyang', color: '#CC79A7' },
  ],
  indicators: [
    indicator('unions_founded', '新建基层工会'),
    indicator('workers_trained', '培训职工', '人'),
    indicator('aid_amount', '帮扶金额', '元'),
  ],
  sources: [
    makeSource({ id: 'xs-2024', district: 'xiaoshan', titleZh: '萧山', published: '2025' }),
    makeSource({ id: 'old', district: 'xihu', titleZh: '西湖', published: '2022' }),
  ],
  bases: TEST_BASES,
  boundaries: [],
}

const FIGURES: Metric[] = [
  makeMetric({ district: 'xiaoshan', indicator: 'unions_founded', value: 442 }),
  makeMetric({ district: 'fuyang', indicator: 'unions_founded', value: 642 }),
  makeMetric({ district: 'qiantang', indicator: 'unions_founded', period: '2023', value: 553 }),
  makeMetric({ district: 'xihu', indicator: 'unions_founded', period: '2018-2022', value: 931, source: 'old' }),
  makeMetric({
    district: 'xiaoshan',
    indicator: 'workers_trained',
    value: 40000,
    qualifier: 'at_least',
    basis: 'public_courses',
  }),
  makeMetric({ district: 'fuyang', indicator: 'workers_trained', value: 1200, basis: 'employment_skills' }),
  makeMetric({ district: 'fuyang', indicator: 'aid_amount', value: 978900, qualifier: 'approx' }),
]

function byIndicator(metrics: readonly Metric[]): Map<string, Metric[]> {
  const map = new Map<string, Metric[]>()
  for (const m of metrics) map.set(m.indicator, [...(map.get(m.indicator) ?? []), m])
  return map
}

function brief(patch: Partial<BriefInput> = {}, metrics: readonly Metric[] = FIGURES): ReturnType<typeof buildBrief> {
  const locale = patch.locale ?? 'zh-CN'
  return buildBrief({
    catalogue: CATALOGUE,
    byIndicator: byIndicator(metrics),
    year: 'latest',
    districts: CATALOGUE.districts.map((d) => d.id),
    cumulative: false,
    locale,
    labels: briefLabels(locale),
    ...patch,
  })
}

describe('buildBrief', () => {
  it.each([
    ['latest', 'zh-CN', '一页纸汇报 · 各区最新'],
    [2024, 'zh-CN', '一页纸汇报 · 2024 年'],
    [2024, 'en', 'One-page brief · 2024'],
  ] as const)('titles the brief for year %s in %s', (year, locale, title) => {
    expect(brief({ year, locale }).title).toBe(title)
  })

  it.each([
    // district, year, figure texts of its line (widely reported indicators first), what it says when empty
    ['xiaoshan', 'latest', ['新建基层工会 442家（2024）', '培训职工 ≥4万人（2024）'], ''],
    ['xihu', 'latest', ['新建基层工会 931家（2018–2022 累计）'], ''],
    ['fuyang', 2024, ['新建基层工会 642家（2024）', '培训职工 1200人（2024）', '帮扶金额 ≈97.89万元（2024）'], ''],
    ['qiantang', 2024, [], '无 2024 年数据'],
    ['xihu', 2020, ['新建基层工会 931家（2018–2022 累计）'], ''],
  ] as const)('gives %s in %s its figures with year, ≥/≈ and 万', (district, year, texts, empty) => {
    const line = brief({ year }).districts.find((l) => l.district === district)
    expect(line?.figures.map((f) => f.text)).toEqual(texts)
    expect(line?.empty).toBe(empty)
  })

  it('keeps to the selected districts, in catalogue order, and to the language', () => {
    const b = brief({ districts: ['fuyang', 'xiaoshan'], locale: 'en' })
    expect(b.districts.map((l) => l.name)).toEqual(['Xiaoshan', 'Fuyang'])
    expect(b.scope).toBe('2 districts')
    expect(b.comparisons[0]?.text).toMatch(/^Unions_founded 2024: Fuyang leads/i)
  })

  it('compares only the like-for-like cohort, in the takeaway engine’s words', () => {
    const b = brief()
    expect(b.comparisons).toEqual([
      {
        indicator: 'unions_founded',
        among: 2,
        text: '2024 年富阳区新建基层工会 642 家，约为萧山区（442 家）的 1.5 倍',
      },
    ])
    // Different bases are never compared, only explained.
    expect(b.comparisons.some((c) => c.indicator === 'workers_trained')).toBe(false)
    expect(b.caveats).toContain('培训职工——口径不同：萧山区为“萧工学堂”公益课程，富阳区为仅就业技能培训')
  })

  it('compares nothing when no two districts count the same thing in the same year', () => {
    const b = brief({ districts: ['xiaoshan', 'qiantang'] })
    expect(b.comparisons).toEqual([])
    expect(b.none.comparisons).toMatch(/没有两个区/)
  })

  it.each([
    ['latest', ['西湖区的 2018–2022 数字为多年累计，不与单年数字比较']],
    [2024, []],
  ] as const)('says multi-year totals in %s are not compared with single years', (year, expected) => {
    expect(brief({ year }).caveats.filter((c) => c.includes('多年累计'))).toEqual(expected)
  })

  it('says "latest" mixes years only when the figures shown do', () => {
    expect(brief().caveats[0]).toMatch(/年份不一/)
    expect(brief({ districts: ['xiaoshan', 'fuyang'] }).caveats.some((c) => c.includes('年份不一'))).toBe(false)
  })

  it('names a boundary change that lies within the figures shown, in reason-text’s words', () => {
    const catalogue = {
      ...CATALOGUE,
      boundaries: [{ district: 'xiaoshan', year: 2021, changeZh: '五个街道划入钱塘区。', changeEn: '', source: '' }],
    }
    expect(brief({ catalogue }).caveats).toContain('区划调整（萧山区，2021 年）：五个街道划入钱塘区')
    // Only 2024 figures are shown: the change lies before all of them.
    expect(brief({ catalogue, year: 2024 }).caveats.some((c) => c.startsWith('区划调整'))).toBe(false)
  })

  it.each([
    [2024, ['西湖区、钱塘区无 2024 年数据']],
    ['latest', ['培训职工：西湖区、钱塘区未报告（2 个区有）']],
  ] as const)('lists the gaps for %s', (year, gaps) => {
    expect(brief({ year }).gaps).toEqual(gaps)
  })

  it('caps long lists and says how many were left out', () => {
    const b = brief({ limits: { ...briefLimits(4), figuresPerDistrict: 1, caveats: 1, districts: 2 } })
    expect(b.districts.find((l) => l.district === 'xiaoshan')?.figures).toHaveLength(1)
    expect(b.districts.find((l) => l.district === 'xiaoshan')?.more).toBe('另有 1 项')
    expect(b.districts).toHaveLength(2)
    expect(b.moreDistricts).toBe('另有 2 个区')
    expect(b.caveats).toHaveLength(1)
    expect(b.moreCaveats).toMatch(/^另有 \d+ 项$/)
  })

  it('puts districts that reported ahead of empty ones when it must cut, and shortens long name lists', () => {
    const b = brief({ year: 2024, limits: { ...briefLimits(4), districts: 2, names: 1 } })
    expect(b.districts.map((l) => l.district)).toEqual(['xiaoshan', 'fuyang'])
    expect(b.gaps).toEqual(['西湖区等 2 个区无 2024 年数据'])
  })

  it.each([
    [4, 6],
    [13, 2],
    [90, 2],
  ])('shows fewer figures per district as districts grow (%i → %i)', (n, figures) => {
    expect(briefLimits(n).figuresPerDistrict).toBe(figures)
  })

  it.each([4, 13, 90])('holds no more on a slide than on the page (%i districts)', (n) => {
    const page = briefLimits(n)
    const slide = briefLimits(n, 'slide')
    for (const k of Object.keys(page) as Array<keyof typeof page>) expect(slide[k]).toBeLessThanOrEqual(page[k])
  })

  it('leaves the report date out when no cited report gives one', () => {
    const catalogue = { ...CATALOGUE, sources: [] }
    expect(brief({ catalogue }).asOf).toMatch(/^数据截至 2024 年 · 数据版本 [0-9a-f]{8}（7 项数字的指纹）$/)
  })

  it('dates the data by its latest year and report, with a fingerprint of the figures', () => {
    const b = brief()
    const v = dataVersion(byIndicator(FIGURES), CATALOGUE.sources)
    expect(v).toMatchObject({ year: 2024, published: '2025', count: FIGURES.length })
    expect(b.asOf).toBe(`数据截至 2024 年 · 最新报告发布于 2025 · 数据版本 ${v.fingerprint}（7 项数字的指纹）`)
  })
})

describe('dataVersion', () => {
  it('gives the same fingerprint in any order and another one when a figure changes', () => {
    const a = dataVersion(byIndicator(FIGURES), []).fingerprint
    expect(dataVersion(byIndicator([...FIGURES].reverse()), []).fingerprint).toBe(a)
    const changed = FIGURES.map((m, i) => (i === 0 ? { ...m, value: 443 } : m))
    expect(dataVersion(byIndicator(changed), []).fingerprint).not.toBe(a)
    expect(a).toMatch(/^[0-9a-f]{8}$/)
  })
})
