import { computed, type ComputedRef } from 'vue'
import { storeToRefs } from 'pinia'
import { toFilterQuery } from '../domain/filter-query'
import { parseTableState, toTableQuery, type TableState } from '../domain/table-state'
import { useFiltersStore } from '../stores/filters'
import { useLocationStore } from '../stores/location'
import type { HistoryMode } from './useStepHistory'

/** Return of useTableState. */
export interface UseTableStateReturn {
  state: ComputedRef<TableState>
  /** Applies a change to the table's filters or order, as a new history entry unless told to replace. */
  update: (patch: Partial<TableState>, mode?: HistoryMode) => void
}

/** The data table's filters and sort, kept in the URL beside the app's filters (a link or reload restores them). */
export function useTableState(): UseTableStateReturn {
  const location = useLocationStore()
  const filtersStore = useFiltersStore()
  const { filters, districtIds } = storeToRefs(filtersStore)
  const state = computed(() => parseTableState(location.query))
  function update(patch: Partial<TableState>, mode: HistoryMode = 'push'): void {
    const next = { ...state.value, ...patch }
    location.navigate({ ...toFilterQuery(filters.value, districtIds.value), ...toTableQuery(next) }, mode)
  }
  return { state, update }
}
