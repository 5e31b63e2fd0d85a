import { describe, expect, it } from 'vitest'
import { createIssueCollector, makeIssue, unneutralise } from '../../../../src/dataset/validators/common'

const at = (line: number, severity: 'error' | 'warning' = 'error') =>
  makeIssue({ severity, code: 'field-empty', line, column: `c${line}`, params: {} })

describe('createIssueCollector', () => {
  it('keeps the earliest issues by line when over the limit, counting all', () => {
    const issues = createIssueCollector(3)
    for (const line of [5, 2, 9, 1, 7, 3]) issues.add(at(line))
    issues.add(at(4, 'warning'))
    expect(issues.list().map((i) => i.line)).toEqual([1, 2, 3])
    expect(issues.errorCount).toBe(6)
    expect(issues.warningCount).toBe(1)
  })

  it('keeps insertion order within a line', () => {
    const issues = createIssueCollector()
    issues.add(makeIssue({ code: 'field-empty', line: 2, column: 'b', params: {} }))
    issues.add(makeIssue({ code: 'field-empty', line: 1, column: 'a', params: {} }))
    issues.add(makeIssue({ code: 'field-empty', line: 2, column: 'c', params: {} }))
    expect(issues.list().map((i) => i.column)).toEqual(['a', 'b', 'c'])
  })
})

describe('unneutralise', () => {
  it('removes one apostrophe before = + - @ and leaves other text alone', () => {
    expect(unneutralise("'=1+1")).toBe('=1+1')
    expect(unneutralise("'+86")).toBe('+86')
    expect(unneutralise("'-")).toBe('-')
    expect(unneutralise("'@x")).toBe('@x')
    expect(unneutralise("''=x")).toBe("'=x")
    expect(unneutralise("'hello")).toBe("'hello")
    expect(unneutralise('=x')).toBe('=x')
  })
})
