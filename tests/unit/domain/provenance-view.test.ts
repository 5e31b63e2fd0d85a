import { describe, expect, it } from 'vitest'
import type { District, Indicator } from '../../../src/types/domain'
import {
  buildProvenanceView,
  countsText,
  quoteParts,
  reportExcerpt,
  type ProvenanceInput,
  type ProvenanceLabels,
} from '../../../src/domain/provenance-view'
import { makeMetric } from './metric-fixture'
import { makeSource } from './source-fixture'

const LABELS: ProvenanceLabels = {
  qualifierNames: { exact: '确数', approx: '约数', at_least: '下限', at_most: '上限' },
  measureNames: { flow: '期内新增', stock: '期末存量' },
  statusNames: { achieved: '实际完成', nominated: '推荐', target: '目标' },
  methodNames: { reported: '报告原文', derived: '推算' },
  basisDefault: '按指标定义统计',
  builtin: '内置数据',
}
const DISTRICT: District = { id: 'qiantang', nameZh: '钱塘区', nameEn: 'Qiantang', color: '#000000' }
const INDICATOR: Indicator = {
  id: 'volunteers',
  category: 'outreach',
  nameZh: '职工志愿者',
  nameEn: 'Worker volunteers',
  unit: '人',
  description: '',
  descriptionEn: '',
}
const SOURCE = makeSource({
  id: 'qiantang-2023',
  district: 'qiantang',
  titleZh: '区总工会：劈波斩浪勇向前',
  titleEn: 'Forging ahead',
  published: '2024',
  file: '003_7bd6c89f96c12334.txt',
  publisher: '钱塘区总工会',
  publisherEn: 'Qiantang District Federation of Trade Unions',
  labelZh: '钱塘区总工会 2023 年度工作报告',
  labelEn: 'Qiantang union, 2023 annual report',
})
const METRIC = makeMetric({
  district: 'qiantang',
  indicator: 'volunteers',
  period: '2023',
  value: 12000,
  source: 'qiantang-2023',
  quote: '招募1.2万名职工志愿者',
  note: '招募人数',
  noteEn: 'Recruited',
  place: 12,
  line: 167,
})
const INPUT: ProvenanceInput = {
  metric: METRIC,
  indicator: INDICATOR,
  district: DISTRICT,
  source: SOURCE,
  bases: [],
  importName: undefined,
  overridden: undefined,
}

describe('buildProvenanceView', () => {
  it('names the report by label, title, publisher and date, never by its file or a line of metrics.csv', () => {
    const v = buildProvenanceView(INPUT, LABELS, 'zh-CN')
    expect(v.report).toEqual({
      label: '钱塘区总工会 2023 年度工作报告',
      title: '《区总工会：劈波斩浪勇向前》',
      publisher: '钱塘区总工会',
      district: '钱塘区',
      published: '2024',
      publishedIsYear: true,
    })
    expect(JSON.stringify(v)).not.toContain('003_7bd6c89f96c12334')
    expect(v.importLine).toBeNull()
    expect(v.place).toBe(12)
    expect(v.reportUrl).toBe('reports/qiantang-2023.txt')
    expect(v.value).toBe('12,000人')
    expect(v.counts).toBe('期内新增 · 按指标定义统计 · 实际完成 · 报告原文')
  })

  it('speaks English: label, title, publisher and note in English', () => {
    const v = buildProvenanceView(INPUT, LABELS, 'en')
    expect(v.report.label).toBe('Qiantang union, 2023 annual report')
    expect(v.report.title).toBe('“Forging ahead”')
    expect(v.report.publisher).toBe('Qiantang District Federation of Trade Unions')
    expect(v.note).toBe('Recruited')
    expect(v.district).toBe('Qiantang')
  })

  it('names a report without a label by district and publisher, and an unknown source by its text', () => {
    const bare = buildProvenanceView({ ...INPUT, source: { ...SOURCE, labelZh: '' } }, LABELS, 'zh-CN')
    expect(bare.report.label).toBe('钱塘区 · 钱塘区总工会')
    const unknown = buildProvenanceView({ ...INPUT, source: undefined }, LABELS, 'zh-CN')
    expect(unknown.report).toMatchObject({ label: 'qiantang-2023', title: '', publisher: '' })
    expect(unknown.reportUrl).toBeNull()
  })

  it('gives an imported figure its import and file line, and the value it replaced', () => {
    const imported = { ...METRIC, dataset: 'import-1', line: 5 }
    const v = buildProvenanceView(
      { ...INPUT, metric: imported, importName: '2024.csv', overridden: METRIC },
      LABELS,
      'zh-CN',
    )
    expect(v.dataset).toBe('2024.csv')
    expect(v.importLine).toBe(5)
    expect(v.overridden).toBe('12,000人')
  })
})

describe('quoteParts', () => {
  it('splits the quote around the figure as the report writes it', () => {
    expect(quoteParts('招募1.2万名职工志愿者', 12000)).toEqual({
      parts: [
        { text: '招募', mark: false },
        { text: '1.2万', mark: true },
        { text: '名职工志愿者', mark: false },
      ],
      found: true,
    })
    expect(quoteParts('培训1906场', 1906).parts.filter((p) => p.mark)).toEqual([{ text: '1906', mark: true }])
  })

  it('drops markdown emphasis and says when the figure is not in the quote', () => {
    expect(quoteParts('超**2**万人', 20000).parts.map((p) => p.text)).toEqual(['超', '2万', '人'])
    expect(quoteParts('增长20%', 1234)).toEqual({ parts: [{ text: '增长20%', mark: false }], found: false })
    expect(quoteParts('', 1)).toEqual({ parts: [], found: false })
  })
})

describe('reportExcerpt', () => {
  const TEXT = '标题\n\n开场白。\n\n强化政治引领，招募1.2万名\n职工志愿者，开展服务。\n\n尾声，招募1.2万名职工志愿者'
  it('shows the paragraph the data name, with the quote marked', () => {
    expect(reportExcerpt(TEXT, '招募1.2万名职工志愿者', 3)).toEqual({
      first: 3,
      paragraphs: [
        [
          { text: '强化政治引领，', mark: false },
          { text: '招募1.2万名\n职工志愿者', mark: true },
          { text: '，开展服务。', mark: false },
        ],
      ],
    })
  })

  it('finds the quote elsewhere when the place is unknown or wrong, and gives null when absent', () => {
    expect(reportExcerpt(TEXT, '招募1.2万名职工志愿者', 4)?.first).toBe(4)
    expect(reportExcerpt(TEXT, '招募1.2万名职工志愿者', null)?.first).toBe(3)
    expect(reportExcerpt(TEXT, '开场白', 9)?.first).toBe(2)
    expect(reportExcerpt(TEXT, '不在文中', 3)).toBeNull()
  })

  it('shows both paragraphs of a quote split by a paragraph break', () => {
    const got = reportExcerpt('甲段举办培训\n\n班1906场。', '举办培训班1906场', 1)
    expect(got).toEqual({
      first: 1,
      paragraphs: [
        [
          { text: '甲段', mark: false },
          { text: '举办培训', mark: true },
        ],
        [
          { text: '班1906场', mark: true },
          { text: '。', mark: false },
        ],
      ],
    })
  })
})

describe('countsText', () => {
  it('says all four attributes, or in brief the basis and what differs from the defaults', () => {
    const m = makeMetric({ measure: 'stock', method: 'derived' })
    expect(countsText(m, LABELS, [], 'zh-CN')).toBe('期末存量 · 按指标定义统计 · 实际完成 · 推算')
    expect(countsText(m, LABELS, [], 'zh-CN', true)).toBe('期末存量 · 按指标定义统计 · 推算')
    expect(countsText(makeMetric(), LABELS, [], 'zh-CN', true)).toBe('按指标定义统计')
  })
})
