import type { Metric } from '../types/domain'
import { selectFigures, type FigureEntry, type YearChoice } from './compare'
import { periodKey } from './metric'
import { figuresOf, type FigureSource } from './metric-index'

/** A district's place among the figures that share its period. */
export interface RankedEntry {
  district: string
  /** Competition rank (1, 2, 2, 4) by value, highest first; null when missing or when no other figure shares the period. */
  rank: number | null
  /** How many figures share the period (0 when missing). */
  of: number
  /** Canonical period ranked within, or null when missing. */
  period: string | null
}

/** Ranks present figures against those of the same period (1, 2, 2, 4); missing or unmatched figures get null. */
export function rankEntries(entries: ReadonlyArray<FigureEntry>): RankedEntry[] {
  const groups = new Map<string, number[]>()
  for (const e of entries) {
    if (!e.metric) continue
    const key = periodKey(e.metric)
    groups.set(key, [...(groups.get(key) ?? []), e.metric.value])
  }
  return entries.map((e) => {
    if (!e.metric) return { district: e.district, rank: null, of: 0, period: null }
    const period = periodKey(e.metric)
    const values = groups.get(period) ?? []
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
    const present = entries.flatMap((e) => (e.metric ? [e.metric] : []))
    const max = present.length ? Math.max(...present.map((m) => m.value)) : 0
    for (const e of entries) {
      const m = e.metric
      figures[e.district]?.push(m)
      values[e.district]?.push(m === null ? null : max > 0 ? m.value / max : 0)
    }
    return { indicator, max, districtsWithFigure: present.map((m) => m.district) }
  })
  return { axes, values, metrics: figures }
}
