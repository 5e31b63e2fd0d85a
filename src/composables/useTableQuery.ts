import { onScopeDispose, ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import type { Catalogue, Metric } from '../types/domain'
import type { TableQuery, TableSortKey } from '../domain/table-rows'
import { queryTableSteps, runTableQuery, TABLE_SLICE, type TableQueryResult } from '../domain/table-query'
import { useRenderStore } from '../stores/render'
import type { Locale } from '../types/locale'

/** What the table asks for. */
export interface TableQueryInput {
  metrics: readonly Metric[]
  catalogue: Catalogue
  locale: Locale
  query: TableQuery
  key: TableSortKey
  dir: 'asc' | 'desc'
}

/** The latest answer (with the figures its indices point into) and whether a newer one is being worked out. */
export interface UseTableQueryReturn {
  result: ShallowRef<(TableQueryResult & { metrics: readonly Metric[] }) | null>
  pending: Ref<boolean>
}

// Work per task before letting the page paint and take input: well under the 50 ms of a long task.
const TASK_BUDGET_MS = 12
const RENDER_ID = 'data-table'

/**
 * Filters and sorts the table's figures: at once for a small table, else a few milliseconds per task, so a million
 * imported figures never block the page; the page is not "ready" until the rows it shows are sorted.
 */
export function useTableQuery(input: () => TableQueryInput): UseTableQueryReturn {
  const render = useRenderStore()
  const result: UseTableQueryReturn['result'] = shallowRef(null)
  const pending = ref(false)
  let run = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  function settle(): void {
    clearTimeout(timer)
    if (pending.value) render.end(RENDER_ID)
    pending.value = false
  }

  function start(next: TableQueryInput): void {
    const own = ++run
    settle()
    const steps = queryTableSteps(next.metrics, next.catalogue, next.locale, next.query, next.key, next.dir)
    if (next.metrics.length <= TABLE_SLICE) {
      result.value = { ...runTableQuery(steps), metrics: next.metrics }
      return
    }
    pending.value = true
    render.begin(RENDER_ID)
    const work = (): void => {
      if (own !== run) return
      const until = performance.now() + TASK_BUDGET_MS
      for (;;) {
        const step = steps.next()
        if (step.done) {
          result.value = { ...step.value, metrics: next.metrics }
          settle()
          return
        }
        if (performance.now() >= until) break
      }
      timer = setTimeout(work, 0)
    }
    timer = setTimeout(work, 0)
  }

  watch(input, start, { immediate: true })
  onScopeDispose(() => {
    run++
    settle()
  })
  return { result, pending }
}
