import { describe, expect, it } from 'vitest'
import { buildComparisonOption } from '../../../src/charts/options/build-comparison-option'
import { buildRadarOption } from '../../../src/charts/options/build-radar-option'
import type { ChartOption } from '../../../src/charts/options/types'
import { normaliseProfile } from '../../../src/domain/rank'
import { buildExportOption, estimateTextWidth, shiftEdge } from '../../../src/export/export-option'
import { EXPORT_FONT_FAMILY } from '../../../src/export/export-base'
import { makeMetric } from '../domain/metric-fixture'
import { DISTRICTS, LABELS } from '../charts/options/figure-labels'
import { componentOf, type Json } from '../charts/options/option-helpers'

const comparison = (): ChartOption =>
  buildComparisonOption({
    districts: DISTRICTS,
    entries: [
      { district: 'xiaoshan', metric: makeMetric({ district: 'xiaoshan', value: 442 }) },
      { district: 'xihu', metric: null },
    ],
    unit: '家',
    locale: 'zh-CN',
    labels: LABELS,
    settings: { accessible: false, fontScale: 1, showPeriodInLabel: false },
  })

const METRICS = ['a', 'b', 'c'].flatMap((indicator, i) => [
  makeMetric({ district: 'xiaoshan', indicator, value: 10 + i }),
  makeMetric({ district: 'fuyang', indicator, value: 20 - i }),
])
const radar = (): ChartOption =>
  buildRadarOption({
    districts: DISTRICTS.filter((d) => d.id === 'xiaoshan' || d.id === 'fuyang'),
    profile: normaliseProfile(METRICS, ['xiaoshan', 'fuyang'], ['a', 'b', 'c'], 2024),
    indicatorNames: { a: 'A', b: 'B', c: 'C' },
    labels: { note: '按最高值归一', noData: '无数据', notDrawn: (d) => d },
    settings: { accessible: false, fontScale: 1 },
    locale: 'zh-CN',
    units: { a: '家', b: '人', c: '元' },
  }).option

const TEXTS = {
  title: '新建基层工会 · 2024',
  takeaway: '萧山新建基层工会 442 家，西湖无数据',
  badge: '各区数据年份不同：2024、2023',
  footnote: '来源：萧山区总工会 2024 年工作报告',
}

const list = (value: unknown): Json[] => (Array.isArray(value) ? value : value ? [value] : []) as Json[]

describe('buildExportOption', () => {
  it('adds the title and takeaway as a title component above the chart', () => {
    const { option } = buildExportOption(comparison(), { width: 600, chartHeight: 360, decorate: true, ...TEXTS })
    const heading = list(option.title)[0]
    expect(heading?.['text']).toBe(TEXTS.title)
    expect(heading?.['subtext']).toBe(TEXTS.takeaway)
  })

  it('adds the footnote and the badge as graphic text at the foot', () => {
    const { option } = buildExportOption(comparison(), { width: 600, chartHeight: 360, decorate: true, ...TEXTS })
    const graphics = list(option.graphic)
    const foot = graphics.find((g) => g['id'] === 'export-footnote')
    const badge = graphics.find((g) => g['id'] === 'export-badge')
    expect((foot?.['style'] as Json)['text']).toBe(TEXTS.footnote)
    expect((badge?.['style'] as Json)['text']).toBe(TEXTS.badge)
    expect(foot?.['bottom']).toBeLessThan(Number(badge?.['bottom']))
  })

  it('draws on opaque white, without animation, in fonts Windows and macOS have', () => {
    const { option } = buildExportOption(comparison(), { width: 600, chartHeight: 360, decorate: false })
    expect(option.backgroundColor).toBe('#ffffff')
    expect(option.animation).toBe(false)
    expect((option.textStyle as Json)['fontFamily']).toBe(EXPORT_FONT_FAMILY)
    expect(EXPORT_FONT_FAMILY).toMatch(/Microsoft YaHei.*PingFang SC/)
  })

  it('grows the canvas by the heading and footer and moves the grid inside the chart band', () => {
    const source = comparison()
    const grid = componentOf(source, 'grid')
    const out = buildExportOption(source, { width: 600, chartHeight: 360, decorate: true, ...TEXTS })
    const g = componentOf(out.option, 'grid')
    const top = Number(g['top']) - Number(grid['top'])
    const bottom = Number(g['bottom']) - Number(grid['bottom'])
    expect(top).toBeGreaterThan(24 + 20)
    expect(bottom).toBeGreaterThan(17 * 2)
    expect(out.height).toBe(Math.round(360 + top + bottom))
    expect(out.width).toBe(600)
  })

  it('keeps the size of an undecorated chart (slides) and adds no texts', () => {
    const source = comparison()
    const out = buildExportOption(source, { width: 1184, chartHeight: 442, decorate: false, ...TEXTS })
    expect([out.width, out.height]).toEqual([1184, 442])
    expect(out.option.title).toBe(source.title)
    expect(out.option.grid).toBe(source.grid)
  })

  it('does not change the on-screen option', () => {
    const source = comparison()
    const before = JSON.stringify(source)
    buildExportOption(source, { width: 600, chartHeight: 360, decorate: true, ...TEXTS })
    expect(JSON.stringify(source)).toBe(before)
  })

  it('keeps the legend and the radar clear of the heading, and the radar note above the footnote', () => {
    const source = radar()
    const out = buildExportOption(source, { width: 600, chartHeight: 360, decorate: true, ...TEXTS })
    const heading = list(out.option.title)[0]
    const headHeight = Number(componentOf(out.option, 'legend')['top'])
    expect(headHeight).toBeGreaterThan(Number(heading?.['top']) + 24)
    const center = componentOf(out.option, 'radar')['center'] as [string, number]
    expect(center[1]).toBeCloseTo(headHeight + 0.5 * 360)
    expect(componentOf(out.option, 'radar')['radius']).toBeCloseTo(0.52 * 180)
    const note = list(out.option.title)[1]
    expect(note?.['subtext']).toBe('按最高值归一')
    expect(Number(note?.['bottom'])).toBe(out.height - 360 - headHeight)
  })

  it('wraps long texts to the canvas width and makes room for every line', () => {
    const long = '萧山'.repeat(60)
    const out = buildExportOption(comparison(), { width: 400, chartHeight: 300, decorate: true, takeaway: long })
    const sub = String(list(out.option.title)[0]?.['subtext'])
    const lines = sub.split('\n')
    expect(lines.length).toBeGreaterThan(3)
    for (const line of lines) expect(estimateTextWidth(line, 14, false)).toBeLessThanOrEqual(400 - 32)
    expect(lines.join('')).toBe(long)
  })
})

describe('shiftEdge', () => {
  it('moves numbers, turns percentages into pixels of the band and keeps keywords', () => {
    expect(shiftEdge(10, 50, 200)).toBe(60)
    expect(shiftEdge('25%', 50, 200)).toBe(100)
    expect(shiftEdge('12px', 50, 200)).toBe(62)
    expect(shiftEdge('middle', 50, 200)).toBe('middle')
    expect(shiftEdge(undefined, 50, 200)).toBeUndefined()
    expect(shiftEdge(undefined, 50, 200, 60)).toBe(110)
  })
})
