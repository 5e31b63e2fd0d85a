import { describe, expect, it } from 'vitest'
import zhCN from '../../../src/locales/zh-CN.json'
import zhExport from '../../../src/locales/zh-CN.export.json'
import en from '../../../src/locales/en.json'
import enExport from '../../../src/locales/en.export.json'
import {
  chartCsvFile,
  districtProfileMetrics,
  exportFileName,
  viewXlsxFile,
  yearSpan,
  viewCsvFile,
  viewName,
  type ExportScreen,
  type ExportableChart,
  type Translate,
} from '../../../src/export/export-jobs'
import { ExportNotice } from '../../../src/export/export-notice'
import { metricKey } from '../../../src/domain/metric'
import type { Filters } from '../../../src/domain/filter-query'
import type { Catalogue, Metric } from '../../../src/types/domain'
import { makeMetric } from '../domain/metric-fixture'
import { makeSource } from '../domain/source-fixture'

/** The app's own wording: a dotted key looked up in the message files, `{name}` filled in. */
function translator(...tables: object[]): Translate {
  return (key, named = {}) => {
    for (const table of tables) {
      const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], table)
      if (typeof found === 'string') return found.replace(/\{(\w+)\}/g, (_, name: string) => String(named[name]))
    }
    throw new Error(`no message ${key}`)
  }
}

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
  ],
  sources: [
    makeSource({
      id: 'xs-2024',
      district: 'xiaoshan',
      titleZh: '萧山报告',
      published: '2025',
      period: '2024',
      file: '',
      note: '',
    }),
  ],
  bases: [],
  boundaries: [],
}
const XS = makeMetric({ district: 'xiaoshan', value: 0.0000001, source: 'xs-2024', quote: '新建工会' })
const FY = makeMetric({ district: 'fuyang', value: 17, source: 'fy-2024' })
const FY21 = makeMetric({ district: 'fuyang', value: 15, period: '2021', start: 2021, end: 2021, source: 'fy-2024' })
const XS20 = makeMetric({
  district: 'xiaoshan',
  value: 120,
  period: '2016-2020',
  start: 2016,
  end: 2020,
  source: 'xs-2024',
})

const FILTERS: Filters = {
  view: 'overview',
  year: 2024,
  districts: ['xiaoshan', 'fuyang'],
  category: 'organising',
  indicator: null,
  district: null,
  cumulative: false,
  lang: 'zh-CN',
  q: '',
}

function screen(
  filters: Partial<Filters> = {},
  locale: 'zh-CN' | 'en' = 'zh-CN',
  metrics: Metric[] = [XS, FY],
): ExportScreen {
  return {
    filters: { ...FILTERS, ...filters },
    catalogue: CATALOGUE,
    metrics,
    locale,
    t: locale === 'en' ? translator(en, enExport) : translator(zhCN, zhExport),
  }
}

function chart(title: string, table: ExportableChart['table']): ExportableChart {
  return { key: title, title, takeaway: '', badge: '', footnote: '', option: {}, table, instance: () => null }
}
/** A comparison chart: every row is a figure. */
const COMPARISON = chart('新建基层工会 · 2024', {
  columns: ['区县', '数值'],
  rows: [
    { cells: ['萧山区', '≈0'], metricKey: metricKey(XS) },
    { cells: ['富阳区', '17'], metricKey: metricKey(FY) },
  ],
})
/** The radar: shares of the best district, not figures, so its rows carry no figure key. */
const RADAR = (title: string, share: string): ExportableChart =>
  chart(title, { columns: ['指标', '占最高值'], rows: [{ cells: ['新建基层工会', share], metricKey: null }] })

/** The file's text, a byte-order mark kept (Blob.text() drops it). */
const text = async (blob: Blob): Promise<string> =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer())

describe('exportFileName', () => {
  it('names a file subject_year_districts in the language on screen', () => {
    expect(exportFileName(screen(), '新建基层工会', 'png')).toBe('新建基层工会_2024_萧山-富阳.png')
    expect(exportFileName(screen({ year: 'latest' }), '新建基层工会', 'csv')).toBe('新建基层工会_最新_萧山-富阳.csv')
    expect(exportFileName(screen({ year: 'latest' }, 'en'), 'New unions', 'csv')).toBe(
      'New unions_latest_Xiaoshan-Fuyang.csv',
    )
  })
})

describe('file names that say what the file holds', () => {
  const TREND = (): ExportableChart => ({
    ...chart('新建基层工会 · 历年趋势', {
      columns: ['区县', '数值'],
      rows: [
        { cells: ['萧山区', '≈0'], metricKey: metricKey(XS) },
        { cells: ['富阳区', '17'], metricKey: metricKey(FY21) },
      ],
    }),
    chartId: 'trend-unions_founded',
  })

  it('names a trend by the years it draws, never 最新', () => {
    const name = chartCsvFile(screen({ year: 'latest' }, 'zh-CN', [XS, FY21]), TREND()).name
    expect(name).toBe('新建基层工会·历年趋势_2021-2024_萧山-富阳.csv')
    expect(name).not.toContain('最新')
  })

  it('says when multi-year totals are in', () => {
    expect(exportFileName(screen({ cumulative: true }), '新建基层工会', 'png')).toBe(
      '新建基层工会_2024_含累计_萧山-富阳.png',
    )
    expect(exportFileName(screen({ cumulative: true }, 'en'), 'New unions', 'png')).toBe(
      'New unions_2024_incl-cumulative_Xiaoshan-Fuyang.png',
    )
  })

  it('names the filters: year and the districts chosen', () => {
    expect(exportFileName(screen({ year: 2023, districts: ['fuyang'] }), '总览', 'zip')).toBe('总览_2023_富阳.zip')
  })

  it('gives the 2× and 3× PNG different names', () => {
    expect(exportFileName(screen(), '新建基层工会', 'png', { scale: 2 })).not.toBe(
      exportFileName(screen(), '新建基层工会', 'png', { scale: 3 }),
    )
  })

  it('spans the years of some figures', () => {
    expect(yearSpan([XS, FY21])).toBe('2021-2024')
    expect(yearSpan([XS])).toBe('2024')
    expect(yearSpan([])).toBeNull()
  })
})

describe('district profile exports', () => {
  it('hold the district’s own figures with their period, qualifier, unit, basis, status and source', async () => {
    const s = screen({ view: 'district', district: 'xiaoshan' }, 'zh-CN', [XS, FY, XS20])
    const file = viewCsvFile(s, [RADAR('萧山区 · 共有指标相对水平', '100%')])
    expect(file.name).toBe('区县画像·萧山区数据_全部年份.csv')
    const lines = (await text(file.blob)).trim().split('\r\n')
    expect(lines[0]).toBe('区县,指标,时期,数值,单位,数值限定,统计方式,统计口径,性质,来源方式,来源,原文,说明')
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      '萧山区,新建基层工会,2024,0.0000001',
      '萧山区,新建基层工会,2016-2020,120',
    ])
    expect(lines[1]).toContain('萧山报告')
  })

  it('name the district in the deck’s and pictures’ names, not the selection it ignores', () => {
    const s = screen({ view: 'district', district: 'fuyang', districts: ['xiaoshan'] })
    expect(exportFileName(s, viewName(s), 'pptx')).toBe('区县画像·富阳区_2024.pptx')
    expect(chartCsvFile(s, RADAR('富阳区 · 共有指标相对水平', '100%')).name).toBe('富阳区·共有指标相对水平_2024.csv')
  })

  it('export the figures even when the profile draws no radar', async () => {
    const s = screen({ view: 'district', district: 'fuyang' })
    const file = await viewXlsxFile(s, [])
    expect(file.name).toBe('区县画像·富阳区数据_全部年份.xlsx')
  })

  it('list a district’s figures by category, latest first', () => {
    expect(districtProfileMetrics([XS20, FY, XS], CATALOGUE, 'xiaoshan')).toEqual([XS, XS20])
  })
})

describe('credits', () => {
  it('credit an imported figure to its import beside the report it names', async () => {
    const imported = { ...XS, dataset: 'import-1' }
    const free = { ...FY, dataset: 'import-1', source: '' }
    const s = {
      ...screen({}, 'zh-CN', [imported, free]),
      imports: [{ id: 'import-1', name: '萧山补充', fileName: '萧山补充.csv' }],
    }
    const table = {
      columns: ['区县', '数值'],
      rows: [imported, free].map((m) => ({ cells: [m.district, String(m.value)], metricKey: metricKey(m) })),
    }
    const body = await text(chartCsvFile(s, chart('新建基层工会 · 2024', table)).blob)
    expect(body).toContain('萧山报告（导入文件：萧山补充.csv）')
    expect(body).toContain('导入文件：萧山补充.csv')
  })
})

describe('viewName', () => {
  it('names the view and what it shows', () => {
    expect(viewName(screen())).toBe('总览')
    expect(viewName(screen({ view: 'category', category: 'organising' }))).toBe('分类 · 组织建设')
    expect(viewName(screen({ view: 'indicator', indicator: 'unions_founded' }))).toBe('指标 · 新建基层工会')
    expect(viewName(screen({ view: 'district', district: 'fuyang' }, 'en'))).toBe('District profile · Fuyang')
  })
})

describe('chartCsvFile', () => {
  it('exports the figures behind a chart, values as plain decimals, named after the chart without its year', async () => {
    const file = chartCsvFile(screen(), COMPARISON)
    expect(file.name).toBe('新建基层工会_2024_萧山-富阳.csv')
    expect(await text(file.blob)).toBe(
      '\uFEFF区县,指标,时期,数值,单位,数值限定,统计方式,统计口径,性质,来源方式,来源,原文,说明\r\n' +
        '萧山区,新建基层工会,2024,0.0000001,家,确数,期内新增,按指标定义统计,实际完成/获评数,报告原文,萧山报告,新建工会,\r\n' +
        '富阳区,新建基层工会,2024,17,家,确数,期内新增,按指标定义统计,实际完成/获评数,报告原文,fy-2024,,\r\n',
    )
  })

  it('falls back to the on-screen table for a chart without figures of its own (the radar)', async () => {
    const file = chartCsvFile(screen({ view: 'district', district: 'fuyang' }), RADAR('富阳区画像 · 2024', '100%'))
    // A profile names its district in the subject, not the selection of districts it ignores.
    expect(file.name).toBe('富阳区画像_2024.csv')
    expect(await text(file.blob)).toBe('\uFEFF指标,占最高值\r\n新建基层工会,100%\r\n')
  })
})

describe('viewCsvFile', () => {
  it('exports each figure of the view once, in page order', async () => {
    const file = viewCsvFile(screen(), [COMPARISON, COMPARISON])
    expect(file.name).toBe('总览数据_2024_萧山-富阳.csv')
    expect((await text(file.blob)).trim().split('\r\n')).toHaveLength(3)
  })

  it('joins the on-screen tables of figure-less charts that share their columns, and leaves out the others', async () => {
    const other = chart('另一张', { columns: ['别的列'], rows: [{ cells: ['x'], metricKey: null }] })
    const file = viewCsvFile(screen(), [RADAR('甲', '100%'), other, RADAR('乙', '50%')])
    expect(await text(file.blob)).toBe('\uFEFF指标,占最高值\r\n新建基层工会,100%\r\n新建基层工会,50%\r\n')
  })

  it('says there is nothing to export rather than writing an empty file', () => {
    expect(() => viewCsvFile(screen(), [])).toThrow(new ExportNotice('当前视图没有可导出的图表'))
    const empty = chart('空', { columns: ['指标'], rows: [] })
    expect(() => viewCsvFile(screen(), [empty])).toThrow(new ExportNotice('没有可导出的数据'))
  })
})
