import type { Metric, Period } from '../types/domain'
import type { Locale } from './format'

/** Earliest year a figure may refer to. */
export const MIN_YEAR = 1949
/** Latest year a figure may refer to. */
export const MAX_YEAR = 2100

const PERIOD_PATTERN = /^(\d{4})(?:\s*[-–—]\s*(\d{4}))?$/

/** Parses 'YYYY' or 'YYYY-YYYY' (an en dash is accepted too); null unless start ≤ end within 1949–2100. */
export function parsePeriod(s: string): Period | null {
  const match = PERIOD_PATTERN.exec(s.trim())
  if (!match) return null
  const start = Number(match[1])
  const end = match[2] === undefined ? start : Number(match[2])
  if (start < MIN_YEAR || end > MAX_YEAR || start > end) return null
  return { start, end }
}

/** Whether a period spans more than one year. */
export function isCumulative(p: Period): boolean {
  return p.end > p.start
}

/** Whether a year lies within a period (inclusive). */
export function periodContains(p: Period, year: number): boolean {
  return year >= p.start && year <= p.end
}

/** Whether two periods share at least one year. */
export function periodsOverlap(a: Period, b: Period): boolean {
  return a.start <= b.end && b.start <= a.end
}

/** '2024' for one year, '2018–2022' (en dash) for a span; the same in both locales. */
export function formatPeriod(p: Period, _locale: Locale): string {
  return p.start === p.end ? String(p.start) : `${p.start}–${p.end}`
}

/** Number of calendar years a period covers (1 for a single year). */
export function spanYears(p: Period): number {
  return p.end - p.start + 1
}

/** Sorted distinct years that appear as single-year periods. */
export function yearsOf(metrics: readonly Metric[]): number[] {
  const years = new Set<number>()
  for (const m of metrics) if (m.start === m.end) years.add(m.start)
  return [...years].sort((a, b) => a - b)
}

/** Sorted distinct years covered by any figure, counting every year inside a cumulative span. */
export function allYearsCovered(metrics: readonly Metric[]): number[] {
  const years = new Set<number>()
  for (const m of metrics) for (let y = m.start; y <= m.end; y++) years.add(y)
  return [...years].sort((a, b) => a - b)
}
