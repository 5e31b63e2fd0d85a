import type { Metric, Period } from '../types/domain'

/** Whether a figure was computed by the data team rather than stated in the report (the method column says so). */
export function isDerived(m: Pick<Metric, 'method'>): boolean {
  return m.method === 'derived'
}

/** Whether a figure is a multi-year total. */
export function isCumulativeMetric(m: Pick<Metric, 'start' | 'end'>): boolean {
  return m.end > m.start
}

/** The period of a figure as a Period value. */
export function metricPeriod(m: Pick<Metric, 'start' | 'end'>): Period {
  return { start: m.start, end: m.end }
}

/** Canonical period text ('2024' or '2016-2020'), independent of how the CSV wrote it. */
export function periodKey(m: Pick<Metric, 'start' | 'end'>): string {
  return m.start === m.end ? String(m.start) : `${m.start}-${m.end}`
}

/** Identity of a figure across datasets: `district|indicator|period`. */
export function figureKey(m: Pick<Metric, 'district' | 'indicator' | 'start' | 'end'>): string {
  return `${m.district}|${m.indicator}|${periodKey(m)}`
}

/** Identity of one row of one dataset: `district|indicator|period|dataset` (`|target` added for a target, which may share the rest with the achieved figure); what chart clicks carry. */
export function metricKey(
  m: Pick<Metric, 'district' | 'indicator' | 'start' | 'end' | 'dataset'> & Partial<Pick<Metric, 'status'>>,
): string {
  return `${figureKey(m)}|${m.dataset}${m.status === 'target' ? '|target' : ''}`
}

/** A quote as shown to people: some reports keep markdown emphasis (超**2**万人), which is formatting, not text. The stored quote stays verbatim. */
export function readableQuote(quote: string): string {
  return quote.replace(/\*\*/g, '')
}
