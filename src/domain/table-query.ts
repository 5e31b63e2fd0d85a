import type { Catalogue, Metric } from '../types/domain'
import { collator, localName } from './intl'
import { matchesTableYear, type TableQuery, type TableSortKey } from './table-rows'
import type { Locale } from '../types/locale'

// The data table over any number of figures (an import may hold a million): filtering and sorting work on indices
// into the figures, a slice at a time, and only the page shown becomes table rows. Sorting compares numbers only:
// text columns are ranked once over their few distinct values.

/** Figures handled between two pauses: each slice is a few milliseconds of work. */
export const TABLE_SLICE = 10_000

/** Which figures the table shows, in order (indices into the figures), and the periods to choose from. */
export interface TableQueryResult {
  order: Uint32Array
  periods: string[]
}

/** The first and last row of a page (1-based, inclusive) and the number of pages; from > to when nothing matches. */
export interface TablePage {
  page: number
  pages: number
  from: number
  to: number
}

/** The page `page` (0-based, clamped) of `count` rows, `size` to a page. */
export function tablePage(count: number, page: number, size: number): TablePage {
  const pages = Math.max(1, Math.ceil(count / size))
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1)
  return { page: p, pages, from: count === 0 ? 0 : p * size + 1, to: Math.min(count, (p + 1) * size) }
}

/** Ranks of distinct texts in collation order ('区县2' before '区县10'). */
function rankTexts(texts: Iterable<string>): Map<string, number> {
  const byText = collator('zh-CN', { numeric: true })
  const sorted = [...new Set(texts)].sort((a, b) => byText.compare(a, b))
  return new Map(sorted.map((t, i) => [t, i]))
}

/** Merges sorted runs a[from, mid) and a[mid, to) into out[from, to), a budget of steps at a time. */
function* mergeRuns(
  a: Uint32Array,
  out: Uint32Array,
  from: number,
  mid: number,
  to: number,
  cmp: (x: number, y: number) => number,
): Generator<void, void, void> {
  let i = from
  let j = mid
  let k = from
  let steps = 0
  while (i < mid && j < to) {
    out[k++] = cmp(a[i] as number, a[j] as number) <= 0 ? (a[i++] as number) : (a[j++] as number)
    if (++steps === TABLE_SLICE) {
      steps = 0
      yield
    }
  }
  while (i < mid) out[k++] = a[i++] as number
  while (j < to) out[k++] = a[j++] as number
}

/** A stable merge sort of indices that pauses (yields) between slices of work. */
export function* sortInSlices(items: Uint32Array, cmp: (x: number, y: number) => number): Generator<void, Uint32Array> {
  let a: Uint32Array = items
  let out: Uint32Array = new Uint32Array(a.length)
  for (let from = 0; from < a.length; from += TABLE_SLICE) {
    const run = Array.from(a.subarray(from, Math.min(a.length, from + TABLE_SLICE))).sort(cmp)
    a.set(run, from)
    yield
  }
  for (let width = TABLE_SLICE; width < a.length; width *= 2) {
    for (let from = 0; from < a.length; from += 2 * width) {
      const mid = Math.min(a.length, from + width)
      const to = Math.min(a.length, from + 2 * width)
      yield* mergeRuns(a, out, from, mid, to, cmp)
    }
    ;[a, out] = [out, a]
    yield
  }
  return a
}

/**
 * Filters and sorts the table's figures as filterTableRows and sortTableRows do for table rows, pausing (yielding)
 * between slices; drive it with runTableQuery (at once) or step by step across tasks.
 */
export function* queryTableSteps(
  metrics: readonly Metric[],
  catalogue: Catalogue,
  locale: Locale,
  q: TableQuery,
  key: TableSortKey,
  dir: 'asc' | 'desc',
): Generator<void, TableQueryResult> {
  const districtName = new Map(catalogue.districts.map((d) => [d.id, localName(d, locale)]))
  const indicators = new Map(catalogue.indicators.map((i) => [i.id, i]))
  const sourceTitle = new Map(catalogue.sources.map((s) => [s.id, s.titleZh]))
  const needle = q.text.trim().toLowerCase()
  const districts = new Set(q.districts)
  const periodSet = new Set<string>()

  const matching: number[] = []
  for (let from = 0; from < metrics.length; from += TABLE_SLICE) {
    const to = Math.min(metrics.length, from + TABLE_SLICE)
    for (let i = from; i < to; i++) {
      const m = metrics[i] as Metric
      if (!matchesTableYear(m, q.year, q.cumulative)) continue
      periodSet.add(m.period)
      if (!districts.has(m.district)) continue
      const ind = indicators.get(m.indicator)
      if (q.category && ind?.category !== q.category) continue
      if (q.indicator && m.indicator !== q.indicator) continue
      if (q.period && m.period !== q.period) continue
      if (needle) {
        const names = [
          districtName.get(m.district) ?? m.district,
          ind ? localName(ind, locale) : m.indicator,
          m.indicator,
          m.period,
          m.quote,
          m.note,
          sourceTitle.get(m.source) ?? m.source,
          m.source,
        ]
        if (!names.some((f) => f.toLowerCase().includes(needle))) continue
      }
      matching.push(i)
    }
    yield
  }

  // Sort keys per figure: numbers, text columns by the rank of their value among the distinct ones.
  const textOf = (m: Metric): string => {
    if (key === 'districtName') return districtName.get(m.district) ?? m.district
    if (key === 'indicatorName') {
      const ind = indicators.get(m.indicator)
      return ind ? localName(ind, locale) : m.indicator
    }
    if (key === 'category') return indicators.get(m.indicator)?.category ?? ''
    if (key === 'sourceTitle') return sourceTitle.get(m.source) ?? m.source
    return m.period
  }
  const tieOf = (m: Metric): string => m.district + m.indicator
  const primaryTexts = new Set<string>()
  const tieTexts = new Set<string>()
  for (let from = 0; from < matching.length; from += TABLE_SLICE) {
    const to = Math.min(matching.length, from + TABLE_SLICE)
    for (let n = from; n < to; n++) {
      const m = metrics[matching[n] as number] as Metric
      if (key !== 'value') primaryTexts.add(textOf(m))
      tieTexts.add(tieOf(m))
    }
    yield
  }
  const primaryRank = key === 'value' ? null : rankTexts(primaryTexts)
  const tieRank = rankTexts(tieTexts)
  const primary = new Float64Array(metrics.length)
  const tie = new Uint32Array(primary.length)
  for (let from = 0; from < matching.length; from += TABLE_SLICE) {
    const to = Math.min(matching.length, from + TABLE_SLICE)
    for (let n = from; n < to; n++) {
      const i = matching[n] as number
      const m = metrics[i] as Metric
      primary[i] = primaryRank ? (primaryRank.get(textOf(m)) ?? 0) : m.value
      tie[i] = tieRank.get(tieOf(m)) ?? 0
    }
    yield
  }
  const sign = dir === 'asc' ? 1 : -1
  const cmp = (a: number, b: number): number =>
    sign * ((primary[a] as number) - (primary[b] as number)) || (tie[a] as number) - (tie[b] as number)
  const order = yield* sortInSlices(Uint32Array.from(matching), cmp)
  return { order, periods: [...periodSet].sort().reverse() }
}

/** Runs a query's steps to the end at once (small tables, tests). */
export function runTableQuery(steps: Generator<void, TableQueryResult>): TableQueryResult {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}
