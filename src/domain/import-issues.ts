import type { ValidationIssue } from '../types/validation'

/** The counts and first issues of one loaded file (the shape of LoadResult). */
export interface IssueReport {
  issues: readonly ValidationIssue[]
  errorCount: number
  warningCount: number
}

/** Issues split for display, with how many of each the file has beyond those listed. */
export interface IssueSummary {
  errors: ValidationIssue[]
  warnings: ValidationIssue[]
  moreErrors: number
  moreWarnings: number
}

/** Splits a file's reported issues into errors and warnings and counts the ones not returned. */
export function summariseIssues(report: IssueReport): IssueSummary {
  const errors = report.issues.filter((i) => i.severity === 'error')
  const warnings = report.issues.filter((i) => i.severity === 'warning')
  return {
    errors,
    warnings,
    moreErrors: Math.max(0, report.errorCount - errors.length),
    moreWarnings: Math.max(0, report.warningCount - warnings.length),
  }
}

/** Progress as a whole percentage 0–100 (0 when the total is unknown). */
export function progressPercent(done: number, total: number): number {
  if (!(total > 0) || !Number.isFinite(done)) return 0
  return Math.min(100, Math.max(0, Math.floor((done / total) * 100)))
}
