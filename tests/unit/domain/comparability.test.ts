import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { MEASURES, STATUSES, type BoundaryChange } from '../../../src/types/domain'
import { breaksBetween, cohorts, comparePair, judgeSet } from '../../../src/domain/comparability'
import { describeReasons } from '../../../src/domain/reason-text'
import { makeMetric } from './metric-fixture'
import { reasonContext } from './reason-fixture'

const XIAOSHAN_2021: BoundaryChange = {
  district: 'xiaoshan',
  year: 2021,
  changeZh: '河庄、义蓬、新湾、临江、前进五个街道划归钱塘区',
  changeEn: 'five streets moved to the new Qiantang district',
  source: '',
}
const zhNames = { xiaoshan: '萧山区', xihu: '西湖区', qiantang: '钱塘区', fuyang: '富阳区' }

describe('comparePair', () => {
  const a = makeMetric({ district: 'xiaoshan', period: '2024' })

  it('compares two figures that count the same thing in the same year plainly', () => {
    expect(comparePair(a, makeMetric({ district: 'fuyang', period: '2024' }))).toEqual({
      comparable: true,
      sameYears: true,
    })
  })

  it('compares the same basis in other years only with the years named', () => {
    expect(comparePair(a, makeMetric({ district: 'qiantang', period: '2023' }))).toEqual({
      comparable: true,
      sameYears: false,
    })
  })

  it.each([
    ['measure', { measure: 'stock' as const }, { kind: 'measure', measures: ['flow', 'stock'] }],
    ['basis', { basis: 'industry_wide' }, { kind: 'basis', bases: ['', 'industry_wide'] }],
    ['status', { status: 'nominated' as const }, { kind: 'status', statuses: ['achieved', 'nominated'] }],
    ['span', { period: '2020-2024' }, { kind: 'span', years: [1, 5] }],
    ['indicator', { indicator: 'members_recruited' }, { kind: 'indicator' }],
  ])('does not compare figures whose %s differs, and says so', (_, over, difference) => {
    const verdict = comparePair(a, makeMetric({ district: 'fuyang', ...over }))
    expect(verdict).toEqual({ comparable: false, differences: [difference] })
  })

  it('never sets a target against another figure, even another target', () => {
    const t = makeMetric({ status: 'target' })
    expect(comparePair(t, makeMetric({ district: 'fuyang', status: 'target' })).comparable).toBe(false)
  })

  it('treats a derived figure as comparable (it is labelled, not excluded)', () => {
    expect(comparePair(a, makeMetric({ district: 'fuyang', method: 'derived' })).comparable).toBe(true)
  })

  it('does not compare a district across a boundary change, but does compare districts within one year', () => {
    const before = makeMetric({ period: '2020' })
    expect(comparePair(before, a, [XIAOSHAN_2021])).toEqual({
      comparable: false,
      differences: [{ kind: 'boundary', change: XIAOSHAN_2021 }],
    })
    expect(comparePair(a, makeMetric({ district: 'fuyang' }), [XIAOSHAN_2021]).comparable).toBe(true)
    expect(breaksBetween(makeMetric({ period: '2021' }), a, [XIAOSHAN_2021])).toEqual([])
  })

  it('is symmetric and reflexive over any attributes', () => {
    const figure = fc.record({
      district: fc.constantFrom('xiaoshan', 'fuyang'),
      start: fc.integer({ min: 2018, max: 2024 }),
      span: fc.integer({ min: 0, max: 4 }),
      measure: fc.constantFrom(...MEASURES),
      basis: fc.constantFrom('', 'x', 'y'),
      status: fc.constantFrom(...STATUSES),
    })
    const make = (f: {
      district: string
      start: number
      span: number
      measure: 'flow' | 'stock'
      basis: string
      status: 'achieved' | 'nominated' | 'target'
    }) =>
      makeMetric({
        district: f.district,
        period: f.span === 0 ? String(f.start) : `${f.start}-${f.start + f.span}`,
        measure: f.measure,
        basis: f.basis,
        status: f.status,
      })
    fc.assert(
      fc.property(figure, figure, (x, y) => {
        const mx = make(x)
        const my = make(y)
        expect(comparePair(mx, my, [XIAOSHAN_2021]).comparable).toBe(comparePair(my, mx, [XIAOSHAN_2021]).comparable)
        expect(comparePair(mx, mx).comparable).toBe(mx.status !== 'target')
      }),
    )
  })
})

describe('cohorts', () => {
  it('groups like-for-like figures of one period, largest first, and never groups targets', () => {
    const groups = cohorts([
      makeMetric({ district: 'xiaoshan' }),
      makeMetric({ district: 'xihu', period: '2023' }),
      makeMetric({ district: 'fuyang' }),
      makeMetric({ district: 'qiantang', status: 'target' }),
      makeMetric({ district: 'xihu', status: 'target' }),
    ])
    expect(groups.map((g) => g.map((m) => m.district))).toEqual([
      ['xiaoshan', 'fuyang'],
      ['xihu'],
      ['qiantang'],
      ['xihu'],
    ])
  })
})

describe('judgeSet', () => {
  const entry = (district: string, over: Parameters<typeof makeMetric>[0] | null) => ({
    district,
    metric: over ? makeMetric({ district, ...over }) : null,
  })

  it('is like-for-like and ranks everyone when all figures count the same thing in the same year', () => {
    expect(judgeSet([entry('xiaoshan', {}), entry('fuyang', {}), entry('xihu', null)])).toEqual({
      likeForLike: true,
      ranked: ['xiaoshan', 'fuyang'],
      reasons: [],
    })
  })

  it('names the years when only the years differ, and ranks nobody', () => {
    const verdict = judgeSet([entry('xiaoshan', {}), entry('qiantang', { period: '2023' })])
    expect(verdict.likeForLike).toBe(false)
    expect(verdict.ranked).toEqual([])
    expect(describeReasons(verdict.reasons, reasonContext('zh-CN', zhNames))).toBe(
      '年份不同：萧山区 2024 年，钱塘区 2023 年',
    )
  })

  it('says in words what differs, from the columns, for every attribute', () => {
    const verdict = judgeSet([
      entry('xiaoshan', { basis: 'public_courses', measure: 'stock' }),
      entry('fuyang', { basis: 'employment_skills' }),
    ])
    expect(verdict.ranked).toEqual([])
    expect(describeReasons(verdict.reasons, reasonContext('zh-CN', zhNames))).toBe(
      '口径不同：萧山区为“萧工学堂”公益课程，富阳区为仅就业技能培训；统计方式不同：萧山区为期末存量，富阳区为期内新增',
    )
    expect(describeReasons(verdict.reasons, reasonContext('en', { xiaoshan: 'Xiaoshan', fuyang: 'Fuyang' }))).toBe(
      'Different basis: Xiaoshan counts free public courses, Fuyang counts employment-skills training only; Counted differently: Xiaoshan gives the total at period end, Fuyang gives new in the period',
    )
  })

  it('ranks the largest like-for-like cohort and gives the reason for the rest', () => {
    const verdict = judgeSet([entry('xiaoshan', {}), entry('xihu', { status: 'nominated' }), entry('fuyang', {})])
    expect(verdict.ranked).toEqual(['xiaoshan', 'fuyang'])
    expect(describeReasons(verdict.reasons, reasonContext('zh-CN', zhNames))).toBe(
      '性质不同：萧山区、富阳区为实际完成/获评数，西湖区为推荐/上报数',
    )
  })

  it('reports a boundary change between the figures shown', () => {
    const verdict = judgeSet([entry('xiaoshan', { period: '2020' }), entry('fuyang', {})], [XIAOSHAN_2021])
    expect(describeReasons(verdict.reasons, reasonContext('zh-CN', zhNames))).toBe(
      '区划调整（萧山区，2021 年）：河庄、义蓬、新湾、临江、前进五个街道划归钱塘区',
    )
  })

  it('has nothing to say about one figure or none', () => {
    expect(judgeSet([entry('xiaoshan', {})])).toEqual({ likeForLike: true, ranked: [], reasons: [] })
    expect(judgeSet([entry('xiaoshan', null)])).toEqual({ likeForLike: true, ranked: [], reasons: [] })
  })
})

describe('describeReasons with many districts', () => {
  it('names the first three districts sharing a value and counts them, past five', () => {
    const ids = Array.from({ length: 8 }, (_, i) => `d${i + 1}`)
    const names = Object.fromEntries(ids.map((id, i) => [id, `县区${i + 1}`]))
    const entries = [
      ...ids.map((id) => ({ district: id, metric: makeMetric({ district: id, period: '2024' }) })),
      { district: 'qiantang', metric: makeMetric({ district: 'qiantang', period: '2023' }) },
    ]
    const verdict = judgeSet(entries)
    expect(describeReasons(verdict.reasons, reasonContext('zh-CN', { ...names, qiantang: '钱塘区' }))).toContain(
      '县区1、县区2、县区3等 8 个区县 2024',
    )
    expect(describeReasons(verdict.reasons, reasonContext('en', { ...names, qiantang: 'Qiantang' }))).toContain(
      '县区1, 县区2, 县区3 and 5 more',
    )
  })
})
