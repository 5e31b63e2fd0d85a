import type { Metric } from '../types/domain'
import { figureKey, metricKey } from './metric'

/** One dataset's figures, as a layer in the priority stack (builtin first, imports in load order). */
export interface DatasetLayer {
  datasetId: string
  metrics: readonly Metric[]
  /** Each district|indicator|period occurs at most once (true of any validated file): the layer's keys need not be hashed. */
  keysUnique?: boolean
}

/** Two or more datasets giving a figure for the same district, indicator and period. */
export interface Conflict {
  /** `district|indicator|period`. */
  key: string
  district: string
  indicator: string
  period: string
  /** The figure shown: from the highest-priority layer. */
  used: Metric
  /** Figures it hides, lowest priority first. */
  overridden: Metric[]
  /** Whether every overridden figure has the same value and qualifier as the one used. */
  sameValue: boolean
}

/** Result of stacking dataset layers. */
export interface ResolvedLayers {
  metrics: Metric[]
  conflicts: Conflict[]
}

/** Stacks dataset layers (low → high priority); for each district|indicator|period the highest layer wins and every overlap is listed. */
export function resolveLayers(layers: ReadonlyArray<DatasetLayer>): ResolvedLayers {
  const { conflicts } = indexLayers(layers)
  return { metrics: flattenLayers(layers, conflicts), conflicts }
}

/** One indicator's rows in one dataset, in file order. */
export interface LayerGroup {
  rows: Metric[]
  /** The single-year rows among them. */
  singles: Metric[]
  /** Where each row sits in the dataset's array (conflicts are listed in reading order). */
  at: number[]
  districts: Set<string>
  /** Start years present: when two layers share none, their keys cannot collide. */
  starts: Set<number>
}

/** A dataset's rows grouped by indicator: built once per rows array, so toggling one import does not regroup the others. */
export interface LayerGroups {
  byIndicator: Map<string, LayerGroup>
  /** Years that appear as single-year periods. */
  years: Set<number>
  /** Rows grouped so far. */
  count: number
}

/** Figures in force, grouped for the views: what every chart, filter and headline reads instead of the flat list. */
export interface MetricIndex {
  /** Figures in force per indicator, in reading order (lower layers first). */
  byIndicator: ReadonlyMap<string, readonly Metric[]>
  /** The single-year figures among them: all a chart needs while multi-year totals are left out. */
  singlesByIndicator: ReadonlyMap<string, readonly Metric[]>
  /** Districts with at least one figure in force, per indicator. */
  districtsByIndicator: ReadonlyMap<string, ReadonlySet<string>>
  /** Sorted distinct years that appear as single-year periods. */
  years: readonly number[]
  /** Every overlap between (or within) layers, in the order the first of its figures was read. */
  conflicts: Conflict[]
}

/** An empty grouping, to be filled with addLayerRows (in slices if the rows are many). */
export function createLayerGroups(): LayerGroups {
  return { byIndicator: new Map(), years: new Set(), count: 0 }
}

/** Groups rows [from, to) of a dataset; call with consecutive ranges. */
export function addLayerRows(groups: LayerGroups, rows: readonly Metric[], from: number, to: number): void {
  const { byIndicator, years } = groups
  for (let i = from; i < to; i++) {
    const m = rows[i]
    // Targets are plans, not figures in force: the progress views read them from the rows, never from the index.
    if (!m || m.status === 'target') continue
    let group = byIndicator.get(m.indicator)
    if (!group) {
      group = { rows: [], singles: [], at: [], districts: new Set(), starts: new Set() }
      byIndicator.set(m.indicator, group)
    }
    group.rows.push(m)
    group.at.push(i)
    group.districts.add(m.district)
    group.starts.add(m.start)
    if (m.start === m.end) {
      group.singles.push(m)
      years.add(m.start)
    }
  }
  groups.count += Math.max(0, to - from)
}

// Rows arrays are never mutated once made (stores replace them), so a grouping stays valid for the array's lifetime.
const groupsCache = new WeakMap<readonly Metric[], LayerGroups>()

/** Keeps a grouping built elsewhere (in slices) for layerGroups to find. */
export function rememberLayerGroups(rows: readonly Metric[], groups: LayerGroups): void {
  if (groups.count === rows.length) groupsCache.set(rows, groups)
}

/** A dataset's rows grouped by indicator (cached per array). */
export function layerGroups(rows: readonly Metric[]): LayerGroups {
  const cached = groupsCache.get(rows)
  if (cached && cached.count === rows.length) return cached
  const groups = createLayerGroups()
  addLayerRows(groups, rows, 0, rows.length)
  groupsCache.set(rows, groups)
  return groups
}

/** The figures of one district|indicator|period, lowest layer first, with where each was read. */
interface Stack {
  rows: Metric[]
  layers: number[]
  at: number[]
  emitted: boolean
}

/** district → start → end → stack: exact keys without building a string per row. */
type KeyTable = Map<string, Map<number, Map<number, Stack>>>

function findStack(table: KeyTable, m: Metric): Stack | undefined {
  return table.get(m.district)?.get(m.start)?.get(m.end)
}

function stackFor(table: KeyTable, m: Metric): Stack {
  let byStart = table.get(m.district)
  if (!byStart) table.set(m.district, (byStart = new Map()))
  let byEnd = byStart.get(m.start)
  if (!byEnd) byStart.set(m.start, (byEnd = new Map()))
  let stack = byEnd.get(m.end)
  if (!stack) byEnd.set(m.end, (stack = { rows: [], layers: [], at: [], emitted: false }))
  return stack
}

interface Holder {
  layer: number
  group: LayerGroup
  unique: boolean
}

function winner(stack: Stack): Metric {
  return stack.rows[stack.rows.length - 1] as Metric
}

/**
 * Resolves one indicator across the layers that hold it. The largest holder whose keys are known unique is only
 * probed against the others' keys, never hashed: a million-row import over the built-in data costs a Set lookup per
 * row, not a Map entry.
 */
function resolveIndicator(holders: readonly Holder[], overlaps: Stack[]): { rows: Metric[]; singles: Metric[] } {
  let anchor: Holder | null = null
  for (const h of holders) if (h.unique && (!anchor || h.group.rows.length > anchor.group.rows.length)) anchor = h
  const table: KeyTable = new Map()
  // Start years of the hashed rows that the anchor has too: only anchor rows with one of these can collide.
  const starts = new Set<number>()
  const stacksOf = new Map<Holder, Stack[]>()
  for (const h of holders) {
    if (h === anchor) continue
    const { rows, at } = h.group
    const own: Stack[] = []
    for (let i = 0; i < rows.length; i++) {
      const m = rows[i] as Metric
      const stack = stackFor(table, m)
      stack.rows.push(m)
      stack.layers.push(h.layer)
      stack.at.push(at[i] ?? i)
      own.push(stack)
      if (anchor?.group.starts.has(m.start)) starts.add(m.start)
    }
    stacksOf.set(h, own)
  }
  // Rows of the anchor that share a key with another layer, by position in the anchor's group.
  const hits = new Map<number, Stack>()
  if (anchor && starts.size > 0) {
    const { rows, at } = anchor.group
    for (let i = 0; i < rows.length; i++) {
      const m = rows[i] as Metric
      if (!starts.has(m.start)) continue
      const stack = findStack(table, m)
      if (!stack) continue
      let k = 0
      while (k < stack.layers.length && (stack.layers[k] ?? 0) < anchor.layer) k++
      stack.rows.splice(k, 0, m)
      stack.layers.splice(k, 0, anchor.layer)
      stack.at.splice(k, 0, at[i] ?? i)
      hits.set(i, stack)
    }
  }
  let out: Metric[] = []
  let singles: Metric[] = []
  const emit = (m: Metric): void => {
    out.push(m)
    if (m.start === m.end) singles.push(m)
  }
  for (const h of holders) {
    const rows = h.group.rows
    if (h === anchor && hits.size === 0) {
      out = out.concat(rows)
      singles = singles.concat(h.group.singles)
      continue
    }
    const own = stacksOf.get(h)
    for (let i = 0; i < rows.length; i++) {
      const stack = own ? own[i] : hits.get(i)
      if (!stack) emit(rows[i] as Metric)
      else if (!stack.emitted) {
        stack.emitted = true
        emit(winner(stack))
        if (stack.rows.length > 1) overlaps.push(stack)
      }
    }
  }
  return { rows: out, singles }
}

function toConflict(stack: Stack): Conflict {
  const used = winner(stack)
  const overridden = stack.rows.slice(0, -1)
  return {
    key: figureKey(used),
    district: used.district,
    indicator: used.indicator,
    period: used.period,
    used,
    overridden,
    sameValue: overridden.every((o) => o.value === used.value && o.qualifier === used.qualifier),
  }
}

/** Stacks dataset layers (low → high priority) indicator by indicator; same rule as resolveLayers, grouped for lookups. */
export function indexLayers(layers: ReadonlyArray<DatasetLayer>): MetricIndex {
  const holdersOf = new Map<string, Holder[]>()
  const years = new Set<number>()
  layers.forEach((layer, i) => {
    const groups = layerGroups(layer.metrics)
    for (const y of groups.years) years.add(y)
    for (const [indicator, group] of groups.byIndicator) {
      const holder: Holder = { layer: i, group, unique: layer.keysUnique === true }
      const list = holdersOf.get(indicator)
      if (list) list.push(holder)
      else holdersOf.set(indicator, [holder])
    }
  })
  const byIndicator = new Map<string, readonly Metric[]>()
  const singlesByIndicator = new Map<string, readonly Metric[]>()
  const districtsByIndicator = new Map<string, ReadonlySet<string>>()
  const overlaps: Stack[] = []
  for (const [indicator, holders] of holdersOf) {
    const only = holders.length === 1 ? holders[0] : undefined
    if (only?.unique) {
      byIndicator.set(indicator, only.group.rows)
      singlesByIndicator.set(indicator, only.group.singles)
    } else {
      const { rows, singles } = resolveIndicator(holders, overlaps)
      byIndicator.set(indicator, rows)
      singlesByIndicator.set(indicator, singles)
    }
    // Stacking replaces figures but never removes a district from an indicator.
    districtsByIndicator.set(
      indicator,
      only ? only.group.districts : new Set(holders.flatMap((h) => [...h.group.districts])),
    )
  }
  overlaps.sort((a, b) => (a.layers[0] ?? 0) - (b.layers[0] ?? 0) || (a.at[0] ?? 0) - (b.at[0] ?? 0))
  return {
    byIndicator,
    singlesByIndicator,
    districtsByIndicator,
    years: [...years].sort((a, b) => a - b),
    conflicts: overlaps.map(toConflict),
  }
}

/** Every figure in force in reading order (each key where it was first read), given the conflicts indexLayers found. */
export function flattenLayers(layers: ReadonlyArray<DatasetLayer>, conflicts: readonly Conflict[]): Metric[] {
  // Without conflicts every key occurs once: the layers simply follow one another.
  if (conflicts.length === 0) return ([] as Metric[]).concat(...layers.map((l) => l.metrics))
  const conflictOf = new Map<Metric, Conflict>()
  for (const c of conflicts) {
    for (const m of c.overridden) conflictOf.set(m, c)
    conflictOf.set(c.used, c)
  }
  const done = new Set<Conflict>()
  const out: Metric[] = []
  for (const layer of layers) {
    for (const m of layer.metrics) {
      const c = conflictOf.get(m)
      if (!c) out.push(m)
      else if (!done.has(c)) {
        done.add(c)
        out.push(c.used)
      }
    }
  }
  return out
}

/** The figure in force with this metricKey (`district|indicator|period|dataset`), or null. */
export function findMetric(index: MetricIndex, key: string): Metric | null {
  const indicator = key.split('|')[1] ?? ''
  return index.byIndicator.get(indicator)?.find((m) => metricKey(m) === key) ?? null
}

/** Figures to pick from: one flat list, or the lists per indicator of a MetricIndex. */
export type FigureSource = readonly Metric[] | ReadonlyMap<string, readonly Metric[]>

/** The rows of a source worth scanning for one indicator (a flat list is scanned whole). */
export function figuresOf(source: FigureSource, indicator: string): readonly Metric[] {
  return 'get' in source ? (source.get(indicator) ?? []) : source
}
