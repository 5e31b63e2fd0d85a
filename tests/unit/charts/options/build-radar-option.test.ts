import { describe, expect, it } from 'vitest'
import { buildRadarOption, type RadarInput } from '../../../../src/charts/options/build-radar-option'
import { normaliseProfile } from '../../../../src/domain/rank'
import { makeMetric } from '../../domain/metric-fixture'
import { DISTRICTS, XSS } from './figure-labels'
import { collect, componentOf, dataOf, item, seriesOf, strings, tooltipFormatter } from './option-helpers'

const METRICS = [
  makeMetric({ district: 'xiaoshan', indicator: 'a', value: 100 }),
  makeMetric({ district: 'xiaoshan', indicator: 'b', value: 50 }),
  makeMetric({ district: 'xiaoshan', indicator: 'c', value: 30 }),
  makeMetric({ district: 'fuyang', indicator: 'a', value: 200 }),
  makeMetric({ district: 'fuyang', indicator: 'b', value: 25 }),
  makeMetric({ district: 'fuyang', indicator: 'c', value: 60, qualifier: 'at_least' }),
  makeMetric({ district: 'xihu', indicator: 'a', value: 150 }),
]
const PROFILE = normaliseProfile(METRICS, ['xiaoshan', 'xihu', 'fuyang'], ['a', 'b', 'c'], 2024)
const RADAR_DISTRICTS = DISTRICTS.filter((d) => d.id !== 'qiantang')

function build(
  overrides: Partial<RadarInput> = {},
  settings: Partial<RadarInput['settings']> = {},
): ReturnType<typeof buildRadarOption> {
  return buildRadarOption({
    districts: RADAR_DISTRICTS,
    profile: PROFILE,
    indicatorNames: { a: '新建基层工会', b: '职工培训', c: '帮扶金额' },
    labels: {
      note: '各指标以有该数据的最高区为 100%',
      noData: '无数据',
      notDrawn: (d, list) => `${d}缺少${list.join('、')}数据，未绘出`,
    },
    settings: { accessible: false, fontScale: 1, ...settings },
    locale: 'zh-CN',
    units: { a: '家', b: '人次', c: '元' },
    ...overrides,
  })
}

describe('buildRadarOption', () => {
  it('uses one 0..1 axis per indicator', () => {
    const radar = componentOf(build().option, 'radar')
    expect(radar['indicator']).toEqual([
      { name: '新建基层工会', min: 0, max: 1 },
      { name: '职工培训', min: 0, max: 1 },
      { name: '帮扶金额', min: 0, max: 1 },
    ])
  })

  it('draws complete districts with their normalised values', () => {
    const data = dataOf(seriesOf(build().option)[0]).map(item)
    expect(data.map((d) => [d['districtId'], d['value']])).toEqual([
      ['xiaoshan', [0.5, 1, 0.5]],
      ['fuyang', [1, 0.5, 1]],
    ])
    expect(data[0]?.['metricKeys']).toEqual([
      'xiaoshan|a|2024|builtin',
      'xiaoshan|b|2024|builtin',
      'xiaoshan|c|2024|builtin',
    ])
  })

  it('leaves off a district with a missing value instead of drawing it as 0, and says so', () => {
    const result = build()
    expect(result.notDrawn).toEqual([{ district: 'xihu', missing: ['b', 'c'] }])
    const values = dataOf(seriesOf(result.option)[0]).flatMap((d) => item(d)['value'] as unknown[])
    expect(values.every((v) => typeof v === 'number' && Number.isFinite(v))).toBe(true)
    expect(componentOf(result.option, 'title')['subtext']).toBe(
      '各指标以有该数据的最高区为 100%\n西湖缺少职工培训、帮扶金额数据，未绘出',
    )
    expect(componentOf(result.option, 'legend')['data']).toEqual(['萧山', '富阳'])
  })

  it('shows "no data" when no district can be drawn', () => {
    const profile = normaliseProfile([], ['xiaoshan'], ['a'], 2024)
    const result = build({ profile, districts: RADAR_DISTRICTS.slice(0, 1) })
    expect(dataOf(seriesOf(result.option)[0])).toEqual([])
    expect(componentOf(result.option, 'graphic')).toMatchObject({ ignore: false, style: { text: '无数据' } })
    expect(result.notDrawn).toEqual([{ district: 'xiaoshan', missing: ['a'] }])
  })

  it('shows each share with the actual figure in the tooltip', () => {
    const html = tooltipFormatter(build().option)({ componentType: 'series', dataIndex: 1, name: '富阳' })
    expect(html).toContain('富阳')
    expect(html).toContain('新建基层工会: 100%（200家, 2024）')
    expect(html).toContain('帮扶金额: 100%（≥60元, 2024）')
    expect(html).toContain('各指标以有该数据的最高区为 100%')
  })

  it('escapes names in the tooltip', () => {
    const result = build({
      indicatorNames: { a: XSS, b: XSS, c: XSS },
      districts: RADAR_DISTRICTS.map((d) => ({ ...d, name: XSS })),
    })
    const html = tooltipFormatter(result.option)({ dataIndex: 0 })
    expect(html).toContain('&lt;img')
    expect(html).not.toContain('<img')
  })

  it('strengthens the highlighted district and dims the others', () => {
    const data = dataOf(seriesOf(build({}, { highlight: 'fuyang' }).option)[0]).map(item)
    expect(item(data[1]?.['lineStyle'])['opacity']).toBe(1)
    expect(item(data[0]?.['lineStyle'])['opacity']).toBeLessThan(1)
  })

  it('varies symbol and dash per district in accessible mode', () => {
    const data = dataOf(seriesOf(build({}, { accessible: true }).option)[0]).map(item)
    expect(new Set(data.map((d) => `${String(d['symbol'])}/${String(item(d['lineStyle'])['type'])}`)).size).toBe(
      data.length,
    )
  })

  it('scales every font size by fontScale', () => {
    const normal = collect(build().option, 'fontSize') as number[]
    const big = collect(build({}, { fontScale: 1.6 }).option, 'fontSize') as number[]
    big.forEach((size, i) => expect(size).toBe(Math.round((normal[i] ?? 0) * 1.6)))
  })

  it('enables aria and describes the drawn and the left-off districts', () => {
    const option = build().option
    expect(componentOf(option, 'aria')['enabled']).toBe(true)
    expect(strings(componentOf(option, 'aria')).join()).toContain('西湖缺少职工培训、帮扶金额数据，未绘出')
  })
})
