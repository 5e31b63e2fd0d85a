import { defineStore, storeToRefs } from 'pinia'
import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { parseFilterQuery, toFilterQuery, type Filters, type QueryLike } from '../domain/filter-query'
import { useDatasetsStore } from './datasets'

/** Filters live in the URL query: this store only reads and writes the route, so links and back/forward just work. */
export const useFiltersStore = defineStore('filters', () => {
  const route = useRoute()
  const router = useRouter()
  const { catalogue } = storeToRefs(useDatasetsStore())
  const districtIds = computed(() => catalogue.value.districts.map((d) => d.id))

  const filters = computed<Filters>(() => parseFilterQuery(route.query as QueryLike, districtIds.value))

  /** Applies a change as a new history entry (so Back undoes it). */
  function update(patch: Partial<Filters>, mode: 'push' | 'replace' = 'push'): Promise<unknown> {
    performance.mark('filter-change')
    const next = { ...filters.value, ...patch }
    const query = toFilterQuery(next, districtIds.value)
    return mode === 'push' ? router.push({ query }) : router.replace({ query })
  }

  return { filters, update, districtIds }
})
