import { describe, expect, it } from 'vitest'
import { strFromU8, unzipSync } from 'fflate'
import { buildPptx } from '../../../src/export/pptx-deck'
import { buildSlidePlan, type SlideChartInput } from '../../../src/export/slide-plan'

const chart = (over: Partial<SlideChartInput> = {}): SlideChartInput => ({
  key: 'k1',
  title: '新建基层工会 · 2024',
  takeaway: '2024 年富阳新建基层工会 642 家，约为萧山（442 家）的 1.5 倍。',
  badge: '',
  footnote: '数据来源：富阳区总工会 2024 年工作报告',
  sources: ['富阳区总工会 2024 年工作报告'],
  ...over,
})

async function deck(charts: SlideChartInput[]): Promise<Record<string, string>> {
  const plan = buildSlidePlan({
    appName: '杭州区县工会数据看板',
    viewName: '区县 · 西湖区',
    filterLines: ['年份：2024'],
    dateText: '2025年6月1日',
    charts,
    labels: { sourcesHeading: '数据来源', noSources: '无', exportedOn: (d) => `导出日期：${d}` },
  })
  const blob = await buildPptx(plan, new Map(), {
    title: '区县 · 西湖区',
    author: '杭州区县工会数据看板',
    lang: 'zh-CN',
  })
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()))
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]))
}

/** The text of the shape whose placeholder is the slide's title, or null when no shape is a title placeholder. */
function titleText(slideXml: string): string | null {
  for (const sp of slideXml.split('<p:sp>').slice(1)) {
    if (!/<p:ph\s[^>]*type="title"/.test(sp)) continue
    return [...sp.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('')
  }
  return null
}

describe('buildPptx', () => {
  it('puts every slide headline in a real title placeholder', async () => {
    const files = await deck([chart()])
    expect(titleText(files['ppt/slides/slide1.xml'] ?? '')).toBe('区县 · 西湖区')
    expect(titleText(files['ppt/slides/slide2.xml'] ?? '')).toBe(
      '2024 年富阳新建基层工会 642 家，约为萧山（442 家）的 1.5 倍。',
    )
    expect(titleText(files['ppt/slides/slide3.xml'] ?? '')).toBe('数据来源')
    // The layouts define the placeholder the slides fill.
    const layouts = Object.entries(files).filter(([k]) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(k))
    expect(layouts.some(([, xml]) => /<p:ph\s[^>]*type="title"/.test(xml))).toBe(true)
  })

  it('sets the document title and author in docProps', async () => {
    const files = await deck([chart()])
    expect(files['docProps/core.xml']).toContain('<dc:title>区县 · 西湖区</dc:title>')
    expect(files['docProps/core.xml']).toContain('<dc:creator>杭州区县工会数据看板</dc:creator>')
    expect(files['docProps/app.xml']).toContain('<Company>杭州区县工会数据看板</Company>')
  })

  it('does not repeat the title under a headline that is the title (a chart without a takeaway)', async () => {
    const files = await deck([chart({ takeaway: '', title: '西湖区 · 各项工作相对水平' })])
    const slide = files['ppt/slides/slide2.xml'] ?? ''
    expect(titleText(slide)).toBe('西湖区 · 各项工作相对水平')
    expect(slide.split('西湖区 · 各项工作相对水平').length - 1).toBe(1)
  })

  it('keeps the chart title as a line of its own under a takeaway headline', async () => {
    const slide = (await deck([chart()]))['ppt/slides/slide2.xml'] ?? ''
    expect(slide).toContain('<a:t>新建基层工会 · 2024</a:t>')
  })
})
