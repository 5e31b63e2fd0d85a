import type { Catalogue, Measure, Method, Metric, Qualifier, Status } from '../types/domain'
import type { ChartTable } from '../charts/options/types'
import { unitLabel } from '../domain/format'
import type { Locale } from '../types/locale'
import { metricKey } from '../domain/metric'
import { basisName, sourceLabel } from '../domain/source'
import { formatPlainDecimal } from '../dataset/plain-decimal'
import { serializeCsv } from '../dataset/export-csv'
import { localName, localText } from '../domain/intl'

/** Columns of a figures export, in order. */
export const FIGURE_COLUMNS = [
  'district',
  'indicator',
  'period',
  'value',
  'unit',
  'qualifier',
  'measure',
  'basis',
  'status',
  'method',
  'source',
  'quote',
  'note',
] as const
/** One column of a figures export. */
export type FigureColumn = (typeof FIGURE_COLUMNS)[number]

/** A cell: text, or a number that a spreadsheet should keep as a number. */
export type Cell = string | number

/** A table to write as CSV or Excel. */
export interface ExportTable {
  header: string[]
  rows: Cell[][]
}

/** Translated headings and qualifier names (the builder never translates). */
export interface FigureTableLabels {
  columns: Record<FigureColumn, string>
  qualifierNames: Record<Qualifier, string>
  measureNames: Record<Measure, string>
  statusNames: Record<Status, string>
  methodNames: Record<Method, string>
  /** Name of the empty basis: the indicator as defined. */
  basisDefault: string
}

/** The figure keys behind some charts' tables, in page and row order, each once. */
export function collectMetricKeys(tables: ReadonlyArray<Pick<ChartTable, 'rows'>>): string[] {
  const keys = new Set<string>()
  for (const t of tables) for (const r of t.rows) if (r.metricKey) keys.add(r.metricKey)
  return [...keys]
}

/** Looks figures up by their metric key; keys no longer in force (an import was hidden) are skipped. */
export function resolveMetrics(keys: readonly string[], metrics: readonly Metric[]): Metric[] {
  const wanted = new Set(keys)
  const byKey = new Map<string, Metric>()
  for (const m of metrics) {
    const k = metricKey(m)
    if (wanted.has(k)) byKey.set(k, m)
  }
  return keys.flatMap((k) => byKey.get(k) ?? [])
}

/** Names who a figure is credited to (figureCredit with the imports and wording on screen). */
export type CreditOf = (m: Metric) => string

/** The report's label (district and publisher), or the row's own source text: the credit without imports. */
export function reportCredit(catalogue: Catalogue, locale: Locale): CreditOf {
  const titles = new Map(catalogue.sources.map((s) => [s.id, sourceLabel(s, locale)]))
  return (m) => titles.get(m.source) ?? m.source
}

/** Credits of figures, each once, in order of first use. */
export function sourceTitles(
  metrics: readonly Metric[],
  catalogue: Catalogue,
  locale: Locale = 'zh-CN',
  credit: CreditOf = reportCredit(catalogue, locale),
): string[] {
  return [...new Set(metrics.map(credit).filter((s) => s.trim() !== ''))]
}

/** The figures as a table: names in the current language, values as numbers in their base unit. */
export function buildFigureTable(
  metrics: readonly Metric[],
  catalogue: Catalogue,
  locale: Locale,
  labels: FigureTableLabels,
  credit: CreditOf = reportCredit(catalogue, locale),
): ExportTable {
  const districts = new Map(catalogue.districts.map((d) => [d.id, localName(d, locale)]))
  const indicators = new Map(catalogue.indicators.map((i) => [i.id, i]))
  return {
    header: FIGURE_COLUMNS.map((c) => labels.columns[c]),
    rows: metrics.map((m) => {
      const ind = indicators.get(m.indicator)
      return [
        districts.get(m.district) ?? m.district,
        ind ? localName(ind, locale) : m.indicator,
        m.period,
        m.value,
        ind ? unitLabel(ind.unit, locale) : '',
        labels.qualifierNames[m.qualifier],
        labels.measureNames[m.measure],
        basisName(catalogue.bases, m.basis, locale, labels.basisDefault),
        labels.statusNames[m.status],
        labels.methodNames[m.method],
        credit(m),
        m.quote,
        localText(m.note, m.noteEn, locale),
      ]
    }),
  }
}

/** A chart's on-screen table as an export table (for charts whose cells are not figures, like the radar's shares). */
export function chartTableToExport(table: ChartTable): ExportTable {
  return { header: [...table.columns], rows: table.rows.map((r) => [...r.cells]) }
}

/** Cell text for CSV: numbers as plain decimals, never 1e-7. */
export function cellText(cell: Cell): string {
  return typeof cell === 'number' ? formatPlainDecimal(cell) : cell
}

/** The table as CSV: UTF-8 with BOM (Excel keeps Chinese intact), formula-like cells neutralised. */
export function serializeTableCsv(table: ExportTable): string {
  return serializeCsv(
    table.header,
    table.rows.map((r) => r.map(cellText)),
    { bom: true },
  )
}
