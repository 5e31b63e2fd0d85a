import type { IssueSeverity, ValidationIssue } from '../../types/validation'
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

/** Builds an issue; the one place that fixes the field order. */
export function makeIssue(
  severity: IssueSeverity,
  code: string,
  line: number,
  column: string,
  message: string,
  messageZh: string,
): ValidationIssue {
  return { severity, code, line, column, message, messageZh }
}

/** Error shorthand. */
export function errorIssue(
  code: string,
  line: number,
  column: string,
  message: string,
  messageZh: string,
): ValidationIssue {
  return makeIssue('error', code, line, column, message, messageZh)
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

/** Quotes a value for a message, shortening very long ones. */
export function quoteValue(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 37)}…` : value
  return `"${shown}"`
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
  const known = new Set([...spec.required, ...spec.optional])
  const line = parsed.headerLine
  const all = [...spec.required, ...spec.optional].join(', ')
  const required = spec.required.join(', ')
  const requiredZh = spec.required.join('、')
  let complete = true
  const only = parsed.header.length === 1 ? (parsed.header[0] ?? '') : ''
  const separator = only.includes(';') ? ';' : only.includes('\t') ? 'tab' : null
  const hint = separator
    ? ` The header looks separated by ${separator === ';' ? "';'" : 'tabs'}; save the file with commas.`
    : ''
  const hintZh = separator ? `表头似乎以${separator === ';' ? '分号' : '制表符'}分隔；请保存为逗号分隔的 CSV。` : ''
  for (const column of spec.required) {
    if (present.has(column)) continue
    complete = false
    issues.add(
      errorIssue(
        'column-missing',
        line,
        column,
        `required column "${column}" is missing; the header must contain ${required}.${hint}`,
        `缺少必需列“${column}”；表头必须包含 ${requiredZh}。${hintZh}`,
      ),
    )
  }
  parsed.header.forEach((name, index) => {
    if (known.has(name)) return
    const label = name === '' ? `column ${index + 1} has no name` : `column "${name}" is not a known column`
    const labelZh = name === '' ? `第 ${index + 1} 列没有列名` : `列“${name}”不是已知列`
    issues.add(
      makeIssue(
        'warning',
        'column-unknown',
        line,
        name,
        `${label} and is ignored; known columns are ${all}`,
        `${labelZh}，已忽略；已知列为 ${all}`,
      ),
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
    issues.add(
      errorIssue(
        'id-empty',
        line,
        column,
        `${column} is empty; every row needs an id`,
        `${column} 为空；每行都需要一个 id`,
      ),
    )
    return false
  }
  if (!isValidId(id)) {
    issues.add(
      errorIssue(
        'id-invalid',
        line,
        column,
        `${column} ${quoteValue(id)} may only contain lowercase letters a-z, digits, '_' and '-'`,
        `${column} ${quoteValue(id)} 只能包含小写字母 a-z、数字、“_”和“-”`,
      ),
    )
    return false
  }
  const first = seen.get(id)
  if (first !== undefined) {
    issues.add(
      errorIssue(
        'id-duplicate',
        line,
        column,
        `${column} ${quoteValue(id)} is a duplicate; it already appears on line ${first}`,
        `${column} ${quoteValue(id)} 重复；已出现在第 ${first} 行`,
      ),
    )
    return false
  }
  seen.set(id, line)
  return true
}

/** Reports an empty required text field; returns true when it has text. */
export function checkRequiredText(value: string, line: number, column: string, issues: IssueCollector): boolean {
  if (value !== '') return true
  issues.add(
    errorIssue('field-empty', line, column, `${column} is empty; it is required`, `${column} 为空；该字段必填`),
  )
  return false
}
