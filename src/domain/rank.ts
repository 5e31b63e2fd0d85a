import type { BoundaryChange, Metric } from '../types/domain'
import { cohortKey, judgeSet, type SetReason } from './comparability'
import { selectFigures, type FigureEntry, type YearChoice } from './compare'
import { periodKey } from './metric'
import { figuresOf, type FigureSource } from './metric-index'

/** A district's place among the figures that count the same thing over the same period. */
export interface RankedEntry {
  district: string
  /** Competition rank (1, 2, 2, 4) by value, highest first; null when missing or when no other figure is like-for-like. */
  rank: number | null
  /** How many like-for-like figures it was ranked among (0 when missing). */
  of: number
  /** Canonical period ranked within, or null when missing. */
  period: string | null
}

/** Ranks present figures within their cohort (same indicator, measure, basis, status and period: 1, 2, 2, 4); figures without a like-for-like partner get null. */
export function rankEntries(entries: ReadonlyArray<FigureEntry>): RankedEntry[] {
  const groups = new Map<string, number[]>()
  for (const e of entries) {
    if (!e.metric || e.metric.status === 'target') continue
    const key = cohortKey(e.metric)
    groups.set(key, [...(groups.get(key) ?? []), e.metric.value])
  }
  return entries.map((e) => {
    if (!e.metric) return { district: e.district, rank: null, of: 0, period: null }
    const period = periodKey(e.metric)
    const values = e.metric.status === 'target' ? [] : (groups.get(cohortKey(e.metric)) ?? [])
    const value = e.metric.value
    const rank = values.length > 1 ? 1 + values.filter((v) => v > value).length : null
    return { district: e.district, rank, of: values.length, period }
  })
}

/** One radar axis: an indicator scaled to the highest district that has the figure. */
export interface ProfileAxis {
  indicator: string
  /** Highest value among districts with the figure (the 1.0 of this axis); 0 when nobody has it. */
  max: number
  districtsWithFigure: string[]
}

/** Values scaled 0..1 per indicator, with the figures they came from. */
export interface Profile {
  axes: ProfileAxis[]
  /** Per district, one value per axis: value / max, or null when the district lacks the figure. */
  values: Record<string, Array<number | null>>
  /** Per district, the figure behind each value (null when missing), for tooltips and provenance. */
  metrics: Record<string, Array<Metric | null>>
}

/** Scales each indicator's single-year figures to the highest district that has one; missing stays null, never 0. */
export function normaliseProfile(
  metrics: FigureSource,
  districts: string[],
  indicators: string[],
  year: YearChoice,
  /** The district whose like-for-like partners an axis keeps, when it has a figure (the profile's own district). */
  prefer?: string,
): Profile {
  const ids = [...new Set(districts)]
  const values: Record<string, Array<number | null>> = {}
  const figures: Record<string, Array<Metric | null>> = {}
  for (const d of ids) {
    values[d] = []
    figures[d] = []
  }
  const axes = indicators.map((indicator): ProfileAxis => {
    const entries = selectFigures(figuresOf(metrics, indicator), {
      year,
      includeCumulative: false,
      districts: ids,
      indicator,
    })
    // An axis scales only figures that count the same thing over the same years; the others stay off it (null).
    const own = entries.find((e) => e.district === prefer)?.metric
    const keep = own ? cohortKey(own) : cohortOfMost(entries)
    const kept = entries.map((e) => (e.metric && cohortKey(e.metric) === keep ? e.metric : null))
    const present = kept.flatMap((m) => (m ? [m] : []))
    const max = present.length ? Math.max(...present.map((m) => m.value)) : 0
    entries.forEach((e, i) => {
      const m = kept[i] ?? null
      figures[e.district]?.push(m)
      values[e.district]?.push(m === null ? null : max > 0 ? m.value / max : 0)
    })
    return { indicator, max, districtsWithFigure: present.map((m) => m.district) }
  })
  return { axes, values, metrics: figures }
}

/** The cohort key most figures share (first seen on a tie); '' when there are none. */
function cohortOfMost(entries: ReadonlyArray<FigureEntry>): string {
  const counts = new Map<string, number>()
  for (const e of entries) if (e.metric) counts.set(cohortKey(e.metric), (counts.get(cohortKey(e.metric)) ?? 0) + 1)
  let best = ''
  let most = 0
  for (const [key, n] of counts) if (n > most) [best, most] = [key, n]
  return best
}

/** One row of a district's standing: its figure on a shared indicator and its rank among like-for-like figures. */
export interface Standing {
  indicator: string
  metric: Metric | null
  /** Rank among like-for-like figures, or null when none is like-for-like. */
  rank: number | null
  /** How many figures it was ranked among. */
  of: number
  /** Why the other districts' figures are not ranked with this one (empty when ranked or alone). */
  reasons: SetReason[]
}

/**
 * A district's figure on each indicator, ranked only among districts whose figures count the same thing over the
 * same period; where nobody is like-for-like the rank is null and the reasons say why.
 */
export function districtStandings(input: {
  metrics: FigureSource
  district: string
  districts: readonly string[]
  indicators: readonly string[]
  year: YearChoice
  boundaries: readonly BoundaryChange[]
}): Standing[] {
  return input.indicators.map((indicator) => {
    const entries = selectFigures(figuresOf(input.metrics, indicator), {
      year: input.year,
      includeCumulative: false,
      districts: [...input.districts],
      indicator,
    })
    const own = entries.find((e) => e.district === input.district)?.metric ?? null
    const ranked = rankEntries(entries).find((r) => r.district === input.district)
    const rank = ranked?.rank ?? null
    const reasons = own && rank === null ? judgeSet(entries, input.boundaries).reasons : []
    return { indicator, metric: own, rank, of: rank === null ? 0 : (ranked?.of ?? 0), reasons }
  })
}
