import { describe, expect, it } from 'vitest'
import { unzipSync } from 'fflate'
import {
  BRIEF_SLIDE,
  briefSlideFonts,
  buildBriefSlide,
  emWidth,
  fitFontSize,
  paragraphsHeight,
} from '../../../src/export/brief-slide'
import type { Brief } from '../../../src/domain/brief'

function brief(districts: number, figures: number): Brief {
  return {
    title: '一页纸汇报 · 2024 年',
    scope: `${districts} 个区`,
    asOf: '数据截至 2024 年 · 数据版本 0123abcd（10 项数字的指纹）',
    headings: { districts: '各区报告的数字', comparisons: '同口径比较', gaps: '缺项', caveats: '注意事项' },
    districts: Array.from({ length: districts }, (_, i) => ({
      district: `d${i}`,
      name: `第${i}区`,
      color: '#123456',
      figures: Array.from({ length: figures }, (_, j) => ({
        indicator: `i${j}`,
        text: `新建基层工会 ${100 + j}家（2024）`,
        key: `d${i}|i${j}|2024|builtin`,
        cumulative: false,
      })),
      more: '另有 3 项',
      empty: '',
    })),
    moreDistricts: '',
    comparisons: [{ indicator: 'i0', among: 2, text: '2024 年第1区新建基层工会 642 家，约为第0区（442 家）的 1.5 倍' }],
    moreComparisons: '',
    gaps: ['第2区无 2024 年数据'],
    moreGaps: '',
    caveats: ['西湖区的 2018–2022 数字为多年累计，不与单年数字比较'],
    moreCaveats: '',
    none: { comparisons: '无', gaps: '无', caveats: '无' },
    targets: null,
  }
}

describe('fitFontSize', () => {
  it.each([
    [1, 16],
    [40, 13],
    [400, 8],
  ])('fits %i paragraphs of 30 CJK characters at %s pt or less', (n, atMost) => {
    const paragraphs = Array.from({ length: n }, () => '字'.repeat(30))
    const pt = fitFontSize(paragraphs, BRIEF_SLIDE.left, 16)
    expect(pt).toBeLessThanOrEqual(atMost)
    if (pt > 8) expect(paragraphsHeight(paragraphs, BRIEF_SLIDE.left.w, pt)).toBeLessThanOrEqual(BRIEF_SLIDE.left.h)
  })

  it('counts Latin characters narrower than CJK ones', () => {
    expect(emWidth('ab')).toBeLessThan(emWidth('字字'))
  })
})

describe('buildBriefSlide', () => {
  it('makes fonts smaller as districts grow', () => {
    expect(briefSlideFonts(brief(13, 2), 'zh-CN').left).toBeLessThan(briefSlideFonts(brief(4, 2), 'zh-CN').left)
  })

  it('writes one slide with a title placeholder and every district', async () => {
    const blob = await buildBriefSlide(brief(13, 2), { author: '工会数据看板', lang: 'zh-CN' })
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()))
    expect(Object.keys(files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toEqual(['ppt/slides/slide1.xml'])
    const xml = new TextDecoder().decode(files['ppt/slides/slide1.xml'])
    expect(xml).toMatch(/<p:ph[^>]*type="title"/)
    for (let i = 0; i < 13; i++) expect(xml).toContain(`第${i}区`)
    expect(xml).toContain('数据截至 2024 年')
  })
})
