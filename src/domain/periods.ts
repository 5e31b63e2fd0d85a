import type { Metric, Period } from '../types/domain'
import type { Locale } from '../types/locale'

/** Whether a year lies within a period (inclusive). */
export function periodContains(p: Period, year: number): boolean {
  return year >= p.start && year <= p.end
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
