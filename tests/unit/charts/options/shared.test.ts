import { describe, expect, it } from 'vitest'
import {
  DISTRICT_DECALS,
  QUOTE_LIMIT,
  cumulativeDecal,
  districtDecal,
  readTooltipTarget,
  richSafe,
  safeColour,
  scaled,
  shortQuote,
  tooltipRow,
} from '../../../../src/charts/options/shared'

describe('scaled', () => {
  it('multiplies and rounds', () => {
    expect(scaled(16, 1)).toBe(16)
    expect(scaled(16, 1.6)).toBe(26)
  })

  it('treats a bad scale as 1 and clamps extremes', () => {
    expect(scaled(16, Number.NaN)).toBe(16)
    expect(scaled(16, 0)).toBe(16)
    expect(scaled(16, 100)).toBe(64)
  })
})

describe('decals', () => {
  it('gives each district a different pattern, none of them the diagonal stripe of totals', () => {
    const keys = DISTRICT_DECALS.map((d) => JSON.stringify(d))
    expect(new Set(keys).size).toBe(DISTRICT_DECALS.length)
    expect(keys).not.toContain(JSON.stringify(cumulativeDecal(0, false)))
    expect(districtDecal(DISTRICT_DECALS.length)).toEqual(districtDecal(0))
  })

  it('angles the total stripes per district only in accessible mode', () => {
    expect(cumulativeDecal(0, false)).toEqual(cumulativeDecal(1, false))
    expect(cumulativeDecal(0, true)).not.toEqual(cumulativeDecal(1, true))
  })
})

describe('richSafe', () => {
  it('replaces the characters ECharts reads as markup', () => {
    expect(richSafe('{a|b}')).toBe('（a/b）')
    expect(richSafe('≥11万')).toBe('≥11万')
  })
})

describe('safeColour', () => {
  it('accepts plain CSS colours and rejects anything else', () => {
    expect(safeColour('#0072B2')).toBe('#0072B2')
    expect(safeColour('rgb(0, 114, 178)')).toBe('rgb(0, 114, 178)')
    expect(safeColour('teal')).toBe('teal')
    expect(safeColour('red;background:url(x)')).toBe('#8a94a6')
  })
})

describe('readTooltipTarget', () => {
  it('reads one item or the first of a list', () => {
    expect(readTooltipTarget({ componentType: 'markPoint', dataIndex: 2, name: 'xihu' })).toEqual({
      componentType: 'markPoint',
      dataIndex: 2,
      name: 'xihu',
    })
    expect(readTooltipTarget([{ dataIndex: 1 }, { dataIndex: 1 }])).toEqual({
      componentType: 'series',
      dataIndex: 1,
      name: '',
    })
  })

  it('returns null for anything else', () => {
    expect(readTooltipTarget(undefined)).toBeNull()
    expect(readTooltipTarget('x')).toBeNull()
    expect(readTooltipTarget([])).toBeNull()
  })
})

describe('tooltip helpers', () => {
  it('escapes both label and value of a row', () => {
    expect(tooltipRow('<b>', '<i>')).toBe('<div>&lt;b&gt;: &lt;i&gt;</div>')
  })

  it('cuts long quotes with an ellipsis', () => {
    expect(shortQuote('短')).toBe('短')
    const long = '字'.repeat(QUOTE_LIMIT + 10)
    expect(shortQuote(long)).toBe(`${'字'.repeat(QUOTE_LIMIT)}…`)
  })
})
