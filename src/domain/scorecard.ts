import type { BoundaryChange, Category, Indicator, Metric } from '../types/domain'
import { basisKey, cohortKey, comparePair, judgeSet, type SetReason } from './comparability'
import { selectFigures, type YearChoice } from './compare'
import { isCumulativeMetric } from './metric'
import { figuresOf, type FigureSource } from './metric-index'
import { changeOnPrevious, completionFor, type ChangeOnPrevious, type Completion } from './progress'

/**
 * How a scorecard cell stands against the others of its row, as a leader reads it at a glance:
 * - comparable: counts the same thing over the same period as at least one other cell; ranked among them;
 * - otherYear: same basis as the row's reference figures, but another year (set side by side, never ranked);
 * - otherBasis: counts something else (basis, measure, status or a boundary change); the reason says what;
 * - total: a multi-year total where the row's reference figures are single years (or totals of another span);
 * - alone: the only figure in its row, so nothing to compare it with;
 * - none: the district reported nothing for this indicator (for the chosen year, or at all).
 */
export type CellState = 'comparable' | 'otherYear' | 'otherBasis' | 'total' | 'alone' | 'none'

/** The display order of the states, for a legend. */
export const CELL_STATES: readonly CellState[] = ['comparable', 'otherYear', 'otherBasis', 'total', 'alone', 'none']

/** One district's figure for one indicator, with its standing in the row. */
export interface ScorecardCell {
  district: string
  metric: Metric | null
  state: CellState
  /** Competition rank among the row's comparable cells (1, 2, 2, 4); null unless comparable. */
  rank: number | null
  /** How many comparable cells the rank is among (0 unless comparable). */
  of: number
  /** For otherBasis/total: the row's figure it was measured against by the one rule (null otherwise). */
  reference: Metric | null
  /** The district's target for the cell's years and how far it is done; null/absent when no target is loaded. */
  completion?: Completion | null
  /** The figure against the district's previous figure on the same basis (absent: not worked out). */
  change?: ChangeOnPrevious
}

/** One indicator across the districts shown. */
export interface ScorecardRow {
  indicator: string
  category: Category
  cells: ScorecardCell[]
  /** Districts with any figure in the row. */
  reported: number
  /** Cells that are ranked like-for-like (0 or ≥ 2). */
  comparable: number
}

/** A category's rows, most comparable first. */
export interface ScorecardSection {
  category: Category
  rows: ScorecardRow[]
}

export interface ScorecardInput {
  metrics: FigureSource
  indicators: readonly Indicator[]
  /** Districts shown, in display order. */
  districts: readonly string[]
  year: YearChoice
  boundaries: readonly BoundaryChange[]
  categories: readonly Category[]
  /** Targets per indicator (the index leaves them out); each cell then shows its completion. */
  targets?: ReadonlyMap<string, readonly Metric[]>
}

/** The members of the largest group by key (ties: the group whose newest figure is latest, then first seen). */
function largestGroup(figures: readonly Metric[], keyOf: (m: Metric) => string): Metric[] {
  const groups = new Map<string, Metric[]>()
  for (const m of figures) {
    const key = keyOf(m)
    const list = groups.get(key)
    if (list) list.push(m)
    else groups.set(key, [m])
  }
  let best: Metric[] = []
  for (const g of groups.values()) {
    const newest = (list: Metric[]): number => Math.max(...list.map((m) => m.end))
    if (g.length > best.length || (g.length === best.length && best.length > 0 && newest(g) > newest(best))) best = g
  }
  return best
}

/**
 * Judges one row: the figures chosen for each district (one each, or null). The reference is the largest group that
 * counts the same thing (basisKey); within it the largest cohort of one exact period is ranked when it has two or more.
 * Everything else is placed by the one comparability rule, with the differences it found.
 */
export function judgeRow(
  entries: ReadonlyArray<{ district: string; metric: Metric | null }>,
  boundaries: readonly BoundaryChange[],
): ScorecardCell[] {
  const present = entries.flatMap((e) => (e.metric && e.metric.status !== 'target' ? [e.metric] : []))
  const blank = (district: string, metric: Metric | null, state: CellState): ScorecardCell => ({
    district,
    metric,
    state,
    rank: null,
    of: 0,
    reference: null,
  })
  if (present.length <= 1) {
    return entries.map((e) => blank(e.district, e.metric, e.metric && e.metric.status !== 'target' ? 'alone' : 'none'))
  }
  const basisGroup = largestGroup(present, basisKey)
  const grouped = basisGroup.length >= 2
  const cohort = grouped ? largestGroup(basisGroup, cohortKey) : []
  const ranked = new Set(cohort.length >= 2 ? cohort : [])
  const inBasis = new Set(grouped ? basisGroup : [])
  // What an outsider is measured against: the ranked cohort, else the basis group, else the other single-year figures.
  const reference = cohort[0] ?? (grouped ? basisGroup[0] : undefined)
  const againstFor = (m: Metric): Metric | undefined =>
    reference ?? present.find((o) => o !== m && !isCumulativeMetric(o)) ?? present.find((o) => o !== m)
  return entries.map((e) => {
    const m = e.metric
    if (!m || m.status === 'target') return blank(e.district, null, 'none')
    if (ranked.has(m)) {
      const rank = 1 + cohort.filter((o) => o.value > m.value).length
      return { ...blank(e.district, m, 'comparable'), rank, of: cohort.length }
    }
    const other = againstFor(m) ?? null
    const verdict = other ? comparePair(other, m, boundaries) : null
    const differs = verdict !== null && !verdict.comparable
    // Same basis as the group but another year; a boundary change between the years makes it another basis after all.
    if (inBasis.has(m))
      return differs ? { ...blank(e.district, m, 'otherBasis'), reference: other } : blank(e.district, m, 'otherYear')
    if (isCumulativeMetric(m)) return { ...blank(e.district, m, 'total'), reference: other }
    // A single-year figure whose only companions are multi-year totals has no like-for-like partner.
    if (!grouped && present.every((o) => o === m || isCumulativeMetric(o))) return blank(e.district, m, 'alone')
    return { ...blank(e.district, m, 'otherBasis'), reference: other }
  })
}

/** Why a cell is not compared with its row's reference figure, as the one rule's structured reasons. */
export function cellReasons(cell: ScorecardCell, boundaries: readonly BoundaryChange[]): SetReason[] {
  if (!cell.metric || !cell.reference) return []
  return judgeSet(
    [
      { district: cell.reference.district, metric: cell.reference },
      { district: cell.district, metric: cell.metric },
    ],
    boundaries,
  ).reasons
}

/** The figures of the rates reports state for an indicator: those of the indicators whose change_of names it. */
export function statedRates(
  metrics: FigureSource,
  indicators: readonly Pick<Indicator, 'id' | 'changeOf'>[],
): (indicator: string) => Metric[] {
  const rateIds = new Map<string, string[]>()
  for (const i of indicators) if (i.changeOf) rateIds.set(i.changeOf, [...(rateIds.get(i.changeOf) ?? []), i.id])
  return (indicator) => (rateIds.get(indicator) ?? []).flatMap((id) => [...figuresOf(metrics, id)])
}

/** Each cell's target completion and change on the previous comparable figure (one pass over the indicator's figures). */
function withProgress(
  cells: ScorecardCell[],
  figures: readonly Metric[],
  targetFigures: readonly Metric[],
  input: ScorecardInput,
  /** Rates the reports state for this indicator (indicators whose change_of names it). */
  stated: readonly Metric[] = [],
): ScorecardCell[] {
  const byDistrict = new Map<string, Metric[]>(cells.map((c) => [c.district, []]))
  for (const m of figures) byDistrict.get(m.district)?.push(m)
  for (const m of targetFigures) byDistrict.get(m.district)?.push(m)
  return cells.map((c) => {
    const own = byDistrict.get(c.district) ?? []
    const targets = own.filter((m) => m.status === 'target')
    const m = c.metric
    // A district with no figure still shows a target it has for the chosen year: 未报送, never 0%.
    const period = m ?? (typeof input.year === 'number' ? { start: input.year, end: input.year } : null)
    const completion =
      period && targets.length
        ? completionFor(m ? [m, ...targets] : targets, c.district, period, input.boundaries)
        : null
    return { ...c, completion, change: m ? changeOnPrevious(own, m, input.boundaries, stated) : { kind: 'none' } }
  })
}

/**
 * The same-basis scorecard: indicators × districts for the chosen year (or each district's latest figure), a district
 * that reported only a multi-year total shown with that total. Rows with figures from two or more districts, grouped by
 * category; within a category, rows with more comparable cells first, then more districts reporting, then catalogue
 * order. Rows reported by one district alone are returned separately (they have nothing to be compared with).
 */
export function buildScorecard(input: ScorecardInput): { sections: ScorecardSection[]; singles: ScorecardRow[] } {
  const order = new Map(input.indicators.map((ind, i) => [ind.id, i]))
  const statedFor = statedRates(input.metrics, input.indicators)
  const rows: ScorecardRow[] = []
  for (const ind of input.indicators) {
    const figures = figuresOf(input.metrics, ind.id)
    if (figures.length === 0) continue
    const picks = selectFigures(figures, {
      year: input.year,
      includeCumulative: true,
      districts: [...input.districts],
      indicator: ind.id,
    })
    if (!picks.some((p) => p.metric)) continue
    const cells = withProgress(
      judgeRow(picks, input.boundaries),
      figures,
      input.targets?.get(ind.id) ?? [],
      input,
      statedFor(ind.id),
    )
    rows.push({
      indicator: ind.id,
      category: ind.category,
      cells,
      reported: cells.filter((c) => c.state !== 'none').length,
      comparable: cells.filter((c) => c.state === 'comparable').length,
    })
  }
  const byPriority = (a: ScorecardRow, b: ScorecardRow): number =>
    b.comparable - a.comparable ||
    b.reported - a.reported ||
    (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0)
  const shared = rows.filter((r) => r.reported >= 2)
  const sections = input.categories
    .map((category) => ({ category, rows: shared.filter((r) => r.category === category).sort(byPriority) }))
    .filter((s) => s.rows.length > 0)
  const wanted = new Set(input.categories)
  return { sections, singles: rows.filter((r) => r.reported < 2 && wanted.has(r.category)) }
}

/** Indicators worth a comparison chart for the chosen year: two or more comparable figures (scorecard order). */
export function chartableIndicators(sections: readonly ScorecardSection[]): string[] {
  return sections.flatMap((s) => s.rows.filter((r) => r.comparable >= 2).map((r) => r.indicator))
}

/** How many figures each year holds (single-year, achieved or nominated, among the given districts), newest first. */
export function yearCounts(
  metrics: Iterable<Metric>,
  districts: readonly string[],
): Array<{ year: number; count: number }> {
  const wanted = new Set(districts)
  const counts = new Map<number, number>()
  for (const m of metrics) {
    if (m.status === 'target' || m.start !== m.end || !wanted.has(m.district)) continue
    counts.set(m.start, (counts.get(m.start) ?? 0) + 1)
  }
  return [...counts.entries()].map(([year, count]) => ({ year, count })).sort((a, b) => b.year - a.year)
}

/** Of the given districts, those with no single-year figure for the year (in catalogue order). */
export function districtsWithoutYear(metrics: Iterable<Metric>, districts: readonly string[], year: number): string[] {
  const has = new Set<string>()
  for (const m of metrics) if (m.status !== 'target' && m.start === year && m.end === year) has.add(m.district)
  return districts.filter((d) => !has.has(d))
}

/** The figures of rows only one district reports, grouped by district (given order), newest first, then by indicator. */
export function singlesByDistrict(
  rows: readonly ScorecardRow[],
  districts: readonly string[],
): Array<{ district: string; metrics: Metric[] }> {
  return districts
    .map((district) => ({
      district,
      metrics: rows
        .flatMap((r) => r.cells.filter((c) => c.district === district && c.metric).map((c) => c.metric as Metric))
        .sort((a, b) => b.end - a.end || a.indicator.localeCompare(b.indicator)),
    }))
    .filter((g) => g.metrics.length > 0)
}
