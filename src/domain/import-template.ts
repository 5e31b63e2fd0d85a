import { METRIC_CSV_COLUMNS, type Catalogue, type District, type Indicator } from '../types/domain'

/** A table ready to be serialised as CSV. */
export interface CsvTable {
  header: string[]
  rows: string[][]
}

/** Columns of the fill-in template: the metrics CSV contract (the first four are required). */
export const TEMPLATE_COLUMNS = METRIC_CSV_COLUMNS

/** File names of the three downloads. */
export const TEMPLATE_FILES = {
  metrics: 'union-metrics-template.csv',
  indicators: 'union-indicators.csv',
  districts: 'union-districts.csv',
} as const

// The example names an indicator every district understands; any catalogue indicator would do.
const EXAMPLE_INDICATOR = 'unions_founded'

/** The template: header and one example row for `year`, naming the first district and a common indicator. */
export function buildMetricsTemplate(catalogue: Pick<Catalogue, 'districts' | 'indicators'>, year: number): CsvTable {
  const district = catalogue.districts[0]
  const indicator = catalogue.indicators.find((i) => i.id === EXAMPLE_INDICATOR) ?? catalogue.indicators[0] ?? null
  const value = indicator?.unit === '元' ? '978900' : indicator?.unit === '%' ? '12.5' : '123'
  const name = indicator?.nameZh ?? ''
  return {
    header: [...TEMPLATE_COLUMNS],
    rows: [
      [
        district?.id ?? 'xiaoshan',
        indicator?.id ?? EXAMPLE_INDICATOR,
        String(year),
        value,
        'exact',
        '',
        `示例：${year}年${name}${value}${indicator?.unit ?? ''}`,
        '示例行，请改为实际数值或删除 / example row: replace or delete',
        'flow',
        '',
        'achieved',
        'reported',
        'Example row: replace or delete',
        '',
      ],
    ],
  }
}

/** The indicator catalogue beside the template: id, names, unit, category. */
export function buildIndicatorTable(indicators: readonly Indicator[]): CsvTable {
  return {
    header: ['id', 'name_zh', 'name_en', 'unit', 'category'],
    rows: indicators.map((i) => [i.id, i.nameZh, i.nameEn, i.unit, i.category]),
  }
}

/** The district catalogue beside the template: id and names. */
export function buildDistrictTable(districts: readonly District[]): CsvTable {
  return {
    header: ['id', 'name_zh', 'name_en'],
    rows: districts.map((d) => [d.id, d.nameZh, d.nameEn]),
  }
}

/** The year a new file would most likely carry: the one after the latest single year in the data. */
export function nextReportYear(metrics: ReadonlyArray<{ end: number }>, fallback: number): number {
  let latest = Number.NEGATIVE_INFINITY
  for (const m of metrics) if (m.end > latest) latest = m.end
  return Number.isFinite(latest) ? latest + 1 : fallback
}
