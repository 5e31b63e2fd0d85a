import { describe, expect, it } from 'vitest'
import { contrastRatio, parseHex, toHsl } from '../../../../src/charts/options/colour'
import {
  DARK_PALETTE,
  LIGHT_PALETTE,
  buildEchartsTheme,
  paletteOf,
  seriesColour,
  textColour,
} from '../../../../src/charts/options/palette'
import { buildComparisonOption } from '../../../../src/charts/options/build-comparison-option'
import { buildTrendOption } from '../../../../src/charts/options/build-trend-option'
import type { ChartSettings } from '../../../../src/charts/options/types'
import { makeMetric } from '../../domain/metric-fixture'
import { DISTRICTS, LABELS } from './figure-labels'
import { componentOf, dataOf, item, seriesOf } from './option-helpers'

const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7']
const hue = (hex: string): number => toHsl(parseHex(hex) ?? { r: 0, g: 0, b: 0 }).h
const DARK_MIN = DARK_PALETTE.seriesMinContrast ?? 0

describe('seriesColour', () => {
  it('draws district colours as given on the light palette', () => {
    for (const c of OKABE_ITO) expect(seriesColour(c, LIGHT_PALETTE)).toBe(c)
  })

  it('lightens the Okabe-Ito blue until it reaches the big-screen contrast on dark, keeping its hue', () => {
    const blue = seriesColour('#0072B2', DARK_PALETTE)
    expect(blue).not.toBe('#0072B2')
    expect(contrastRatio(blue, DARK_PALETTE.background)).toBeGreaterThanOrEqual(DARK_MIN)
    expect(Math.abs(hue(blue) - hue('#0072B2'))).toBeLessThan(3)
  })

  it('gives every district colour the big-screen contrast on dark and keeps them apart', () => {
    const dark = OKABE_ITO.map((c) => seriesColour(c, DARK_PALETTE))
    dark.forEach((d, i) => {
      expect(contrastRatio(d, DARK_PALETTE.background)).toBeGreaterThanOrEqual(DARK_MIN)
      expect(Math.abs(hue(d) - hue(OKABE_ITO[i] ?? ''))).toBeLessThan(3)
    })
    const hues = dark.map(hue).sort((a, b) => a - b)
    for (let i = 1; i < hues.length; i++) expect((hues[i] ?? 0) - (hues[i - 1] ?? 0)).toBeGreaterThan(20)
  })

  it('leaves colours that already contrast, and non-hex colours, unchanged', () => {
    expect(seriesColour('#E69F00', DARK_PALETTE)).toBe('#E69F00')
    expect(seriesColour('rgba(255, 255, 255, 0.6)', DARK_PALETTE)).toBe('rgba(255, 255, 255, 0.6)')
  })
})

describe('textColour', () => {
  it('darkens a district colour for text on light and lightens it on dark, to AA or more', () => {
    for (const c of OKABE_ITO) {
      expect(contrastRatio(textColour(c, LIGHT_PALETTE), LIGHT_PALETTE.background)).toBeGreaterThanOrEqual(4.5)
      expect(contrastRatio(textColour(c, DARK_PALETTE), DARK_PALETTE.background)).toBeGreaterThanOrEqual(4.5)
    }
  })
})

describe('palettes', () => {
  it('keep muted text at 4.5:1 or more on their background (year tags, 无数据 and notes are text)', () => {
    for (const p of [LIGHT_PALETTE, DARK_PALETTE])
      expect(contrastRatio(p.muted, p.background)).toBeGreaterThanOrEqual(4.5)
    expect(contrastRatio(DARK_PALETTE.text ?? '', DARK_PALETTE.background)).toBeGreaterThanOrEqual(7)
  })

  it('default to the light palette', () => {
    expect(paletteOf({})).toBe(LIGHT_PALETTE)
    expect(paletteOf({ palette: DARK_PALETTE })).toBe(DARK_PALETTE)
  })
})

describe('buildEchartsTheme', () => {
  it('gives the light theme only the font and the white background, leaving ECharts’ colours', () => {
    expect(buildEchartsTheme(LIGHT_PALETTE, 'F')).toEqual({
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: 'F' },
    })
  })

  it('gives the dark theme light text on axes, legend, tooltip, title, radar and value labels', () => {
    const t = buildEchartsTheme(DARK_PALETTE, 'F')
    const text = DARK_PALETTE.text
    expect(t).toMatchObject({ backgroundColor: DARK_PALETTE.background, textStyle: { fontFamily: 'F', color: text } })
    expect(t.valueAxis).toMatchObject({
      axisLabel: { color: text },
      splitLine: { lineStyle: { color: DARK_PALETTE.splitLine } },
    })
    expect(t.categoryAxis).toMatchObject({ axisLine: { lineStyle: { color: DARK_PALETTE.axisLine } } })
    expect(t.legend).toMatchObject({ textStyle: { color: text }, inactiveColor: DARK_PALETTE.legendInactive })
    expect(t.tooltip).toMatchObject({ backgroundColor: DARK_PALETTE.tooltipBackground, textStyle: { color: text } })
    expect(t.title).toMatchObject({ subtextStyle: { color: DARK_PALETTE.muted } })
    expect(t.radar).toMatchObject({ axisName: { color: text }, label: { color: text } })
    expect(t.bar).toEqual({ label: { color: text } })
    expect(t.line).toEqual({ label: { color: text } })
  })
})

describe('builders on the dark palette', () => {
  const settings: ChartSettings = { accessible: false, fontScale: 1, palette: DARK_PALETTE }

  it('draw the comparison’s bars in lightened district colours and its muted marks in the palette’s muted text', () => {
    const option = buildComparisonOption({
      districts: DISTRICTS,
      entries: [
        { district: 'xiaoshan', metric: makeMetric({ district: 'xiaoshan', value: 10 }) },
        { district: 'xihu', metric: null },
      ],
      unit: '家',
      locale: 'zh-CN',
      labels: LABELS,
      settings: { ...settings, showPeriodInLabel: true },
    })
    const series = seriesOf(option)[0] ?? {}
    expect(item(dataOf(series)[0])['itemStyle']).toMatchObject({ color: seriesColour('#0072B2', DARK_PALETTE) })
    expect(series['markPoint']).toMatchObject({ label: { color: DARK_PALETTE.muted } })
    expect(series['label']).toMatchObject({ rich: { meta: { color: DARK_PALETTE.muted } } })
  })

  it('draw trend lines, their value labels and the note for the dark background', () => {
    const { option } = buildTrendOption({
      districts: DISTRICTS,
      metrics: [
        makeMetric({ district: 'xiaoshan', period: '2023', value: 5 }),
        makeMetric({ district: 'xiaoshan', period: '2024', value: 6 }),
        makeMetric({ district: 'xihu', period: '2018-2022', value: 60 }),
      ],
      unit: '家',
      locale: 'zh-CN',
      labels: { ...LABELS, notPlotted: '多年累计（未画入折线）：' },
      settings,
    })
    const line = seriesOf(option).find((s) => s['id'] === 'xiaoshan') ?? {}
    expect(line['color']).toBe(seriesColour('#0072B2', DARK_PALETTE))
    const labelColour = (line['label'] as { color: string }).color
    expect(contrastRatio(labelColour, DARK_PALETTE.background)).toBeGreaterThanOrEqual(4.5)
    expect(componentOf(option, 'title')['subtextStyle']).toMatchObject({ color: DARK_PALETTE.muted })
  })
})
