import { describe, expect, it } from 'vitest'
import { issueMessage, quoteValue } from '../../../src/locales/issue-messages'
import type { ValidationIssue } from '../../../src/types/validation'

const at = { severity: 'error', line: 3, column: 'value' } as const

describe('issueMessage', () => {
  it('words one issue in English and in Chinese from its code and parameters', () => {
    const issue: ValidationIssue = {
      ...at,
      code: 'value-unit',
      params: { value: '97.89万元', unit: '元', suggestion: '978900' },
    }
    expect(issueMessage(issue, 'en')).toBe(
      'value "97.89万元" is not a plain number (it carries a unit or 万/亿); expected a plain decimal in 元 such as 978900',
    )
    expect(issueMessage(issue, 'zh-CN')).toBe(
      'value "97.89万元" 不是普通数字（带有单位或万/亿）；应为以“元”为单位的普通小数，例如 978900',
    )
  })

  it('names the column the issue is in, so one wording serves every choice column', () => {
    const params = { value: 'x', allowed: ['stated', 'inferred'], fallback: 'stated' }
    const issue: ValidationIssue = { ...at, column: 'period_status', code: 'period_status-invalid', params }
    expect(issueMessage(issue, 'en')).toBe(
      'period_status "x" is not one of stated, inferred; leave it empty for stated',
    )
    expect(issueMessage(issue, 'zh-CN')).toBe('period_status "x" 不是 stated、inferred 之一；留空表示 stated')
  })

  it('shows the first twelve of a long list of known ids', () => {
    const known = Array.from({ length: 90 }, (_, i) => `d${i}`)
    const issue: ValidationIssue = {
      ...at,
      column: 'district',
      code: 'district-unknown',
      params: { scope: 'metrics', value: 'nowhere', known, example: '萧山区' },
    }
    expect(issueMessage(issue, 'en')).toContain('(d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11, …)')
    expect(issueMessage(issue, 'en')).not.toContain('d12')
  })

  it('says a catalogue file’s unknown district is not in districts.csv', () => {
    const issue: ValidationIssue = {
      ...at,
      column: 'district',
      code: 'district-unknown',
      params: { scope: 'catalogue', value: 'nowhere', known: ['xiaoshan', 'xihu'] },
    }
    expect(issueMessage(issue, 'en')).toBe('district "nowhere" is not in districts.csv; expected one of xiaoshan, xihu')
  })

  it('uses singular and plural in English and the count alone in Chinese', () => {
    const one: ValidationIssue = { ...at, column: '', code: 'field-count', params: { fields: 1, columns: 3 } }
    expect(issueMessage(one, 'en')).toBe('the line has 1 field but the header has 3 columns')
    expect(issueMessage(one, 'zh-CN')).toBe('该行有 1 个字段，但表头有 3 列')
  })
})

describe('quoteValue', () => {
  it('quotes a value and shortens a long one to 37 characters and an ellipsis', () => {
    expect(quoteValue('abc')).toBe('"abc"')
    expect(quoteValue('x'.repeat(41))).toBe(`"${'x'.repeat(37)}…"`)
    expect(quoteValue('x'.repeat(40))).toBe(`"${'x'.repeat(40)}"`)
  })
})
