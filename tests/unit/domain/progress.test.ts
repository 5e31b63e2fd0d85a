import { describe, expect, it } from 'vitest'
import type { BoundaryChange, Metric } from '../../../src/types/domain'
import {
  changeOnPrevious,
  changeText,
  completion,
  completionFor,
  completionText,
  progressLine,
  targetsByIndicator,
} from '../../../src/domain/progress'
import { makeMetric } from './metric-fixture'
import { progressLabels } from './progress-fixture'

const zh = progressLabels('zh-CN')
const en = progressLabels('en')
const BOUNDARY: BoundaryChange = { district: 'xiaoshan', year: 2021, changeZh: '', changeEn: '', source: '' }
const target = (p: Partial<Metric> = {}): Metric => makeMetric({ status: 'target', value: 500, ...p })

describe('completion', () => {
  it.each<[string, Partial<Metric>, Partial<Metric>, string, string]>([
    ['exact of exact, rounded to a whole percent', { value: 442 }, {}, '完成 88%', '88% achieved'],
    [
      'an at-least figure gives a floor, rounded down',
      { value: 449, qualifier: 'at_least' },
      {},
      '至少完成 89%',
      'at least 89% achieved',
    ],
    [
      'an approximate figure gives an approximate rate',
      { value: 442, qualifier: 'approx' },
      {},
      '约完成 88%',
      'about 88% achieved',
    ],
    [
      'an at-least target makes the rate a ceiling, rounded up',
      { value: 442 },
      { qualifier: 'at_least' },
      '至多完成 89%',
      'at most 89% achieved',
    ],
    ['over the target reads over 100%', { value: 642 }, { value: 600 }, '完成 107%', '107% achieved'],
  ])('%s', (_, a, t, zhText, enText) => {
    const c = completion(makeMetric(a), target(t))
    expect(c.kind).toBe('rate')
    expect(completionText(c, 'zh-CN', zh)).toBe(zhText)
    expect(completionText(c, 'en', en)).toBe(enText)
  })

  it('reads 未报送 when there is no achieved figure, never 0%', () => {
    const c = completion(null, target())
    expect(c.kind).toBe('unreported')
    expect(completionText(c, 'zh-CN', zh)).toBe('未报送')
    expect(progressLine(c, '家', 'zh-CN', zh)).toBe('目标 500家 · 未报送')
  })

  it('treats a figure of another year or district as no achieved figure', () => {
    expect(completion(makeMetric({ period: '2023' }), target()).kind).toBe('unreported')
    expect(completion(makeMetric({ district: 'fuyang' }), target()).kind).toBe('unreported')
  })

  it.each<[string, Partial<Metric>, Partial<Metric>]>([
    ['another basis', { basis: 'enterprise_unions_only' }, {}],
    ['another measure', { measure: 'stock' }, {}],
    ['a nominated figure', { status: 'nominated' }, {}],
  ])('gives no rate across %s', (_, a, t) => {
    const c = completion(makeMetric({ value: 442, ...a }), target(t))
    expect(c.kind).toBe('otherBasis')
    expect(completionText(c, 'zh-CN', zh)).toBe('口径不同，不计算完成率')
  })

  it('gives no rate for a target of zero', () => {
    expect(completion(makeMetric({ value: 3 }), target({ value: 0 })).kind).toBe('noRate')
  })

  it('shows the target with its qualifier and the rate on one line', () => {
    const c = completion(makeMetric({ value: 442 }), target({ qualifier: 'at_least' }))
    expect(progressLine(c, '家', 'zh-CN', zh)).toBe('目标 ≥500家 · 至多完成 89%')
    expect(progressLine(c, '家', 'en', en)).toBe('target ≥500 orgs · at most 89% achieved')
  })
})

describe('completionFor', () => {
  const figures = [
    makeMetric({ value: 442 }),
    makeMetric({ value: 931, basis: 'enterprise_unions_only' }),
    target({ basis: 'enterprise_unions_only', value: 1000 }),
    makeMetric({ district: 'fuyang', value: 642 }),
    target({ district: 'fuyang', value: 700 }),
    target({ district: 'xihu', value: 300 }),
  ]
  it('pairs a target with the achievement that counts the same thing', () => {
    const c = completionFor(figures, 'xiaoshan', { start: 2024, end: 2024 })
    expect(c?.kind).toBe('rate')
    expect(c?.kind === 'rate' ? c.achieved.value : null).toBe(931)
  })
  it('reads unreported for a target with no achievement, and null with no target', () => {
    expect(completionFor(figures, 'xihu', { start: 2024, end: 2024 })?.kind).toBe('unreported')
    expect(completionFor(figures, 'qiantang', { start: 2024, end: 2024 })).toBeNull()
    expect(completionFor(figures, 'fuyang', { start: 2023, end: 2023 })).toBeNull()
  })
  it('names a target whose only achievement counts something else', () => {
    const c = completionFor([makeMetric({ measure: 'stock' }), target()], 'xiaoshan', { start: 2024, end: 2024 })
    expect(c?.kind).toBe('otherBasis')
  })
})

describe('targetsByIndicator', () => {
  it('keeps only targets, grouped by indicator, a later layer winning for the same figure and basis', () => {
    const builtin = { metrics: [makeMetric(), target({ value: 400 }), target({ indicator: 'x', value: 1 })] }
    const imported = { metrics: [target({ value: 500 }), target({ value: 90, basis: 'other' })] }
    const map = targetsByIndicator([builtin, imported])
    expect(map.get('unions_founded')?.map((m) => m.value)).toEqual([500, 90])
    expect(map.get('x')?.map((m) => m.value)).toEqual([1])
    expect(targetsByIndicator([builtin].slice(0, 0)).size).toBe(0)
  })
})

describe('changeOnPrevious', () => {
  const fig = (period: string, value: number, p: Partial<Metric> = {}): Metric =>
    makeMetric({ district: 'fuyang', period, value, ...p })

  it.each<[string, Metric[], Metric, string | null, string | null]>([
    [
      'a rise on the previous year',
      [fig('2023', 553)],
      fig('2024', 642),
      '较 2023 年 +89家（+16.1%）',
      'vs 2023: +89 orgs (+16.1%)',
    ],
    [
      'a fall on the previous year',
      [fig('2023', 200)],
      fig('2024', 150),
      '较 2023 年 -50家（-25%）',
      'vs 2023: -50 orgs (-25%)',
    ],
    ['no change', [fig('2023', 150)], fig('2024', 150), '较 2023 年 0家（0%）', 'vs 2023: 0 orgs (0%)'],
    [
      'the latest earlier year, naming it',
      [fig('2020', 100), fig('2022', 120)],
      fig('2024', 150),
      '较 2022 年 +30家（+25%）',
      'vs 2022: +30 orgs (+25%)',
    ],
    [
      'an at-least figure: the change is a floor',
      [fig('2023', 100)],
      fig('2024', 150, { qualifier: 'at_least' }),
      '较 2023 年至少 +50家（+50%）',
      'vs 2023: at least +50 orgs (+50%)',
    ],
    ['an earlier zero: no percentage', [fig('2023', 0)], fig('2024', 5), '较 2023 年 +5家', 'vs 2023: +5 orgs'],
    ['nothing earlier', [], fig('2024', 150), null, null],
    ['a multi-year total is not a previous year', [fig('2018-2022', 900)], fig('2024', 150), null, null],
  ])('%s', (_, earlier, current, zhText, enText) => {
    const ch = changeOnPrevious([...earlier, current], current)
    expect(changeText(ch, '家', 'zh-CN', zh)).toBe(zhText)
    expect(changeText(ch, '家', 'en', en)).toBe(enText)
  })

  it('speaks in percentage points for a percentage indicator', () => {
    const current = fig('2024', 92.5)
    const ch = changeOnPrevious([fig('2023', 90), current], current)
    expect(changeText(ch, '%', 'zh-CN', zh)).toBe('较 2023 年 +2.5 个百分点')
  })

  it('rounds a floor down so the bound stays true', () => {
    const current = fig('2024', 116.19, { qualifier: 'at_least' })
    const ch = changeOnPrevious([fig('2023', 100), current], current)
    expect(ch.kind === 'change' ? ch.qualifier : null).toBe('at_least')
    expect(changeText(ch, '家', 'zh-CN', zh)).toBe('较 2023 年至少 +16.19家（+16.1%）')
  })

  it('does not compute across a boundary change, and names it', () => {
    const earlier = makeMetric({ period: '2020', value: 174 })
    const current = makeMetric({ period: '2024', value: 442 })
    const ch = changeOnPrevious([earlier, current], current, [BOUNDARY])
    expect(ch.kind).toBe('break')
    expect(changeText(ch, '家', 'zh-CN', zh)).toBe('2021 年区划调整，不与 2020 年比较')
    expect(changeText(ch, '家', 'en', en)).toBe('boundary changed in 2021; not compared with 2020')
  })

  it('does not compute across a basis change, and names it', () => {
    const earlier = fig('2023', 553, { basis: 'enterprise_unions_only' })
    const current = fig('2024', 642)
    const ch = changeOnPrevious([earlier, current], current)
    expect(ch.kind).toBe('basis')
    expect(changeText(ch, '家', 'zh-CN', zh)).toBe('口径调整，不与 2023 年比较')
  })

  it('prefers an older figure on the same basis to a newer one on another', () => {
    const current = fig('2024', 150)
    const ch = changeOnPrevious([fig('2022', 100), fig('2023', 999, { basis: 'x' }), current], current)
    expect(changeText(ch, '家', 'zh-CN', zh)).toBe('较 2022 年 +50家（+50%）')
  })

  it('has no change for a target', () => {
    const t = target({ period: '2024' })
    expect(changeOnPrevious([target({ period: '2023' }), t], t).kind).toBe('none')
  })
})

describe('changeOnPrevious with a rate the report states', () => {
  const current = makeMetric({ district: 'xiaoshan', indicator: 'aid', period: '2024', value: 16846 })
  const derived = makeMetric({ district: 'xiaoshan', indicator: 'aid', period: '2023', value: 9574, method: 'derived' })
  const rate = (p: Partial<Metric> = {}): Metric =>
    makeMetric({ district: 'xiaoshan', indicator: 'aid_growth', period: '2024', value: 75.95, ...p })

  it('prefers the stated rate, in the report’s own digits, to the change computed from a derived figure', () => {
    const ch = changeOnPrevious([derived, current], current, [], [rate()])
    expect(ch).toMatchObject({ kind: 'stated', from: 2023 })
    expect(changeText(ch, '人次', 'zh-CN', progressLabels('zh-CN'))).toBe('较 2023 年 +75.95%（报告所述）')
    expect(changeText(ch, '人次', 'en', progressLabels('en'))).toBe('+75.95% on 2023 (as stated)')
  })

  it('uses a stated rate only for the same district, year and basis', () => {
    for (const other of [rate({ district: 'fuyang' }), rate({ period: '2023' }), rate({ basis: 'x' })])
      expect(changeOnPrevious([derived, current], current, [], [other]).kind).toBe('change')
  })

  it('keeps a stated fall signed', () => {
    const ch = changeOnPrevious([current], current, [], [rate({ value: -3.5 })])
    expect(changeText(ch, '人次', 'zh-CN', progressLabels('zh-CN'))).toBe('较 2023 年 -3.5%（报告所述）')
  })
})
