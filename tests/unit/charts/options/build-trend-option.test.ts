import { describe, expect, it } from 'vitest'
import { buildTrendOption, type TrendInput } from '../../../../src/charts/options/build-trend-option'
import { makeMetric } from '../../domain/metric-fixture'
import { DISTRICTS, LABELS, XSS } from './figure-labels'
import { contrastRatio } from '../../../../src/charts/options/colour'
import { collect, componentOf, dataOf, item, seriesOf, tooltipFormatter } from './option-helpers'

const METRICS = [
  makeMetric({ district: 'xiaoshan', period: '2021', value: 400 }),
  makeMetric({ district: 'xiaoshan', period: '2022', value: 442, qualifier: 'at_least' }),
  makeMetric({ district: 'xiaoshan', period: '2024', value: 500 }),
  makeMetric({ district: 'fuyang', period: '2022', value: 600 }),
  makeMetric({ district: 'fuyang', period: '2023', value: 642, method: 'derived', note: '推算' }),
  makeMetric({ district: 'xihu', period: '2018-2022', value: 12000 }),
]

function build(
  overrides: Partial<TrendInput> = {},
  settings: Partial<TrendInput['settings']> = {},
): ReturnType<typeof buildTrendOption> {
  return buildTrendOption({
    districts: DISTRICTS,
    metrics: METRICS,
    unit: '家',
    locale: 'zh-CN',
    labels: { ...LABELS, notPlotted: '多年累计（未画入折线）：' },
    settings: { accessible: false, fontScale: 1, ...settings },
    ...overrides,
  })
}

const lineOf = (result: ReturnType<typeof build>, id: string) => seriesOf(result.option).find((s) => s['id'] === id)

describe('buildTrendOption', () => {
  it('puts every year from the first to the last single-year figure on the x axis', () => {
    expect(componentOf(build().option, 'xAxis')['data']).toEqual(['2021', '2022', '2023', '2024'])
  })

  it('draws one line per district in its colour, gaps left open', () => {
    const series = seriesOf(build().option)
    expect(series.map((s) => s['id'])).toEqual(['xiaoshan', 'xihu', 'qiantang', 'fuyang'])
    expect(series.map((s) => s['color'])).toEqual(['#0072B2', '#E69F00', '#009E73', '#CC79A7'])
    expect(series.every((s) => s['connectNulls'] === false)).toBe(true)
    expect(dataOf(lineOf(build(), 'xiaoshan')).map((d) => (d === '-' ? '-' : item(d)['value']))).toEqual([
      400,
      442,
      '-',
      500,
    ])
  })

  it('writes value labels in a darkened district colour that reaches 4.5:1 on white', () => {
    for (const s of seriesOf(build().option)) {
      const label = s['label'] as Record<string, unknown>
      expect(typeof label['color']).toBe('string')
      expect(contrastRatio(String(label['color']), '#ffffff')).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('never draws a missing year as 0', () => {
    for (const s of seriesOf(build().option)) {
      for (const d of dataOf(s)) if (d !== '-') expect(item(d)['value']).not.toBe(0)
    }
  })

  it('keeps cumulative figures off the yearly lines and returns them', () => {
    const result = build()
    expect(result.excludedCumulative.map((m) => m.period)).toEqual(['2018-2022'])
    expect(dataOf(lineOf(result, 'xihu')).every((d) => d === '-')).toBe(true)
    expect(componentOf(result.option, 'title')['subtext']).toBe('多年累计（未画入折线）：\n西湖 2018–2022 累计 1.2万家')
  })

  it('hides the note when nothing was excluded', () => {
    const title = componentOf(build({ metrics: METRICS.slice(0, 3) }).option, 'title')
    expect(title).toMatchObject({ show: false, subtext: '' })
  })

  it('labels points with their qualifier and derived marker', () => {
    const labels = dataOf(lineOf(build(), 'xiaoshan'))
      .filter((d) => d !== '-')
      .map((d) => item(item(d)['label'])['formatter'])
    expect(labels).toEqual(['400', '≥442', '500'])
    const fuyang = dataOf(lineOf(build(), 'fuyang'))
      .filter((d) => d !== '-')
      .map((d) => item(item(d)['label'])['formatter'])
    expect(fuyang).toEqual(['600', '642 推算'])
  })

  it('carries the metricKey on every point', () => {
    const point = item(dataOf(lineOf(build(), 'fuyang'))[1])
    expect(point).toMatchObject({ name: '2022', metricKey: 'fuyang|unions_founded|2022|builtin' })
  })

  it('tells in the legend which districts have no yearly figure', () => {
    expect(seriesOf(build().option).map((s) => s['name'])).toEqual(['萧山', '西湖（无数据）', '钱塘（无数据）', '富阳'])
    const en = build({ locale: 'en', labels: { ...LABELS, noData: 'no data', notPlotted: 'Totals:' } })
    expect(seriesOf(en.option).map((s) => s['name'])).toEqual(['萧山', '西湖 (no data)', '钱塘 (no data)', '富阳'])
  })

  it('shows a "no data" message only when there is no year at all', () => {
    const empty = componentOf(build({ metrics: [] }).option, 'graphic')
    expect(empty).toMatchObject({ id: 'no-data', ignore: false, style: { text: '无数据' } })
    expect(componentOf(build().option, 'graphic')['ignore']).toBe(true)
  })

  it('varies symbol and dash per district in accessible mode', () => {
    const series = seriesOf(build({}, { accessible: true }).option)
    const styles = series.map((s) => `${String(s['symbol'])}/${String(item(s['lineStyle'])['type'])}`)
    expect(new Set(styles).size).toBe(series.length)
  })

  it('lists every district for the hovered year in the tooltip, with no data where missing', () => {
    const html = tooltipFormatter(build().option)([{ componentType: 'series', dataIndex: 1, name: '2022' }])
    expect(html).toContain('2022')
    expect(html).toContain('≥442家（至少）')
    expect(html).toContain('600家')
    expect(html).toContain('钱塘: 无数据')
    expect(html).toContain('来源: xs-2024')
  })

  it('escapes data text in the tooltip', () => {
    const hostile = [makeMetric({ period: '2024', value: 1, source: XSS, note: XSS, quote: XSS })]
    const option = build({
      metrics: hostile,
      districts: [{ id: 'xiaoshan', name: XSS, color: `red;background:url(${XSS})` }],
    }).option
    const html = tooltipFormatter(option)([{ dataIndex: 0 }])
    expect(html).toContain('&lt;img')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('url(')
  })

  it('scales every font size by fontScale', () => {
    const normal = collect(build().option, 'fontSize') as number[]
    const big = collect(build({}, { fontScale: 1.6 }).option, 'fontSize') as number[]
    big.forEach((size, i) => expect(size).toBe(Math.round((normal[i] ?? 0) * 1.6)))
    for (const size of normal) expect(size).toBeGreaterThanOrEqual(14)
  })

  it('enables aria with each district’s points', () => {
    const aria = componentOf(build().option, 'aria')
    expect(aria['enabled']).toBe(true)
    expect(String(item(aria['label'])['description'])).toContain('萧山：2021 400家，2022 ≥442家，2024 500家')
  })

  it('ignores figures of districts not asked for', () => {
    const result = build({ districts: DISTRICTS.slice(0, 1) })
    expect(seriesOf(result.option)).toHaveLength(1)
    expect(componentOf(result.option, 'xAxis')['data']).toEqual(['2021', '2022', '2023', '2024'])
    expect(result.excludedCumulative).toEqual([])
  })
})

describe('buildTrendOption across a break', () => {
  it('ends a line where the epoch changes and starts another in the same colour and name, with the reason for screen readers', () => {
    const result = build({
      epoch: (m) => (m.start >= 2022 ? 'after' : 'before'),
      breakNotes: ['区划调整：萧山区 2022 年起范围变化'],
    })
    const xiaoshan = seriesOf(result.option).filter((s) => s['name'] === '萧山')
    expect(xiaoshan.map((s) => s['id'])).toEqual(['xiaoshan', 'xiaoshan~1'])
    expect(dataOf(xiaoshan[0] ?? {}).map((p) => (p === '-' ? '-' : item(p)['value']))).toEqual([400, '-', '-', '-'])
    expect(dataOf(xiaoshan[1] ?? {}).map((p) => (p === '-' ? '-' : item(p)['value']))).toEqual(['-', 442, '-', 500])
    expect(xiaoshan[0]?.['color']).toBe(xiaoshan[1]?.['color'])
    expect(JSON.stringify(componentOf(result.option, 'aria'))).toContain('区划调整：萧山区 2022 年起范围变化')
  })
})
