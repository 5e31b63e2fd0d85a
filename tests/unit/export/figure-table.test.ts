import { describe, expect, it } from 'vitest'
import {
  buildFigureTable,
  cellText,
  chartTableToExport,
  collectMetricKeys,
  resolveMetrics,
  serializeTableCsv,
  sourceTitles,
  type FigureTableLabels,
} from '../../../src/export/figure-table'
import { metricKey } from '../../../src/domain/metric'
import type { Catalogue } from '../../../src/types/domain'
import { makeMetric } from '../domain/metric-fixture'
import { makeSource } from '../domain/source-fixture'

const CATALOGUE: Catalogue = {
  districts: [
    { id: 'xiaoshan', nameZh: '萧山区', nameEn: 'Xiaoshan', color: '#0072b2' },
    { id: 'fuyang', nameZh: '富阳区', nameEn: 'Fuyang', color: '#cc79a7' },
  ],
  indicators: [
    {
      id: 'unions_founded',
      category: 'organising',
      nameZh: '新建基层工会',
      nameEn: 'New base-level unions',
      unit: '家',
      description: '',
      descriptionEn: '',
    },
    {
      id: 'aid',
      category: 'welfare',
      nameZh: '帮扶金额',
      nameEn: 'Aid paid',
      unit: '元',
      description: '',
      descriptionEn: '',
    },
  ],
  sources: [
    makeSource({
      id: 'xs-2024',
      district: 'xiaoshan',
      titleZh: '凝聚时代“工力量”',
      published: '2025',
      period: '2024',
      file: 'a.txt',
      note: '',
    }),
  ],
  bases: [],
  boundaries: [],
}

const LABELS: FigureTableLabels = {
  columns: {
    district: '区县',
    indicator: '指标',
    period: '时期',
    value: '数值',
    unit: '单位',
    qualifier: '数值限定',
    source: '来源',
    quote: '原文',
    note: '说明',
    measure: '统计方式',
    basis: '统计口径',
    status: '性质',
    method: '来源方式',
  },
  qualifierNames: { exact: '确数', approx: '约数', at_least: '下限', at_most: '上限' },
  measureNames: { flow: '期内新增', stock: '期末存量' },
  statusNames: { achieved: '完成', nominated: '推荐', target: '目标' },
  methodNames: { reported: '原文', derived: '推算' },
  basisDefault: '按指标定义',
}

const A = makeMetric({ district: 'xiaoshan', value: 442, qualifier: 'at_least', quote: '新建工会 442 家以上' })
const B = makeMetric({ district: 'fuyang', indicator: 'aid', value: 0.0000001, source: '=HYPERLINK("x")', note: '+1' })
const C = makeMetric({ district: 'fuyang', period: '2016-2020', value: 1200, dataset: 'import-1' })

describe('collectMetricKeys / resolveMetrics', () => {
  it('lists each figure once, in page and row order, skipping empty slots', () => {
    const row = (key: string | null): { cells: string[]; metricKey: string | null } => ({ cells: [], metricKey: key })
    const tables = [
      { rows: [row(metricKey(A)), row(null), row(metricKey(C))] },
      { rows: [row(metricKey(C)), row(metricKey(B))] },
    ]
    expect(collectMetricKeys(tables)).toEqual([metricKey(A), metricKey(C), metricKey(B)])
  })

  it('finds the figures in force, including imported ones, and drops keys no longer there', () => {
    const keys = [metricKey(C), 'gone|x|2024|builtin', metricKey(A)]
    expect(resolveMetrics(keys, [A, B, C])).toEqual([C, A])
  })
})

describe('buildFigureTable', () => {
  it('has the district, indicator, period, value, unit, qualifier, what it counts, source, quote and note columns', () => {
    const table = buildFigureTable([A], CATALOGUE, 'zh-CN', LABELS)
    expect(table.header).toEqual([
      '区县',
      '指标',
      '时期',
      '数值',
      '单位',
      '数值限定',
      '统计方式',
      '统计口径',
      '性质',
      '来源方式',
      '来源',
      '原文',
      '说明',
    ])
    expect(table.rows[0]).toEqual([
      '萧山区',
      '新建基层工会',
      '2024',
      442,
      '家',
      '下限',
      '期内新增',
      '按指标定义',
      '完成',
      '原文',
      '凝聚时代“工力量”',
      '新建工会 442 家以上',
      '',
    ])
  })

  it('names districts and indicators in English and keeps a period range as written', () => {
    const row = buildFigureTable([C], CATALOGUE, 'en', LABELS).rows[0]
    expect(row?.slice(0, 5)).toEqual(['Fuyang', 'New base-level unions', '2016-2020', 1200, 'orgs'])
  })

  it('keeps an unknown source as its free text', () => {
    expect(buildFigureTable([B], CATALOGUE, 'zh-CN', LABELS).rows[0]?.[10]).toBe('=HYPERLINK("x")')
  })

  it('names a basis from bases.csv, says nominated and derived, and gives the English note in English', () => {
    const catalogue = {
      ...CATALOGUE,
      bases: [
        {
          id: 'industry_wide',
          nameZh: '行业性工会',
          nameEn: 'industry-wide unions',
          descriptionZh: '',
          descriptionEn: '',
        },
      ],
    }
    const m = makeMetric({
      basis: 'industry_wide',
      status: 'nominated',
      method: 'derived',
      measure: 'stock',
      note: '中文说明',
      noteEn: 'English note',
    })
    expect(buildFigureTable([m], catalogue, 'zh-CN', LABELS).rows[0]?.slice(6, 10)).toEqual([
      '期末存量',
      '行业性工会',
      '推荐',
      '推算',
    ])
    const en = buildFigureTable([m], catalogue, 'en', LABELS).rows[0]
    expect(en?.[7]).toBe('industry-wide unions')
    expect(en?.at(-1)).toBe('English note')
  })
})

describe('serializeTableCsv', () => {
  it('starts with a BOM, writes the header and keeps Chinese intact', () => {
    const csv = serializeTableCsv(buildFigureTable([A], CATALOGUE, 'zh-CN', LABELS))
    expect(
      csv.startsWith('\uFEFF区县,指标,时期,数值,单位,数值限定,统计方式,统计口径,性质,来源方式,来源,原文,说明\r\n'),
    ).toBe(true)
    expect(csv).toContain(
      '萧山区,新建基层工会,2024,442,家,下限,期内新增,按指标定义,完成,原文,凝聚时代“工力量”,新建工会 442 家以上,',
    )
  })

  it('neutralises formula cells and writes tiny values as plain decimals', () => {
    const csv = serializeTableCsv(buildFigureTable([B], CATALOGUE, 'zh-CN', LABELS))
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`)
    expect(csv).toContain(",'+1\r\n")
    expect(csv).toContain(',0.0000001,')
    expect(cellText(-3)).toBe('-3')
  })
})

describe('sourceTitles / chartTableToExport', () => {
  it('lists each source title once, in order of first use', () => {
    expect(sourceTitles([A, B, A], CATALOGUE)).toEqual(['凝聚时代“工力量”', '=HYPERLINK("x")'])
  })

  it('copies a chart table whose cells are not figures', () => {
    const table = { columns: ['区县', '指标', '相对水平'], rows: [{ cells: ['萧山区', 'A', '100%'], metricKey: null }] }
    expect(chartTableToExport(table)).toEqual({ header: ['区县', '指标', '相对水平'], rows: [['萧山区', 'A', '100%']] })
  })
})
