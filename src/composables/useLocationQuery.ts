import { computed, shallowRef, type ComputedRef } from 'vue'
import type { QueryLike } from '../domain/filter-query'
import { formatSearch, parseSearch } from '../domain/location-query'

/** The page's URL query, kept in step with history.pushState/replaceState and Back/Forward. */
export interface LocationQuery {
  query: ComputedRef<QueryLike>
  /** Writes a new query: 'push' adds a history entry (Back undoes it), 'replace' rewrites the current one. */
  navigate(next: Readonly<Record<string, string>>, mode: 'push' | 'replace'): void
}

let shared: LocationQuery | null = null

function createLocationQuery(): LocationQuery {
  const query = shallowRef<QueryLike>(parseSearch(location.search))
  // One listener for the page's lifetime: the query is page state, not a component's.
  window.addEventListener('popstate', () => {
    query.value = parseSearch(location.search)
  })
  function navigate(next: Readonly<Record<string, string>>, mode: 'push' | 'replace'): void {
    const url = `${location.pathname}${formatSearch(next)}${location.hash}`
    if (url === `${location.pathname}${location.search}${location.hash}`) return
    if (mode === 'push') history.pushState(history.state, '', url)
    else history.replaceState(history.state, '', url)
    query.value = parseSearch(location.search)
  }
  return { query: computed(() => query.value), navigate }
}

/**
 * The URL query of this page. Filters live there, so links and Back/Forward just work; the view is a query
 * parameter too, so the built site needs no server rewrites and runs from file://.
 */
export function useLocationQuery(): LocationQuery {
  shared ??= createLocationQuery()
  return shared
}
