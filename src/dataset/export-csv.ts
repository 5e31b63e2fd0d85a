import { METRIC_CSV_COLUMNS, type Metric } from '../types/domain'
import { formatPlainDecimal } from './plain-decimal'

/** Options for serializing CSV. */
export interface SerializeCsvOptions {
  /** Start with a UTF-8 byte order mark so Excel opens Chinese text intact (default true). */
  bom?: boolean
}

/** Header of a metrics CSV as the exporter writes it. */
export const METRICS_CSV_HEADER = METRIC_CSV_COLUMNS

// A spreadsheet runs cells starting with these as formulas; leading apostrophes are covered so import
// (which strips exactly one) gives back the original text.
const FORMULA_START = /^'*[=+\-@\t\r]/
const NEGATIVE_NUMBER = /^-\d+(?:\.\d+)?$/
const NEEDS_QUOTES = /[",\r\n]/

/** Prefixes `'` to a cell a spreadsheet would treat as a formula; plain negative numbers are left alone. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) && !NEGATIVE_NUMBER.test(text) ? `'${text}` : text
}

/** Quotes a field per RFC 4180 when it holds a comma, quote or line break. */
export function quoteCsvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Serializes a table as CSV: CRLF line ends, RFC 4180 quoting, CSV-injection-safe cells, BOM by default. */
export function serializeCsv(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  opts: SerializeCsvOptions = {},
): string {
  const lines = new Array<string>(rows.length + 1)
  const line = (cells: readonly string[]): string => cells.map((c) => quoteCsvField(neutraliseCell(c))).join(',')
  lines[0] = line(header)
  for (let i = 0; i < rows.length; i++) lines[i + 1] = line(rows[i] ?? [])
  return `${opts.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`
}

/** Serializes metrics in the import format, values as plain decimals (never 1e-7). */
export function serializeMetricsCsv(rows: readonly Metric[], opts: SerializeCsvOptions = {}): string {
  const table = rows.map((m) => [
    m.district,
    m.indicator,
    m.period,
    formatPlainDecimal(m.value),
    m.qualifier,
    m.source,
    m.quote,
    m.note,
    m.measure,
    m.basis,
    m.status,
    m.method,
    m.noteEn,
    m.place === null ? '' : String(m.place),
  ])
  return serializeCsv(METRICS_CSV_HEADER, table, opts)
}
