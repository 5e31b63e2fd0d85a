import { describe, expect, it } from 'vitest'
import { buildComparisonOption, type ComparisonInput } from '../../../../src/charts/options/build-comparison-option'
import type { FigureEntry } from '../../../../src/domain/compare'
import type { Metric } from '../../../../src/types/domain'
import { makeMetric } from '../../domain/metric-fixture'
import { DISTRICTS, LABELS, XSS } from './figure-labels'
import { collect, componentOf, dataOf, item, seriesOf, strings, tooltipFormatter } from './option-helpers'

const e = (district: string, m: Partial<Metric> | null): FigureEntry => ({
  district,
  metric: m ? makeMetric({ district, ...m }) : null,
})

const ENTRIES: FigureEntry[] = [
  e('xiaoshan', { value: 442, qualifier: 'at_least' }),
  e('xihu', null),
  e('qiantang', { value: 1200, period: '2016-2020' }),
  e('fuyang', { value: 642, method: 'derived', note: '按月均值推算' }),
]

function build(
  overrides: Partial<ComparisonInput> = {},
  settings: Partial<ComparisonInput['settings']> = {},
): ReturnType<typeof buildComparisonOption> {
  return buildComparisonOption({
    districts: DISTRICTS,
    entries: ENTRIES,
    unit: '家',
    locale: 'zh-CN',
    labels: LABELS,
    settings: { accessible: false, fontScale: 1, showPeriodInLabel: false, ...settings },
    ...overrides,
  })
}

const bars = (option: ReturnType<typeof build>): unknown[] => dataOf(seriesOf(option)[0])

describe('buildComparisonOption', () => {
  it('draws one category per requested district, in order', () => {
    expect(componentOf(build(), 'xAxis')['data']).toEqual(['萧山', '西湖', '钱塘', '富阳'])
    expect(bars(build())).toHaveLength(4)
  })

  it('gives a missing district no bar: its value is "-" and never 0', () => {
    const slot = item(bars(build())[1])
    expect(slot['value']).toBe('-')
    expect(slot['metricKey']).toBeNull()
    for (const [i, entry] of ENTRIES.entries()) {
      if (!entry.metric) expect(item(bars(build())[i])['value']).not.toBe(0)
    }
  })

  it('puts a visible "no data" mark in the empty slot', () => {
    const markPoint = item(seriesOf(build())[0]?.['markPoint'])
    expect(markPoint['data']).toEqual([{ name: 'xihu', coord: [1, 0] }])
    expect(item(markPoint['label'])).toMatchObject({ show: true, formatter: '无数据' })
    expect(strings(build())).toContain('无数据')
  })

  it('lays bars horizontally for many districts: names on the vertical axis, first on top, labels on one line', () => {
    const option = build({}, { horizontal: true, showPeriodInLabel: true })
    expect(componentOf(option, 'yAxis')).toMatchObject({
      type: 'category',
      inverse: true,
      data: ['萧山', '西湖', '钱塘', '富阳'],
    })
    expect(componentOf(option, 'xAxis')['type']).toBe('value')
    expect(item(seriesOf(option)[0]?.['label'])['position']).toBe('right')
    const label = String(item(item(bars(option)[0])['label'])['formatter'])
    expect(label).not.toContain('\n')
    expect(label).toContain('(2024)')
    expect(item(seriesOf(option)[0]?.['markPoint'])['data']).toEqual([{ name: 'xihu', coord: [0, 1] }])
  })

  it('keeps a genuine zero as a bar', () => {
    const option = build({ entries: [e('xiaoshan', { value: 0 })] })
    expect(item(bars(option)[0])['value']).toBe(0)
    expect(item(seriesOf(option)[0]?.['markPoint'])['data']).toEqual([])
  })

  it('carries the metricKey and district id on every present bar', () => {
    const first = item(bars(build())[0])
    expect(first).toMatchObject({ name: 'xiaoshan', metricKey: 'xiaoshan|unions_founded|2024|builtin', value: 442 })
    expect(item(bars(build())[2])['metricKey']).toBe('qiantang|unions_founded|2016-2020|builtin')
  })

  it('colours each bar with its district colour', () => {
    expect(bars(build()).map((b) => item(item(b)['itemStyle'])['color'])).toEqual([
      '#0072B2',
      '#E69F00',
      '#009E73',
      '#CC79A7',
    ])
  })

  it('labels an at-least figure with ≥ and the compact value', () => {
    expect(item(item(bars(build())[0])['label'])['formatter']).toBe('{value|≥442}')
  })

  it('adds the period to each label in latest mode', () => {
    const label = item(item(bars(build({}, { showPeriodInLabel: true }))[0])['label'])
    expect(label['formatter']).toBe('{value|≥442}\n{meta|(2024)}')
  })

  it('marks a cumulative figure with a decal and the 累计 label, always', () => {
    const bar = item(bars(build())[2])
    expect(item(bar['itemStyle'])['decal']).toBeDefined()
    expect(item(bar['label'])['formatter']).toBe('{value|1200}\n{meta|2016–2020 累计}')
    expect(item(item(bars(build())[0])['itemStyle'])['decal']).toBeUndefined()
  })

  it('marks a derived figure with 推算', () => {
    expect(item(item(bars(build())[3])['label'])['formatter']).toBe('{value|642}\n{meta|推算}')
  })

  it('gives every bar a distinct decal per district in accessible mode', () => {
    const decals = bars(build({}, { accessible: true }))
      .map((b) => item(item(b)['itemStyle'])['decal'])
      .filter((d) => d !== undefined)
      .map((d) => JSON.stringify(d))
    expect(decals).toHaveLength(3)
    expect(new Set(decals).size).toBe(3)
    const all = buildComparisonOption({
      districts: DISTRICTS,
      entries: DISTRICTS.map((d) => e(d.id, { value: 10 })),
      unit: '家',
      locale: 'zh-CN',
      labels: LABELS,
      settings: { accessible: true, fontScale: 1, showPeriodInLabel: false },
    })
    const allDecals = bars(all).map((b) => JSON.stringify(item(item(b)['itemStyle'])['decal']))
    expect(new Set(allDecals).size).toBe(4)
  })

  it('names the value axis and formats its labels compactly in the locale', () => {
    const yAxis = componentOf(build(), 'yAxis')
    expect(yAxis['name']).toBe('新建基层工会（家）')
    const large = [e('xiaoshan', { value: 978900 }), e('xihu', { value: 175000000 })]
    const formatter = item(componentOf(build({ entries: large }), 'yAxis')['axisLabel'])['formatter']
    expect(typeof formatter).toBe('function')
    if (typeof formatter === 'function') {
      expect(formatter(175000000)).toBe('1.75亿')
      expect(formatter(50000000)).toBe('0.5亿')
    }
    const en = item(componentOf(build({ locale: 'en', entries: large }), 'yAxis')['axisLabel'])['formatter']
    if (typeof en === 'function') expect(en(978900)).toBe('0.98M')
  })

  it('writes every tick of the value axis in one format: 0.5万 beside 1万, never 5000 beside 1万', () => {
    const mixed = [e('xiaoshan', { value: 12000 }), e('xihu', { value: 4000 })]
    const formatter = item(componentOf(build({ entries: mixed }), 'yAxis')['axisLabel'])['formatter']
    expect(typeof formatter).toBe('function')
    if (typeof formatter === 'function')
      expect([0, 5000, 10000, 15000].map((v) => formatter(v))).toEqual(['0', '0.5万', '1万', '1.5万'])
    const small = item(componentOf(build(), 'yAxis')['axisLabel'])['formatter']
    if (typeof small === 'function') expect([0, 500, 1500].map((v) => small(v))).toEqual(['0', '500', '1500'])
  })

  it('keeps labels and axis name inside the grid', () => {
    expect(componentOf(build(), 'grid')).toMatchObject({ outerBoundsMode: 'same', outerBoundsContain: 'all' })
  })

  it('uses projector-sized fonts: axis labels and value labels ≥ 14, values bold', () => {
    const option = build()
    expect(item(componentOf(option, 'xAxis')['axisLabel'])['fontSize']).toBeGreaterThanOrEqual(14)
    expect(item(componentOf(option, 'yAxis')['axisLabel'])['fontSize']).toBeGreaterThanOrEqual(14)
    const rich = item(item(seriesOf(option)[0]?.['label'])['rich'])
    expect(item(rich['value'])).toMatchObject({ fontWeight: 'bold' })
    expect(item(rich['value'])['fontSize']).toBeGreaterThanOrEqual(14)
    for (const size of collect(option, 'fontSize')) expect(size).toBeGreaterThanOrEqual(14)
  })

  it('scales every font size by fontScale', () => {
    const normal = collect(build(), 'fontSize') as number[]
    const big = collect(build({}, { fontScale: 1.6 }), 'fontSize') as number[]
    expect(big).toHaveLength(normal.length)
    big.forEach((size, i) => expect(size).toBe(Math.round((normal[i] ?? 0) * 1.6)))
  })

  it('enables aria with a description naming each district', () => {
    const aria = componentOf(build(), 'aria')
    expect(aria['enabled']).toBe(true)
    const description = String(item(aria['label'])['description'])
    expect(description).toContain('萧山 ≥442家（2024）')
    expect(description).toContain('西湖 无数据')
    expect(description).toContain('钱塘 1200家（2016–2020 累计）')
  })

  it('shows value, qualifier, period, source and the derived flag in the tooltip', () => {
    const format = tooltipFormatter(build())
    const first = format({ componentType: 'series', dataIndex: 0, name: 'xiaoshan' })
    expect(first).toContain('≥442家')
    expect(first).toContain('限定: 至少')
    expect(first).toContain('期间: 2024')
    expect(first).toContain('来源: xs-2024')
    const derived = format({ componentType: 'series', dataIndex: 3, name: 'fuyang' })
    expect(derived).toContain('推算')
    expect(format({ componentType: 'series', dataIndex: 2, name: 'qiantang' })).toContain('期间: 2016–2020 累计')
  })

  it('says "no data" in the tooltip of an empty slot', () => {
    const html = tooltipFormatter(build())({ componentType: 'markPoint', dataIndex: 0, name: 'xihu' })
    expect(html).toContain('西湖')
    expect(html).toContain('无数据')
  })

  it('escapes every piece of data text in the tooltip', () => {
    const hostile = makeMetric({ district: 'xiaoshan', value: 5, note: XSS, source: XSS, quote: XSS })
    const option = build({
      entries: [{ district: 'xiaoshan', metric: hostile }, e('xihu', null)],
      districts: [
        { id: 'xiaoshan', name: XSS, color: '#000' },
        { id: 'xihu', name: `西湖${XSS}`, color: '#111' },
      ],
      labels: { ...LABELS, noData: XSS, sourceName: (m) => `${m.source}"'&` },
    })
    const format = tooltipFormatter(option)
    for (const html of [
      format({ componentType: 'series', dataIndex: 0, name: 'xiaoshan' }),
      format({ componentType: 'markPoint', dataIndex: 0, name: 'xihu' }),
    ]) {
      expect(html).toContain('&lt;img')
      expect(html).not.toContain('<img')
    }
    expect(format({ componentType: 'series', dataIndex: 0, name: 'xiaoshan' })).toContain('&quot;&#39;&amp;')
  })

  it('returns an empty tooltip for params it does not understand', () => {
    expect(tooltipFormatter(build())(null)).toBe('')
    expect(tooltipFormatter(build())({ componentType: 'series', dataIndex: 99 })).toBe('')
  })

  it('keeps rich-text markup in data from breaking the label', () => {
    const option = build({ labels: { ...LABELS, derived: '{b}|x' } })
    expect(item(item(bars(option)[3])['label'])['formatter']).toBe('{value|642}\n{meta|（b）/x}')
  })

  it('falls back to the translated name and a neutral colour for a district it was not given', () => {
    const option = build({ districts: [], labels: { ...LABELS, districtName: (id) => `#${id}` } })
    expect(componentOf(option, 'xAxis')['data']).toEqual(['#xiaoshan', '#xihu', '#qiantang', '#fuyang'])
    expect(item(item(bars(option)[0])['itemStyle'])['color']).toBe('#8a94a6')
  })
})
