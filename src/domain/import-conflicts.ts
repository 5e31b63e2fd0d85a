import type { Metric, Unit } from '../types/domain'
import type { Conflict } from './metric-index'
import { formatMetricValue } from './format'
import type { Locale } from '../types/locale'
import { periodKey } from './metric'

/** One value in a conflict: what it reads and which dataset gave it. */
export interface ConflictStep {
  value: string
  datasetId: string
  dataset: string
}

/** A conflict as the import panel lists it: names resolved, values formatted, lowest priority first. */
export interface ConflictRow {
  key: string
  district: string
  indicator: string
  period: string
  /** Every value given for the figure, lowest priority first; the last one is shown. */
  steps: ConflictStep[]
  sameValue: boolean
}

/** The labels a conflict list needs, already translated. */
export interface ConflictLabels {
  locale: Locale
  districtName: (id: string) => string
  indicator: (id: string) => { name: string; unit: Unit } | undefined
  datasetName: (id: string) => string
}

/** The rows to list and how many conflicts did not fit. */
export interface ConflictList {
  rows: ConflictRow[]
  more: number
}

/** Builds the rows of the conflict list (at most `limit`), keeping the order conflicts were found in. */
export function buildConflictRows(
  conflicts: readonly Conflict[],
  labels: ConflictLabels,
  limit = Number.POSITIVE_INFINITY,
): ConflictList {
  const shown = conflicts.slice(0, Math.max(0, limit))
  const rows = shown.map((c): ConflictRow => {
    const indicator = labels.indicator(c.indicator)
    const step = (m: Metric): ConflictStep => ({
      value: indicator ? formatMetricValue(m, indicator.unit, labels.locale, 'exact') : String(m.value),
      datasetId: m.dataset,
      dataset: labels.datasetName(m.dataset),
    })
    return {
      key: c.key,
      district: labels.districtName(c.district),
      indicator: indicator?.name ?? c.indicator,
      period: periodKey(c.used),
      steps: [...c.overridden.map(step), step(c.used)],
      sameValue: c.sameValue,
    }
  })
  return { rows, more: conflicts.length - shown.length }
}

/** How many conflicts each dataset wins, by dataset id (the panel shows it beside each import). */
export function countConflictsByDataset(conflicts: readonly Conflict[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const c of conflicts) counts.set(c.used.dataset, (counts.get(c.used.dataset) ?? 0) + 1)
  return counts
}
