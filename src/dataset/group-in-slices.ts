import type { Metric } from '../types/domain'
import { addLayerRows, createLayerGroups, rememberLayerGroups } from '../domain/metric-index'

// Rows grouped by indicator per task, so a million-row dataset goes live without stopping the page.
const GROUP_SLICE = 50_000

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/** Groups a big dataset's rows for the index in slices; a small one is grouped on first use. */
export async function groupInSlices(rows: readonly Metric[]): Promise<void> {
  if (rows.length <= GROUP_SLICE) return
  const groups = createLayerGroups()
  for (let from = 0; from < rows.length; from += GROUP_SLICE) {
    if (from > 0) await nextTask()
    addLayerRows(groups, rows, from, Math.min(rows.length, from + GROUP_SLICE))
  }
  rememberLayerGroups(rows, groups)
}
