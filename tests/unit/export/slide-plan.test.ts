import { describe, expect, it } from 'vitest'
import {
  SLIDE,
  buildSlidePlan,
  closingSources,
  describeFilters,
  slideImageBox,
  slideImageSize,
  type SlideChartInput,
  type SlidePlanInput,
} from '../../../src/export/slide-plan'

const chart = (over: Partial<SlideChartInput>): SlideChartInput => ({
  key: 'k',
  title: '新建基层工会 · 2024',
  takeaway: '萧山新建基层工会最多，442 家',
  badge: '',
  footnote: '来源：萧山区报告',
  sources: ['萧山区报告'],
  ...over,
})

const INPUT: SlidePlanInput = {
  appName: '工会数据看板',
  viewName: '总览',
  filterLines: ['年份：2024', '区县：萧山区、富阳区'],
  dateText: '2025年6月1日',
  charts: [
    chart({ key: 'a' }),
    chart({
      key: 'b',
      title: '帮扶金额 · 2024',
      takeaway: '',
      badge: '各区数据年份不同',
      sources: ['富阳区报告', '萧山区报告'],
    }),
    chart({ key: 'c', title: '共有指标相对水平', takeaway: '', footnote: '按最高值归一', sources: [] }),
  ],
  labels: { sourcesHeading: '数据来源', noSources: '（无）', exportedOn: (d) => `导出日期：${d}` },
}

describe('buildSlidePlan', () => {
  it('opens with a title slide, has one slide per chart and closes with the sources', () => {
    const plan = buildSlidePlan(INPUT)
    expect(plan.map((s) => s.kind)).toEqual(['title', 'chart', 'chart', 'chart', 'sources'])
    expect(plan).toHaveLength(INPUT.charts.length + 2)
  })

  it('puts the view name, the filters in words and the date on the title slide', () => {
    expect(buildSlidePlan(INPUT)[0]).toEqual({
      kind: 'title',
      title: '总览',
      subtitle: '工会数据看板',
      lines: ['年份：2024', '区县：萧山区、富阳区'],
      date: '导出日期：2025年6月1日',
    })
  })

  it('uses the computed takeaway as the headline and keeps title, badge and footnote, in page order', () => {
    const slides = buildSlidePlan(INPUT).filter((s) => s.kind === 'chart')
    expect(slides[0]).toEqual({
      kind: 'chart',
      chartKey: 'a',
      headline: '萧山新建基层工会最多，442 家',
      title: '新建基层工会 · 2024',
      badge: '',
      footnote: '来源：萧山区报告',
    })
    expect(slides.map((s) => s.chartKey)).toEqual(['a', 'b', 'c'])
    expect(slides[1]?.badge).toBe('各区数据年份不同')
  })

  it('falls back to the title when a chart has no takeaway', () => {
    const slides = buildSlidePlan(INPUT).filter((s) => s.kind === 'chart')
    expect(slides[2]?.headline).toBe('共有指标相对水平')
  })
})

describe('closingSources', () => {
  it('lists every source once, and the footnote of a chart without figures', () => {
    expect(closingSources(INPUT)).toEqual(['萧山区报告', '富阳区报告', '按最高值归一'])
  })

  it('says so when nothing names a source', () => {
    expect(closingSources({ ...INPUT, charts: [chart({ sources: [], footnote: ' ' })] })).toEqual(['（无）'])
  })
})

describe('describeFilters', () => {
  it('states year and districts, then any extra filter', () => {
    expect(
      describeFilters(
        { yearText: '2024', districtNames: ['萧山区', '富阳区'], extra: ['含多年累计数据', ''] },
        { year: (y) => `年份：${y}`, districts: (l) => `区县：${l}`, separator: '、' },
      ),
    ).toEqual(['年份：2024', '区县：萧山区、富阳区', '含多年累计数据'])
  })
})

describe('slide geometry', () => {
  it('fits the image box inside a 16:9 slide between the title and the footnote', () => {
    const box = slideImageBox()
    expect(SLIDE.width / SLIDE.height).toBeCloseTo(16 / 9, 2)
    expect(box.x + box.w).toBeLessThanOrEqual(SLIDE.width)
    expect(box.y).toBeGreaterThanOrEqual(SLIDE.title.y + SLIDE.title.h)
    expect(box.y + box.h).toBeLessThanOrEqual(SLIDE.notes.y)
    expect(SLIDE.notes.y + SLIDE.notes.h).toBeLessThanOrEqual(SLIDE.height)
  })

  it('draws slide charts at the box’s aspect ratio', () => {
    const { width, height } = slideImageSize()
    const box = slideImageBox()
    expect(width / height).toBeCloseTo(box.w / box.h, 2)
  })
})
