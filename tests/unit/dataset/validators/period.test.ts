import { describe, expect, it } from 'vitest'
import { parsePeriod } from '../../../../src/dataset/validators/period'
import { issueMessage } from '../../../../src/locales/issue-messages'

/** The English message of a refused period, as a validator reports it in the period column. */
const message = (text: string): string => {
  const result = parsePeriod(text)
  return result.ok ? '' : issueMessage({ severity: 'error', line: 2, column: 'period', ...result.problem }, 'en')
}

describe('parsePeriod', () => {
  it('reads a year and a year range', () => {
    expect(parsePeriod('2024')).toEqual({ ok: true, start: 2024, end: 2024 })
    expect(parsePeriod('2019-2021')).toEqual({ ok: true, start: 2019, end: 2021 })
    expect(parsePeriod('1949-2100')).toEqual({ ok: true, start: 1949, end: 2100 })
  })

  it('suggests YYYY-YYYY for ranges written with other dashes or words', () => {
    for (const text of ['2019–2021', '2019—2021', '2019~2021', '2019至2021年', '2019 - 2021']) {
      expect(message(text)).toContain('such as 2019-2021')
    }
  })

  it('suggests the bare year for 2024年', () => {
    expect(message('2024年')).toContain('such as 2024')
  })

  it('rejects years outside 1949–2100 and reversed ranges', () => {
    expect(parsePeriod('1948')).toMatchObject({ ok: false, problem: { code: 'period-out-of-range' } })
    expect(parsePeriod('2000-2101')).toMatchObject({ ok: false, problem: { code: 'period-out-of-range' } })
    expect(parsePeriod('2021-2019')).toMatchObject({ ok: false, problem: { code: 'period-reversed' } })
    expect(parsePeriod('20')).toMatchObject({ ok: false, problem: { code: 'period-invalid' } })
  })
})
