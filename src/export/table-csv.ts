import type { Basis, Category, Measure, Method, Qualifier, Status } from '../types/domain'
import type { TableRow } from '../domain/table-rows'
import { basisName } from '../domain/source'
import type { Locale } from '../types/locale'
import { serializeCsv } from '../dataset/export-csv'
import { formatPlainDecimal } from '../dataset/plain-decimal'
import type { ExportTable } from './figure-table'
import { buildExportFileName } from './file-name'

/** Columns of the data table's CSV download, in order (machine names, so the file imports into other tools). */
export const TABLE_CSV_COLUMNS = [
  'district',
  'district_name',
  'indicator',
  'indicator_name',
  'category',
  'period',
  'value',
  'unit',
  'qualifier',
  'source',
  'source_title',
  'quote',
  'note',
  'dataset',
  'measure',
  'basis',
  'status',
  'method',
] as const

/** The rows the table shows as CSV text: BOM, values as plain decimals (never 1e-7), formula-like cells neutralised. */
export function serializeTableRowsCsv(rows: readonly TableRow[]): string {
  const body = rows.map((r) => [
    r.district,
    r.districtName,
    r.indicator,
    r.indicatorName,
    r.category,
    r.period,
    formatPlainDecimal(r.value),
    r.unit,
    r.qualifier,
    r.source,
    r.sourceTitle,
    r.quote,
    r.note,
    r.dataset,
    r.measure,
    r.basis,
    r.status,
    r.method,
  ])
  return serializeCsv(TABLE_CSV_COLUMNS, body, { bom: true })
}

/** Columns of the data table's Excel download, in order; their headings come translated in TableExportLabels. */
export const TABLE_EXPORT_COLUMNS = [
  'district',
  'indicator',
  'category',
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
/** One column of the Excel download. */
export type TableExportColumn = (typeof TABLE_EXPORT_COLUMNS)[number]

/** Translated headings and code names for the Excel download (the builder never translates). */
export interface TableExportLabels {
  columns: Record<TableExportColumn, string>
  categoryNames: Record<Category, string>
  qualifierNames: Record<Qualifier, string>
  measureNames: Record<Measure, string>
  statusNames: Record<Status, string>
  methodNames: Record<Method, string>
  /** Name of the empty basis: the indicator as defined. */
  basisDefault: string
}

/** The table's rows as a sheet in the reader's language: headings and codes in words, values kept as numbers. */
export function buildTableExport(
  rows: readonly TableRow[],
  labels: TableExportLabels,
  bases: readonly Basis[],
  locale: Locale,
): ExportTable {
  return {
    header: TABLE_EXPORT_COLUMNS.map((c) => labels.columns[c]),
    rows: rows.map((r) => [
      r.districtName,
      r.indicatorName,
      r.category ? labels.categoryNames[r.category] : '',
      r.period,
      r.value,
      r.unit,
      labels.qualifierNames[r.qualifier],
      labels.measureNames[r.measure],
      basisName(bases, r.basis, locale, labels.basisDefault),
      labels.statusNames[r.status],
      labels.methodNames[r.method],
      r.sourceTitle,
      r.quote,
      r.note,
    ]),
  }
}

/** What the table's file names are made of: the subject and every table filter that narrows the rows. */
export interface TableFileName {
  /** '工会数据' / 'Union figures'. */
  subject: string
  /** Names of the table's own filters in force (category or indicator, period, search), in words. */
  filters: readonly string[]
  /** The year, or the words for every year. */
  yearText: string
  /** Names of the selected districts, in order. */
  districts: readonly string[]
  /** What stands for the districts when they are too many to list ('13个区'). */
  districtSummary: string
  extension: 'csv' | 'xlsx'
}

/** `subject·filters_year_districts.ext`, e.g. '工会数据_2024_萧山区-富阳区.xlsx'. */
export function tableFileName(name: TableFileName): string {
  return buildExportFileName({
    subject: [name.subject, ...name.filters.filter((f) => f.trim() !== '')].join('·'),
    yearText: name.yearText,
    districts: name.districts,
    districtSummary: name.districtSummary,
    extension: name.extension,
  })
}
