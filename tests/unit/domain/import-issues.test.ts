import { describe, expect, it } from 'vitest'
import type { ValidationIssue } from '../../../src/types/validation'
import { progressPercent, summariseIssues } from '../../../src/domain/import-issues'

const issue = (severity: ValidationIssue['severity'], line: number): ValidationIssue => ({
  severity,
  code: 'field-empty',
  line,
  column: 'value',
  params: {},
})

describe('summariseIssues', () => {
  it('splits errors from warnings, keeping their order', () => {
    const s = summariseIssues({
      issues: [issue('error', 2), issue('warning', 3), issue('error', 4)],
      errorCount: 2,
      warningCount: 1,
    })
    expect(s.errors.map((i) => i.line)).toEqual([2, 4])
    expect(s.warnings.map((i) => i.line)).toEqual([3])
    expect(s.moreErrors).toBe(0)
    expect(s.moreWarnings).toBe(0)
  })

  it('counts errors and warnings beyond the ones returned', () => {
    const issues = Array.from({ length: 100 }, (_, i) => issue(i < 90 ? 'error' : 'warning', i + 2))
    const s = summariseIssues({ issues, errorCount: 150, warningCount: 12 })
    expect(s.moreErrors).toBe(60)
    expect(s.moreWarnings).toBe(2)
  })
})

describe('progressPercent', () => {
  it('gives whole percentages clamped to 0–100', () => {
    expect(progressPercent(1, 3)).toBe(33)
    expect(progressPercent(5, 4)).toBe(100)
    expect(progressPercent(-1, 4)).toBe(0)
  })

  it('gives 0 when the total is unknown', () => {
    expect(progressPercent(10, 0)).toBe(0)
    expect(progressPercent(Number.NaN, 10)).toBe(0)
  })
})
