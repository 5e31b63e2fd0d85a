import type { IssueParamsByCode } from '../../types/validation'

/** First and last year a period may name. */
export const MIN_YEAR = 1949
export const MAX_YEAR = 2100

type PeriodCode = 'period-empty' | 'period-invalid' | 'period-out-of-range' | 'period-reversed'

/** Why a period was refused: an issue code and its parameters. */
export type PeriodProblem = { [C in PeriodCode]: { code: C; params: IssueParamsByCode[C] } }[PeriodCode]

/** A checked period, or why it was refused. */
export type PeriodCheck = { ok: true; start: number; end: number } | { ok: false; problem: PeriodProblem }

const PERIOD = /^(\d{4})(?:-(\d{4}))?$/
// Dashes and words people write between years instead of '-'.
const RANGE_LOOKALIKE = /^(\d{4})\s*(?:[-–—~～至到]|\s-\s)\s*(\d{4})\s*年?$/

function fourDigits(text: string, at: number): number {
  let year = 0
  for (let i = at; i < at + 4; i++) {
    const digit = text.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return -1
    year = year * 10 + digit
  }
  return year
}

/** Parses `YYYY` or `YYYY-YYYY` (start ≤ end, years 1949–2100). */
export function parsePeriod(raw: string): PeriodCheck {
  // Fast path for the millions of well-formed periods in a big file.
  if (raw.length === 4 || (raw.length === 9 && raw.charCodeAt(4) === 45)) {
    const start = fourDigits(raw, 0)
    const end = raw.length === 4 ? start : fourDigits(raw, 5)
    if (start >= MIN_YEAR && end <= MAX_YEAR && start <= end) return { ok: true, start, end }
  }
  if (raw === '') return { ok: false, problem: { code: 'period-empty', params: {} } }
  const match = PERIOD.exec(raw)
  if (!match) {
    const lookalike = RANGE_LOOKALIKE.exec(raw)
    const single = /^(\d{4})\s*年?$/.exec(raw)
    const suggestion = lookalike ? `${lookalike[1]}-${lookalike[2]}` : (single?.[1] ?? null)
    return { ok: false, problem: { code: 'period-invalid', params: { value: raw, suggestion } } }
  }
  const start = Number(match[1])
  const end = match[2] === undefined ? start : Number(match[2])
  if (start < MIN_YEAR || end < MIN_YEAR || start > MAX_YEAR || end > MAX_YEAR) {
    return {
      ok: false,
      problem: { code: 'period-out-of-range', params: { value: raw, min: MIN_YEAR, max: MAX_YEAR } },
    }
  }
  if (start > end) return { ok: false, problem: { code: 'period-reversed', params: { value: raw, start, end } } }
  return { ok: true, start, end }
}
