import type { IssueCode, IssueOf, IssueSeverity, ValidationIssue } from '../../types/validation'
import type { ParsedCsv } from '../parse-csv'

/** Options shared by every validator. */
export interface ValidateOptions {
  /** Keep at most this many issues (the earliest by line); counts still cover all of them. */
  maxIssues?: number
  /** Called every few thousand records with (records done, records total); only validateMetrics reports. */
  onProgress?: (done: number, total: number) => void
}

/** Typed rows plus every issue found; rows is empty when any error was found. */
export interface ValidationResult<T> {
  rows: T[]
  issues: ValidationIssue[]
  errorCount: number
  warningCount: number
}

/** The columns a kind of CSV file must and may have. */
export interface ColumnSpec {
  required: readonly string[]
  optional: readonly string[]
}

/** Records between two progress callbacks. */
export const PROGRESS_EVERY = 8192

const ID_PATTERN = /^[a-z0-9_-]+$/
// Our exporter prefixes one apostrophe to cells that a spreadsheet would run as a formula.
const NEUTRALISED = /^'+[=+\-@\t\r]/

/** What makeIssue takes: severity defaults to error, column to '' (an issue of the whole row or file). */
export type IssueInput<C extends IssueCode> = Omit<IssueOf<C>, 'severity' | 'column'> & {
  severity?: IssueSeverity
  column?: string
}

/** Builds an issue: a code and the parameters its wording needs (src/locales/issue-messages.ts), never a sentence. */
export function makeIssue<C extends IssueCode>(input: IssueInput<C>): IssueOf<C> {
  const { severity = 'error', code, line, column = '', params } = input
  return { severity, code, line, column, params }
}

/** Collects issues, counting all of them but keeping only the `limit` earliest by line. */
export interface IssueCollector {
  add(issue: ValidationIssue): void
  readonly errorCount: number
  readonly warningCount: number
  /** Kept issues sorted by line (ties keep insertion order). */
  list(): ValidationIssue[]
}

/** Creates an IssueCollector; memory stays bounded even when every row of a 1M-row file is wrong. */
export function createIssueCollector(limit = Number.POSITIVE_INFINITY): IssueCollector {
  type Entry = { issue: ValidationIssue; seq: number }
  const kept: Entry[] = []
  let sorted = true
  let seq = 0
  let errorCount = 0
  let warningCount = 0
  const before = (a: Entry, b: Entry): boolean =>
    a.issue.line < b.issue.line || (a.issue.line === b.issue.line && a.seq < b.seq)
  const sortKept = (): void => {
    if (!sorted) kept.sort((a, b) => a.issue.line - b.issue.line || a.seq - b.seq)
    sorted = true
  }
  return {
    add(issue) {
      if (issue.severity === 'error') errorCount++
      else warningCount++
      const entry = { issue, seq: seq++ }
      if (kept.length < limit) {
        const last = kept[kept.length - 1]
        if (last && before(entry, last)) sorted = false
        kept.push(entry)
        return
      }
      if (limit <= 0) return
      sortKept()
      const last = kept[kept.length - 1]
      if (!last || !before(entry, last)) return
      // Issues mostly arrive in line order, so this branch is rare: insert and drop the latest.
      let lo = 0
      let hi = kept.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        const m = kept[mid]
        if (m && before(m, entry)) lo = mid + 1
        else hi = mid
      }
      kept.splice(lo, 0, entry)
      kept.pop()
    },
    get errorCount() {
      return errorCount
    },
    get warningCount() {
      return warningCount
    },
    list() {
      sortKept()
      return kept.map((e) => e.issue)
    },
  }
}

/** Packs collected issues and rows into a ValidationResult (rows dropped on any error). */
export function finishValidation<T>(rows: T[], issues: IssueCollector): ValidationResult<T> {
  return {
    rows: issues.errorCount > 0 ? [] : rows,
    issues: issues.list(),
    errorCount: issues.errorCount,
    warningCount: issues.warningCount,
  }
}

/** Removes the apostrophe our exporter put in front of a formula-like cell. */
export function unneutralise(text: string): string {
  return text.charCodeAt(0) === 0x27 && NEUTRALISED.test(text) ? text.slice(1) : text
}

/** A field as trimmed text, with CSV-injection neutralisation reversed; '' when absent. */
export function readText(fields: Record<string, unknown>, key: string): string {
  const raw = fields[key]
  if (typeof raw !== 'string') return ''
  return unneutralise(raw.trim())
}

/** True for a valid catalogue id (lowercase ASCII letters, digits, '_' and '-'). */
export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id)
}

/**
 * Checks the header against a spec: a missing required column is an error, an unknown one a warning.
 * Returns false when a required column is missing (the rows are then not worth checking).
 */
export function checkColumns(
  parsed: Pick<ParsedCsv, 'header' | 'headerLine'>,
  spec: ColumnSpec,
  issues: IssueCollector,
): boolean {
  if (parsed.header.length === 0) return false
  const present = new Set(parsed.header)
  const line = parsed.headerLine
  const known = [...spec.required, ...spec.optional]
  let complete = true
  const only = parsed.header.length === 1 ? (parsed.header[0] ?? '') : ''
  const separator = only.includes(';') ? ';' : only.includes('\t') ? 'tab' : null
  for (const column of spec.required) {
    if (present.has(column)) continue
    complete = false
    issues.add(makeIssue({ code: 'column-missing', line, column, params: { required: spec.required, separator } }))
  }
  parsed.header.forEach((name, index) => {
    if (known.includes(name)) return
    issues.add(
      makeIssue({
        severity: 'warning',
        code: 'column-unknown',
        line,
        column: name,
        params: { index: index + 1, known },
      }),
    )
  })
  return complete
}

/** Adds the parser's issues to a collector. */
export function addParseIssues(parsed: ParsedCsv, issues: IssueCollector): void {
  for (const issue of parsed.issues) issues.add(issue)
}

/** Reports an invalid or duplicate id; returns true when the id is usable. */
export function checkId(
  id: string,
  line: number,
  column: string,
  seen: Map<string, number>,
  issues: IssueCollector,
): boolean {
  if (id === '') {
    issues.add(makeIssue({ code: 'id-empty', line, column, params: {} }))
    return false
  }
  if (!isValidId(id)) {
    issues.add(makeIssue({ code: 'id-invalid', line, column, params: { value: id } }))
    return false
  }
  const first = seen.get(id)
  if (first !== undefined) {
    issues.add(makeIssue({ code: 'id-duplicate', line, column, params: { value: id, first } }))
    return false
  }
  seen.set(id, line)
  return true
}

/** Reports an empty required text field; returns true when it has text. */
export function checkRequiredText(value: string, line: number, column: string, issues: IssueCollector): boolean {
  if (value !== '') return true
  issues.add(makeIssue({ code: 'field-empty', line, column, params: {} }))
  return false
}
