import {
  REMARK_CSV_COLUMNS,
  REMARK_CSV_REQUIRED,
  remarkCsvRow,
  remarkFromRecord,
  type Remark,
  type RemarkIssue,
  type RemarkRowDefaults,
} from '../domain/remarks'
import type { ValidationIssue } from '../types/validation'
import { serializeCsv } from './export-csv'
import { decodeCsvBytes, parseCsvText } from './parse-csv'
import { unneutralise } from './validators/common'

/** A remarks file read: every remark when the whole file is sound, else none and every problem found. */
export type RemarksCsvResult =
  | { ok: true; remarks: Remark[] }
  | {
      ok: false
      /** Problems of the remarks themselves. */
      issues: RemarkIssue[]
      /** Problems of the file as CSV (encoding, quotes, field counts), worded by the import messages. */
      csvIssues: ValidationIssue[]
    }

/** Remarks as CSV for Excel: UTF-8 with BOM, CRLF, formula-like cells neutralised (the import reverses it). */
export function serializeRemarksCsv(remarks: readonly Remark[]): string {
  return serializeCsv(REMARK_CSV_COLUMNS, remarks.map(remarkCsvRow))
}

/** Reads a remarks file's bytes: UTF-8 (with or without BOM) or GBK/GB18030 as Excel on Chinese Windows saves it. */
export function parseRemarksCsvBytes(bytes: Uint8Array, defaults: RemarkRowDefaults): RemarksCsvResult {
  const decoded = decodeCsvBytes(bytes)
  if (!decoded.ok) return { ok: false, issues: [], csvIssues: [decoded.issue] }
  return parseRemarksCsvText(decoded.text, defaults)
}

/** Reads remarks CSV text; one bad row rejects the whole file, so a half-read file never changes what is kept. */
export function parseRemarksCsvText(text: string, defaults: RemarkRowDefaults): RemarksCsvResult {
  const parsed = parseCsvText(text)
  const missing = REMARK_CSV_REQUIRED.filter((c) => !parsed.header.includes(c))
  const issues: RemarkIssue[] = []
  if (parsed.header.length && missing.length)
    issues.push({
      code: 'columns-missing',
      line: parsed.headerLine,
      column: missing.join(', '),
      params: { missing: missing.join(', '), expected: REMARK_CSV_COLUMNS.join(',') },
    })
  if (parsed.issues.some((i) => i.severity === 'error') || issues.length)
    return { ok: false, issues, csvIssues: parsed.issues.filter((i) => i.severity === 'error') }

  const remarks: Remark[] = []
  const seen = new Map<string, number>()
  for (const record of parsed.records) {
    const fields: Record<string, string> = {}
    for (const [k, v] of Object.entries(record.fields)) if (typeof v === 'string') fields[k] = unneutralise(v)
    const row = remarkFromRecord(fields, record.line, defaults)
    if (!row.ok) {
      issues.push(...row.issues)
      continue
    }
    const first = seen.get(row.remark.id)
    if (first !== undefined)
      issues.push({ code: 'id-duplicate', line: record.line, column: 'id', params: { value: row.remark.id, first } })
    else seen.set(row.remark.id, record.line)
    remarks.push(row.remark)
  }
  return issues.length ? { ok: false, issues, csvIssues: [] } : { ok: true, remarks }
}
