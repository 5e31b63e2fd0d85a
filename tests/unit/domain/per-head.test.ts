import { describe, expect, it } from 'vitest'
import type { Metric } from '../../../src/types/domain'
import {
  denominatorFor,
  perHead,
  perHeadFormula,
  perHeadRanks,
  perHeadRow,
  perHeadText,
  significantDigits,
  type PerHead,
  type PerHeadLabels,
} from '../../../src/domain/per-head'
import zhMessages from '../../../src/locales/zh-CN.json'
import enMessages from '../../../src/locales/en.json'
import { makeMetric } from './metric-fixture'

function labels(locale: 'zh-CN' | 'en'): PerHeadLabels {
  const p = locale === 'en' ? enMessages.perHead : zhMessages.perHead
  const fill = (template: string, values: Record<string, string | number>): string =>
    template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`))
  return {
    value: (value) => fill(p.value, { value }),
    formula: (perValue, figure, denominator, scale) => fill(p.formula, { perValue, figure, denominator, scale }),
    missing: (year, district, indicator) => fill(p.missing, { year, district, indicator }),
  }
}

const members = (p: Partial<Metric> = {}): Metric =>
  makeMetric({ indicator: 'members_total', measure: 'stock', value: 359000, ...p })
const founded = (p: Partial<Metric> = {}): Metric => makeMetric({ value: 442, ...p })
const valueOf = (p: PerHead): Extract<PerHead, { kind: 'value' }> => {
  if (p.kind !== 'value') throw new Error(`expected a value, got ${p.kind}`)
  return p
}

describe('significantDigits', () => {
  it.each([
    [359000, 3],
    [350000, 2],
    [442, 3],
    [12.5, 3],
    [0.05, 1],
    [1234567, 7],
  ])('%d states %d significant digits', (value, digits) => {
    expect(significantDigits(value)).toBe(digits)
  })
})

describe('perHead', () => {
  it.each<[string, Partial<Metric>, Partial<Metric>, number, string]>([
    ['exact over exact: one decimal', {}, {}, 12.3, 'exact'],
    [
      'a floor over an exact count stays a floor, rounded down',
      { value: 449, qualifier: 'at_least' },
      {},
      12.5,
      'at_least',
    ],
    ['an exact count over a floor of members is a ceiling, rounded up', {}, { qualifier: 'at_least' }, 12.4, 'at_most'],
    ['approx on either side is approx', { qualifier: 'approx' }, {}, 12.3, 'approx'],
    ['a two-digit denominator (35万) supports two digits only', {}, { value: 350000 }, 13, 'exact'],
    ['a large ratio keeps whole units', { value: 13210900 }, { value: 359123 }, 367866, 'exact'],
    ['no more significant digits than the denominator states', { value: 13210900 }, { value: 350000 }, 380000, 'exact'],
    [
      'a floor rounded to tens stays a floor',
      { value: 13210900, qualifier: 'at_least' },
      { value: 350000 },
      370000,
      'at_least',
    ],
  ])('%s', (_, fig, den, value, qualifier) => {
    const p = valueOf(perHead(founded(fig), [members(den)], 'members', '家'))
    expect(p.value).toBe(value)
    expect(p.qualifier).toBe(qualifier)
    expect(p.method).toBe('derived')
    expect(p.scale).toBe(10_000)
  })

  it.each<[string, Partial<Metric>]>([
    ['of another district', { district: 'fuyang' }],
    ['of another year', { period: '2023' }],
    ['a target', { status: 'target' }],
    ['of zero', { value: 0 }],
    ['a multi-year figure', { period: '2023-2024' }],
  ])('says which denominator is missing when the only one is %s', (_, den) => {
    expect(perHead(founded(), [members(den)], 'members', '家')).toEqual({
      kind: 'missing',
      district: 'xiaoshan',
      year: 2024,
      indicator: 'members_total',
    })
  })

  it.each<[string, Partial<Metric>, '家' | '%']>([
    ['a share', {}, '%'],
    ['a multi-year total', { period: '2021-2024' }, '家'],
    ['a target', { status: 'target' }, '家'],
    ['the member total itself', { indicator: 'members_total' }, '家'],
  ])('is not applicable to %s', (_, fig, unit) => {
    expect(perHead(founded(fig), [members()], 'members', unit)).toEqual({ kind: 'notApplicable' })
  })

  it('prefers the denominator on the indicator definition, reported, over a derived or other-basis one', () => {
    const own = members({ value: 359000 })
    const derived = members({ value: 360000, method: 'derived' })
    const other = members({ value: 400000, basis: 'real_name' })
    expect(denominatorFor(founded(), [other, derived, own], 'members')).toBe(own)
    expect(denominatorFor(founded(), [other, derived], 'members')).toBe(derived)
  })
})

describe('perHeadFormula and perHeadText', () => {
  it('shows the value and how it was derived, in both languages', () => {
    const p = valueOf(perHead(founded(), [members()], 'members', '家'))
    expect(perHeadText(p, '家', 'zh-CN', labels('zh-CN'))).toBe('每万名会员 12.3家')
    expect(perHeadFormula(p, '家', '人', 'zh-CN', labels('zh-CN'))).toBe('每万名会员 12.3家 = 442家 ÷ 35.9万人 × 1万')
    expect(perHeadText(p, '家', 'en', labels('en'))).toBe('12.3 orgs per 10,000 members')
    expect(perHeadFormula(p, '家', '人', 'en', labels('en'))).toBe(
      '12.3 orgs per 10,000 members = 442 orgs ÷ 359K people × 10,000',
    )
  })

  it('carries the qualifier and never shows more digits than it rounded to', () => {
    const p = valueOf(perHead(founded({ qualifier: 'at_least' }), [members({ value: 350000 })], 'members', '家'))
    expect(perHeadText(p, '家', 'zh-CN', labels('zh-CN'))).toBe('每万名会员 ≥12家')
  })
})

describe('perHeadRanks', () => {
  const row = (district: string, value: number, den: Partial<Metric> = {}) => ({
    district,
    perHead: perHead(founded({ district, value }), [members({ district, ...den })], 'members', '家'),
  })

  it('ranks per-head values when every ranked cell has its denominator', () => {
    const ranks = perHeadRanks([row('xiaoshan', 442), row('fuyang', 642, { value: 718000 }), row('xihu', 442)], [])
    expect(ranks).toEqual(
      new Map([
        ['xiaoshan', 1],
        ['fuyang', 3],
        ['xihu', 1],
      ]),
    )
  })

  it('ranks nothing when one ranked cell lacks its denominator', () => {
    const missing = { district: 'fuyang', perHead: perHead(founded({ district: 'fuyang' }), [], 'members', '家') }
    expect(perHeadRanks([row('xiaoshan', 442), missing], [])).toBeNull()
  })

  it('ranks nothing when the denominators count different things', () => {
    expect(perHeadRanks([row('xiaoshan', 442), row('fuyang', 642, { basis: 'real_name' })], [])).toBeNull()
  })
})

describe('perHeadRow', () => {
  const cell = (district: string, value: number, state = 'comparable') => ({
    district,
    state,
    metric: founded({ district, value }),
  })

  it('ranks comparable cells on per-head values and leaves others unranked with their value', () => {
    const row = perHeadRow(
      [
        cell('xiaoshan', 442),
        cell('fuyang', 642),
        cell('xihu', 100, 'otherBasis'),
        { district: 'qiantang', state: 'none', metric: null },
      ],
      [members(), members({ district: 'fuyang', value: 718000 }), members({ district: 'xihu' })],
      'members',
      '家',
      [],
    )
    expect(row.get('xiaoshan')).toMatchObject({ rank: 1, of: 2, unranked: false })
    expect(row.get('fuyang')).toMatchObject({ rank: 2, of: 2, unranked: false })
    expect(row.get('xihu')).toMatchObject({ rank: null, unranked: false, perHead: { kind: 'value' } })
    expect(row.has('qiantang')).toBe(false)
  })

  it('marks the ranked cells unranked when one lacks its denominator', () => {
    const row = perHeadRow([cell('xiaoshan', 442), cell('fuyang', 642)], [members()], 'members', '家', [])
    expect(row.get('xiaoshan')).toMatchObject({ rank: null, unranked: true, perHead: { kind: 'value' } })
    expect(row.get('fuyang')).toMatchObject({ rank: null, unranked: true, perHead: { kind: 'missing', year: 2024 } })
  })
  it('leaves a row per head does not apply to alone, so its own ranks stand', () => {
    const row = perHeadRow([cell('xiaoshan', 442), cell('fuyang', 642)], [members()], 'members', '%', [])
    expect(row.get('xiaoshan')).toMatchObject({ rank: null, unranked: false, perHead: { kind: 'notApplicable' } })
    expect(row.get('fuyang')).toMatchObject({ rank: null, unranked: false })
  })
})
