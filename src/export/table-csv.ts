import type { TableRow } from '../domain/table-rows'
import { serializeCsv } from '../dataset/export-csv'
import { formatPlainDecimal } from '../dataset/plain-decimal'

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
  ])
  return serializeCsv(TABLE_CSV_COLUMNS, body, { bom: true })
}
