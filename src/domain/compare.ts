import type { Metric } from '../types/domain'
import { isCumulativeMetric, metricPeriod } from './metric'
import { periodContains, spanYears } from './periods'

/** A year, or each district's most recent figure. */
export type YearChoice = number | 'latest'

/** One requested district and the figure chosen for it (null when it has none). */
export interface FigureEntry {
  district: string
  metric: Metric | null
}

/** What to pick for a comparison. */
export interface SelectOptions {
  year: YearChoice
  includeCumulative: boolean
  districts: string[]
  indicator: string
}

/** Picks the later of two equally good candidates, so higher-priority rows (later in the list) win. */
function better<T>(best: T | null, candidate: T, isBetter: (a: T, b: T) => boolean): T {
  return best === null || !isBetter(best, candidate) ? candidate : best
}

/** The best figures seen so far for one district. */
interface DistrictPick {
  single: Metric | null
  cumulative: Metric | null
}

/** Weighs one more of a district's figures under the year rule (rows in priority order). */
function consider(pick: DistrictPick, m: Metric, year: YearChoice, includeCumulative: boolean): void {
  if (!isCumulativeMetric(m)) {
    if (year === 'latest') pick.single = better(pick.single, m, (a, b) => a.start > b.start)
    else if (m.start === year) pick.single = m
  } else if (includeCumulative) {
    if (year === 'latest') {
      pick.cumulative = better(
        pick.cumulative,
        m,
        (a, b) => a.end > b.end || (a.end === b.end && spanYears(a) < spanYears(b)),
      )
    } else if (periodContains(metricPeriod(m), year)) {
      pick.cumulative = better(
        pick.cumulative,
        m,
        (a, b) => spanYears(a) < spanYears(b) || (spanYears(a) === spanYears(b) && a.end > b.end),
      )
    }
  }
}

/** One entry per requested district, in order: the single-year figure for the year (or the latest), falling back to a cumulative one only when allowed. */
export function selectFigures(metrics: readonly Metric[], opts: SelectOptions): FigureEntry[] {
  // One pass, no per-district lists: charts call this on every filter change, over up to a million rows.
  const picks = new Map<string, DistrictPick>()
  for (const district of opts.districts) picks.set(district, { single: null, cumulative: null })
  for (const m of metrics) {
    // Cheapest test first: most rows of a big import are multi-year totals.
    if (!opts.includeCumulative && m.end > m.start) continue
    // A target is a plan, not a figure of the year: progress views read it, comparisons never do.
    if (m.indicator !== opts.indicator || m.status === 'target') continue
    const pick = picks.get(m.district)
    if (pick) consider(pick, m, opts.year, opts.includeCumulative)
  }
  return opts.districts.map((district) => {
    const pick = picks.get(district)
    return { district, metric: pick ? (pick.single ?? pick.cumulative) : null }
  })
}

/** Indicator ids reported (any period) by at least minDistricts districts, most widely reported first, then by id. */
export function rankSharedIndicators(
  districtsByIndicator: ReadonlyMap<string, ReadonlySet<string>>,
  minDistricts = 2,
): string[] {
  return [...districtsByIndicator.entries()]
    .filter(([, set]) => set.size >= minDistricts)
    .sort(([a, sa], [b, sb]) => sb.size - sa.size || (a < b ? -1 : a > b ? 1 : 0))
    .map(([id]) => id)
}
