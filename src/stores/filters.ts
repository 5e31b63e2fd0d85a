import { defineStore, storeToRefs } from 'pinia'
import { computed } from 'vue'
import { parseFilterQuery, toFilterQuery, type Filters } from '../domain/filter-query'
import { parseTableState, toTableQuery } from '../domain/table-state'
import { useDatasetsStore } from './datasets'
import { useLocationStore } from './location'

/** Filters live in the URL query: this store only reads and writes it, so links and back/forward just work. */
export const useFiltersStore = defineStore('filters', () => {
  const location = useLocationStore()
  const { catalogue } = storeToRefs(useDatasetsStore())
  const districtIds = computed(() => catalogue.value.districts.map((d) => d.id))

  const filters = computed<Filters>(() => parseFilterQuery(location.query, districtIds.value))

  /** Applies a change as a new history entry (so Back undoes it). */
  function update(patch: Partial<Filters>, mode: 'push' | 'replace' = 'push'): void {
    performance.mark('filter-change')
    const next = { ...filters.value, ...patch }
    // The data table's own filters and sort stay in the link while the table is shown.
    const table = next.view === 'table' ? toTableQuery(parseTableState(location.query)) : {}
    location.navigate({ ...toFilterQuery(next, districtIds.value), ...table }, mode)
  }

  return { filters, update, districtIds }
})
