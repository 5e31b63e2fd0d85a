import { describe, expect, it } from 'vitest'
import type { ChartOption } from '../../../../src/charts/options/types'
import {
  DARK,
  DARK_MIN_CONTRAST,
  contrastRatio,
  parseHex,
  toDarkColour,
  toDarkOption,
  toHsl,
} from '../../../../src/charts/options/dark-option'

const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7']

function hue(hex: string): number {
  const rgb = parseHex(hex)
  if (!rgb) throw new Error(hex)
  return toHsl(rgb).h
}

function sample(): ChartOption {
  const formatter = (v: number): string => String(v)
  return {
    tooltip: { trigger: 'item', textStyle: { fontSize: 22 } },
    legend: { top: 0, textStyle: { fontSize: 26 } },
    xAxis: { type: 'category', data: ['萧山', '西湖'], axisLabel: { fontSize: 26 } },
    yAxis: {
      type: 'value',
      name: '人',
      nameTextStyle: { fontSize: 26 },
      axisLabel: { formatter },
      splitLine: { lineStyle: { type: 'dashed', opacity: 0.6 } },
    },
    title: { text: '', subtext: 'note', subtextStyle: { color: '#8a94a6' } },
    series: [
      {
        type: 'bar',
        data: [
          { value: 1, itemStyle: { color: '#0072B2' } },
          { value: 2, itemStyle: { color: '#E69F00', decal: { color: 'rgba(255, 255, 255, 0.6)' } } },
        ],
        label: { show: true, rich: { value: { fontSize: 29 }, meta: { fontSize: 22, color: '#8a94a6' } } },
        markPoint: { label: { show: true, color: '#8a94a6' }, data: [] },
      },
    ],
  }
}

describe('toDarkColour', () => {
  it('lightens the Okabe-Ito blue until it reaches the big-screen contrast on the dark background, keeping its hue', () => {
    const blue = toDarkColour('#0072B2')
    expect(blue).not.toBe('#0072B2')
    expect(contrastRatio(blue, DARK.background)).toBeGreaterThanOrEqual(DARK_MIN_CONTRAST)
    expect(Math.abs(hue(blue) - hue('#0072B2'))).toBeLessThan(3)
  })

  it('gives every district colour the big-screen contrast on dark and keeps each hue', () => {
    for (const c of OKABE_ITO) {
      const dark = toDarkColour(c)
      expect(contrastRatio(dark, DARK.background), c).toBeGreaterThanOrEqual(DARK_MIN_CONTRAST)
      expect(Math.abs(hue(dark) - hue(c)), c).toBeLessThan(3)
    }
  })

  it('keeps the four district colours apart after lightening', () => {
    const dark = OKABE_ITO.map((c) => toDarkColour(c))
    expect(new Set(dark).size).toBe(4)
    const hues = dark.map(hue).sort((a, b) => a - b)
    for (let i = 1; i < hues.length; i++) expect((hues[i] ?? 0) - (hues[i - 1] ?? 0)).toBeGreaterThan(20)
  })

  it('leaves colours that already contrast, and non-hex colours, unchanged', () => {
    expect(toDarkColour('#E69F00')).toBe('#E69F00')
    expect(toDarkColour('rgba(255, 255, 255, 0.6)')).toBe('rgba(255, 255, 255, 0.6)')
    expect(toDarkColour('transparent')).toBe('transparent')
  })
})

describe('toDarkOption', () => {
  it('sets the dark background and light global text', () => {
    const o = toDarkOption(sample()) as Record<string, unknown>
    expect(o.backgroundColor).toBe(DARK.background)
    expect(o.textStyle).toMatchObject({ color: DARK.text })
  })

  it('recolours axis labels, axis lines, split lines and axis names, keeping the builder settings', () => {
    const o = toDarkOption(sample())
    const x = o.xAxis as Record<string, Record<string, unknown>>
    const y = o.yAxis as Record<string, Record<string, unknown>>
    expect(x.axisLabel).toMatchObject({ color: DARK.text, fontSize: 26 })
    expect(x.axisLine).toMatchObject({ lineStyle: { color: DARK.axisLine } })
    expect(y.splitLine).toMatchObject({ lineStyle: { color: DARK.splitLine, type: 'dashed', opacity: 0.6 } })
    expect(y.nameTextStyle).toMatchObject({ color: DARK.text, fontSize: 26 })
  })

  it('keeps formatter functions by reference', () => {
    const input = sample()
    const fn = (input.yAxis as { axisLabel: { formatter: unknown } }).axisLabel.formatter
    const o = toDarkOption(input)
    expect((o.yAxis as { axisLabel: { formatter: unknown } }).axisLabel.formatter).toBe(fn)
  })

  it('gives value labels light text and keeps chosen label colours', () => {
    const series = (toDarkOption(sample()).series as Array<Record<string, Record<string, unknown>>>)[0]
    const label = series?.label as { color: string; rich: Record<string, { color: string }> }
    expect(label.color).toBe(DARK.text)
    expect(label.rich.value?.color).toBe(DARK.text)
    expect(label.rich.meta?.color).toBe('#8a94a6')
    expect(series?.markPoint).toMatchObject({ label: { color: '#8a94a6' } })
  })

  it('lightens the low-contrast district colour of a bar and leaves the others and decals alone', () => {
    const series = (toDarkOption(sample()).series as Array<{ data: Array<{ itemStyle: Record<string, unknown> }> }>)[0]
    expect(series?.data[0]?.itemStyle.color).toBe(toDarkColour('#0072B2'))
    expect(series?.data[1]?.itemStyle.color).toBe('#E69F00')
    expect(series?.data[1]?.itemStyle.decal).toEqual({ color: 'rgba(255, 255, 255, 0.6)' })
  })

  it('recolours legend, title note and tooltip', () => {
    const o = toDarkOption(sample())
    expect(o.legend).toMatchObject({ textStyle: { color: DARK.text, fontSize: 26 } })
    expect(o.title).toMatchObject({ subtextStyle: { color: DARK.muted } })
    expect(o.tooltip).toMatchObject({ backgroundColor: DARK.tooltipBackground, textStyle: { color: DARK.text } })
  })

  it('recolours the radar axis names and web', () => {
    const o = toDarkOption({ radar: { indicator: [], axisName: { fontSize: 26 } }, series: [] })
    expect(o.radar).toMatchObject({
      axisName: { color: DARK.text, fontSize: 26 },
      splitLine: { lineStyle: { color: DARK.splitLine } },
    })
  })

  it('does not change its input', () => {
    const input = sample()
    const before = JSON.stringify(input)
    toDarkOption(input)
    expect(JSON.stringify(input)).toBe(before)
  })
})
