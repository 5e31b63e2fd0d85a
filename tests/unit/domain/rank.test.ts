import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { FigureEntry } from '../../../src/domain/compare'
import { normaliseProfile, rankEntries } from '../../../src/domain/rank'
import type { Metric } from '../../../src/types/domain'
import { makeMetric } from './metric-fixture'

const e = (district: string, m: Partial<Metric> | null): FigureEntry => ({
  district,
  metric: m ? makeMetric({ district, ...m }) : null,
})

describe('rankEntries', () => {
  it('ranks by value, highest first, with competition ranking for ties (1, 2, 2, 4)', () => {
    const ranks = rankEntries([
      e('a', { value: 10 }),
      e('b', { value: 30 }),
      e('c', { value: 20 }),
      e('d', { value: 20 }),
    ])
    expect(ranks.map((r) => [r.district, r.rank])).toEqual([
      ['a', 4],
      ['b', 1],
      ['c', 2],
      ['d', 2],
    ])
    expect(ranks.every((r) => r.of === 4 && r.period === '2024')).toBe(true)
  })

  it('gives null to a missing figure', () => {
    expect(rankEntries([e('a', { value: 1 }), e('b', { value: 2 }), e('c', null)])[2]).toEqual({
      district: 'c',
      rank: null,
      of: 0,
      period: null,
    })
  })

  it('ranks only against figures of the same period', () => {
    const ranks = rankEntries([
      e('a', { value: 1, period: '2024' }),
      e('b', { value: 5, period: '2024' }),
      e('c', { value: 99, period: '2020' }),
    ])
    expect(ranks.map((r) => r.rank)).toEqual([2, 1, null])
    expect(ranks[2]).toMatchObject({ of: 1, period: '2020' })
  })

  it('does not rank a lone figure', () => {
    expect(rankEntries([e('a', { value: 1 })])[0]?.rank).toBeNull()
  })

  it('never ranks a multi-year total against a single year', () => {
    const ranks = rankEntries([
      e('a', { value: 1 }),
      e('b', { value: 2 }),
      e('c', { value: 1000, period: '2016-2020' }),
    ])
    expect(ranks.map((r) => r.rank)).toEqual([2, 1, null])
  })

  it('gives rank 1 to exactly the maximum values of a period', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 6 }), (values) => {
        const ranks = rankEntries(values.map((v, i) => e(`d${i}`, { value: v })))
        const max = Math.max(...values)
        ranks.forEach((r, i) => expect(r.rank === 1).toBe(values[i] === max))
        ranks.forEach((r, i) => expect(r.rank).toBe(1 + values.filter((v) => v > (values[i] ?? 0)).length))
      }),
    )
  })
})

describe('normaliseProfile', () => {
  const metrics = [
    makeMetric({ district: 'xiaoshan', indicator: 'a', value: 50 }),
    makeMetric({ district: 'fuyang', indicator: 'a', value: 200 }),
    makeMetric({ district: 'xiaoshan', indicator: 'b', value: 10 }),
    makeMetric({ district: 'fuyang', indicator: 'b', value: 999, period: '2016-2020' }),
    makeMetric({ district: 'xihu', indicator: 'b', value: 0 }),
  ]

  it('scales each indicator to the highest district that has the figure', () => {
    const profile = normaliseProfile(metrics, ['xiaoshan', 'fuyang', 'xihu'], ['a', 'b'], 2024)
    expect(profile.axes).toEqual([
      { indicator: 'a', max: 200, districtsWithFigure: ['xiaoshan', 'fuyang'] },
      { indicator: 'b', max: 10, districtsWithFigure: ['xiaoshan', 'xihu'] },
    ])
    expect(profile.values).toEqual({ xiaoshan: [0.25, 1], fuyang: [1, null], xihu: [null, 0] })
  })

  it('keeps the figure behind each value and null where there is none', () => {
    const profile = normaliseProfile(metrics, ['fuyang'], ['a', 'b'], 2024)
    expect(profile.metrics['fuyang']?.map((m) => m?.value ?? null)).toEqual([200, null])
  })

  it('uses only single-year figures, never a cumulative total', () => {
    const profile = normaliseProfile(metrics, ['fuyang'], ['b'], 'latest')
    expect(profile.values['fuyang']).toEqual([null])
  })

  it('keeps an all-zero axis at 0 rather than dividing by zero', () => {
    const profile = normaliseProfile([makeMetric({ indicator: 'z', value: 0 })], ['xiaoshan'], ['z'], 2024)
    expect(profile.values['xiaoshan']).toEqual([0])
    expect(profile.axes[0]?.max).toBe(0)
  })

  it('lists a district once even if requested twice', () => {
    const profile = normaliseProfile(metrics, ['xiaoshan', 'xiaoshan'], ['a'], 2024)
    expect(profile.values['xiaoshan']).toEqual([1])
  })
})
