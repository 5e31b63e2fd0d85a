import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  axisNumberFormatter,
  compactParts,
  escapeHtml,
  formatCompact,
  formatExact,
  formatMetricValue,
  formatValue,
  qualifierSymbol,
  unitLabel,
} from '../../../src/domain/format'
import { UNITS } from '../../../src/types/domain'

describe('formatCompact', () => {
  it('reads zh numbers in 万 and 亿 with at most two decimals, zeros trimmed', () => {
    expect(formatCompact(978900, 'zh-CN')).toBe('97.89万')
    expect(formatCompact(110000, 'zh-CN')).toBe('11万')
    expect(formatCompact(12345, 'zh-CN')).toBe('1.23万')
    expect(formatCompact(10000, 'zh-CN')).toBe('1万')
    expect(formatCompact(175000000, 'zh-CN')).toBe('1.75亿')
    expect(formatCompact(100000000, 'zh-CN')).toBe('1亿')
  })

  it('leaves zh numbers under 1万 ungrouped', () => {
    expect(formatCompact(1244, 'zh-CN')).toBe('1244')
    expect(formatCompact(642, 'zh-CN')).toBe('642')
    expect(formatCompact(12.5, 'zh-CN')).toBe('12.5')
    expect(formatCompact(0, 'zh-CN')).toBe('0')
  })

  it('moves to the next unit when rounding reaches it', () => {
    expect(formatCompact(9999.999, 'zh-CN')).toBe('1万')
    expect(formatCompact(99999999, 'zh-CN')).toBe('1亿')
  })

  it('keeps the sign of negative values', () => {
    expect(formatCompact(-978900, 'zh-CN')).toBe('-97.89万')
  })

  it('uses Intl compact notation in English', () => {
    expect(formatCompact(978900, 'en')).toBe('978.9K')
    expect(formatCompact(1750000, 'en')).toBe('1.75M')
    expect(formatCompact(175000000, 'en')).toBe('175M')
    expect(formatCompact(642, 'en')).toBe('642')
  })

  it('never drifts by more than 0.5% from the value in zh', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10000, max: 1e12 }), (v) => {
        const { number, suffix } = compactParts(v, 'zh-CN')
        const factor = suffix === '亿' ? 1e8 : suffix === '万' ? 1e4 : 1
        expect(Math.abs(Number(number) * factor - v) / v).toBeLessThan(0.005)
      }),
    )
  })
})

describe('compactParts', () => {
  it('splits digits from the magnitude suffix', () => {
    expect(compactParts(978900, 'zh-CN')).toEqual({ number: '97.89', suffix: '万' })
    expect(compactParts(978900, 'en')).toEqual({ number: '978.9', suffix: 'K' })
    expect(compactParts(642, 'en')).toEqual({ number: '642', suffix: '' })
  })
})

describe('formatExact', () => {
  it('groups digits and keeps decimals as given', () => {
    expect(formatExact(978900, 'zh-CN')).toBe('978,900')
    expect(formatExact(978900, 'en')).toBe('978,900')
    expect(formatExact(12.5, 'en')).toBe('12.5')
    expect(formatExact(1234567.125, 'zh-CN')).toBe('1,234,567.125')
  })

  it('does not print binary noise for short decimals', () => {
    expect(formatExact(0.1, 'en')).toBe('0.1')
  })
})

describe('unitLabel', () => {
  it('returns the unit itself in Chinese', () => {
    for (const u of UNITS) expect(unitLabel(u, 'zh-CN')).toBe(u)
  })

  it('returns English words, singular for exactly one', () => {
    expect(unitLabel('元', 'en')).toBe('yuan')
    expect(unitLabel('人', 'en')).toBe('people')
    expect(unitLabel('人', 'en', 1)).toBe('person')
    expect(unitLabel('人次', 'en')).toBe('person-times')
    expect(unitLabel('家', 'en')).toBe('orgs')
    expect(unitLabel('家', 'en', 1)).toBe('org')
    expect(unitLabel('个', 'en')).toBe('')
    expect(unitLabel('场', 'en')).toBe('events')
    expect(unitLabel('次', 'en')).toBe('times')
    expect(unitLabel('项', 'en')).toBe('items')
    expect(unitLabel('份', 'en')).toBe('copies')
    expect(unitLabel('支', 'en')).toBe('teams')
    expect(unitLabel('户', 'en')).toBe('households')
    expect(unitLabel('%', 'en')).toBe('%')
  })
})

describe('formatValue', () => {
  it('joins value and unit without a space in Chinese', () => {
    expect(formatValue(978900, '元', 'zh-CN')).toBe('97.89万元')
    expect(formatValue(175000000, '元', 'zh-CN')).toBe('1.75亿元')
    expect(formatValue(642, '家', 'zh-CN')).toBe('642家')
    expect(formatValue(85, '%', 'zh-CN')).toBe('85%')
  })

  it('joins with a space in English, except for %', () => {
    expect(formatValue(978900, '元', 'en')).toBe('978.9K yuan')
    expect(formatValue(642, '家', 'en')).toBe('642 orgs')
    expect(formatValue(1, '家', 'en')).toBe('1 org')
    expect(formatValue(85, '%', 'en')).toBe('85%')
    expect(formatValue(12, '个', 'en')).toBe('12')
  })

  it('prints every digit in exact mode', () => {
    expect(formatValue(978900, '元', 'zh-CN', 'exact')).toBe('978,900元')
    expect(formatValue(978900, '元', 'en', 'exact')).toBe('978,900 yuan')
  })
})

describe('qualifierSymbol', () => {
  it('maps each qualifier to its symbol', () => {
    expect(qualifierSymbol('exact')).toBe('')
    expect(qualifierSymbol('approx')).toBe('≈')
    expect(qualifierSymbol('at_least')).toBe('≥')
    expect(qualifierSymbol('at_most')).toBe('≤')
  })
})

describe('formatMetricValue', () => {
  it('puts the qualifier symbol before the value and unit', () => {
    expect(formatMetricValue({ value: 110000, qualifier: 'at_least' }, '人', 'zh-CN')).toBe('≥11万人')
    expect(formatMetricValue({ value: 978900, qualifier: 'approx' }, '元', 'zh-CN')).toBe('≈97.89万元')
    expect(formatMetricValue({ value: 642, qualifier: 'exact' }, '家', 'en', 'exact')).toBe('642 orgs')
  })
})

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
  })

  it('leaves text without markup unchanged', () => {
    expect(escapeHtml('萧山 2024 年 642 家')).toBe('萧山 2024 年 642 家')
  })

  it('never leaves a raw < or > in its output', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(escapeHtml(s)).not.toMatch(/[<>"']/)
      }),
    )
  })
})

describe('English compact numbers', () => {
  it('keep every digit with separators below 100,000 so the figure stays quotable', () => {
    expect(formatCompact(3255, 'en')).toBe('3,255')
    expect(formatCompact(1906, 'en')).toBe('1,906')
    expect(formatCompact(99999, 'en')).toBe('99,999')
    expect(formatCompact(12.5, 'en')).toBe('12.5')
    expect(formatCompact(-3255, 'en')).toBe('-3,255')
    expect(compactParts(40000, 'en')).toEqual({ number: '40,000', suffix: '' })
  })

  it('shorten from 100,000 on', () => {
    expect(formatCompact(120000, 'en')).toBe('120K')
    expect(formatCompact(1200000, 'en')).toBe('1.2M')
  })

  it('leave the Chinese path as it was: 万 and 亿, no grouping below 万', () => {
    expect(formatCompact(3255, 'zh-CN')).toBe('3255')
    expect(formatCompact(12000, 'zh-CN')).toBe('1.2万')
    expect(formatCompact(175000000, 'zh-CN')).toBe('1.75亿')
  })
})

describe('axisNumberFormatter', () => {
  it('gives every tick of a Chinese axis the scale of its largest value', () => {
    const f = axisNumberFormatter(12000, 'zh-CN')
    expect([0, 5000, 10000, 15000].map(f)).toEqual(['0', '0.5万', '1万', '1.5万'])
    const g = axisNumberFormatter(2.5e8, 'zh-CN')
    expect([0, 5e7, 1e8].map(g)).toEqual(['0', '0.5亿', '1亿'])
  })

  it('keeps plain digits when the largest value is below 万 (zh) or 100,000 (en)', () => {
    expect([0, 5000, 10000].map(axisNumberFormatter(9500, 'zh-CN'))).toEqual(['0', '5000', '10000'])
    expect([0, 50000, 100000].map(axisNumberFormatter(95000, 'en'))).toEqual(['0', '50,000', '100,000'])
  })

  it('uses one English suffix on a large axis', () => {
    expect([0, 50000, 100000, 150000].map(axisNumberFormatter(150000, 'en'))).toEqual(['0', '50K', '100K', '150K'])
    expect([0, 500000, 1e6, 1.5e6].map(axisNumberFormatter(1.4e6, 'en'))).toEqual(['0', '0.5M', '1M', '1.5M'])
  })
})
