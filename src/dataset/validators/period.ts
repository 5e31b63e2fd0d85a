/** First and last year a period may name. */
export const MIN_YEAR = 1949
export const MAX_YEAR = 2100

/** A checked period, or the code and bilingual reason it was refused. */
export type PeriodCheck =
  { ok: true; start: number; end: number } | { ok: false; code: string; message: string; messageZh: string }

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
export function parsePeriod(raw: string, column = 'period'): PeriodCheck {
  // Fast path for the millions of well-formed periods in a big file.
  if (raw.length === 4 || (raw.length === 9 && raw.charCodeAt(4) === 45)) {
    const start = fourDigits(raw, 0)
    const end = raw.length === 4 ? start : fourDigits(raw, 5)
    if (start >= MIN_YEAR && end <= MAX_YEAR && start <= end) return { ok: true, start, end }
  }
  const shown = `"${raw}"`
  if (raw === '') {
    return {
      ok: false,
      code: 'period-empty',
      message: `${column} is empty; expected YYYY or YYYY-YYYY such as 2021 or 2019-2021`,
      messageZh: `${column} 为空；应为 YYYY 或 YYYY-YYYY，例如 2021 或 2019-2021`,
    }
  }
  const match = PERIOD.exec(raw)
  if (!match) {
    const lookalike = RANGE_LOOKALIKE.exec(raw)
    const single = /^(\d{4})\s*年?$/.exec(raw)
    const suggestion = lookalike ? `${lookalike[1]}-${lookalike[2]}` : single ? single[1] : null
    const tail = suggestion ? ` such as ${suggestion}` : ' such as 2021 or 2019-2021'
    const tailZh = suggestion ? `，例如 ${suggestion}` : '，例如 2021 或 2019-2021'
    return {
      ok: false,
      code: 'period-invalid',
      message: `${column} ${shown} is not a year or year range; expected YYYY or YYYY-YYYY${tail}`,
      messageZh: `${column} ${shown} 不是年份或年份区间；应为 YYYY 或 YYYY-YYYY${tailZh}`,
    }
  }
  const start = Number(match[1])
  const end = match[2] === undefined ? start : Number(match[2])
  if (start < MIN_YEAR || end < MIN_YEAR || start > MAX_YEAR || end > MAX_YEAR) {
    return {
      ok: false,
      code: 'period-out-of-range',
      message: `${column} ${shown} is outside the years ${MIN_YEAR}–${MAX_YEAR}`,
      messageZh: `${column} ${shown} 超出 ${MIN_YEAR}–${MAX_YEAR} 年的范围`,
    }
  }
  if (start > end) {
    return {
      ok: false,
      code: 'period-reversed',
      message: `${column} ${shown} starts after it ends; write the earlier year first, such as ${end}-${start}`,
      messageZh: `${column} ${shown} 的起始年份晚于结束年份；请先写较早的年份，例如 ${end}-${start}`,
    }
  }
  return { ok: true, start, end }
}
