import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { QueryLike } from '../domain/filter-query'
import { locationUrl, parseSearch } from '../domain/location-query'

/**
 * The page's URL query, kept in step with history.pushState/replaceState and Back/Forward. Filters live there, so
 * links and Back/Forward just work; the view is a query parameter too, so the built site needs no server rewrites
 * and runs from file://.
 */
export const useLocationStore = defineStore('location', () => {
  const query = shallowRef<QueryLike>(parseSearch(location.search))
  // One listener for the page's lifetime: the query is page state, not a component's.
  window.addEventListener('popstate', () => {
    query.value = parseSearch(location.search)
  })

  /**
   * Writes a new query: 'push' adds a history entry (Back undoes it), 'replace' rewrites the current one. Returns
   * false, touching no history, when the URL would not change.
   */
  function navigate(next: Readonly<Record<string, string>>, mode: 'push' | 'replace'): boolean {
    const url = locationUrl(location, next)
    if (url === null) return false
    if (mode === 'push') history.pushState(history.state, '', url)
    else history.replaceState(history.state, '', url)
    query.value = parseSearch(location.search)
    return true
  }
  return { query, navigate }
})
