import { CATEGORIES, type Category } from '../types/domain'
import type { QueryLike } from './filter-query'
import { TABLE_SORT_KEYS, type TableSortKey } from './table-rows'

/** The data table's own filters and order, as a link reproduces them (the app's year, districts and search aside). */
export interface TableState {
  category: Category | ''
  indicator: string
  period: string
  sort: TableSortKey
  dir: 'asc' | 'desc'
}

/** The table's order when the link says none: latest period first. */
export const DEFAULT_TABLE_STATE: TableState = { category: '', indicator: '', period: '', sort: 'period', dir: 'desc' }

/** Query keys the table owns (kept apart from the app's filters, which other views share). */
export const TABLE_QUERY_KEYS = ['tcategory', 'tindicator', 'tperiod', 'sort', 'dir'] as const

const PERIOD = /^\d{4}(?:-\d{4})?$/
const INDICATOR = /^[\w.-]{1,80}$/

function first(v: QueryLike[string]): string {
  const x = Array.isArray(v) ? v[0] : v
  return x ?? ''
}

/** Reads the table's state from a URL query; unknown or malformed values fall back to the defaults. */
export function parseTableState(query: QueryLike): TableState {
  const category = first(query.tcategory)
  const indicator = first(query.tindicator)
  const period = first(query.tperiod)
  const sort = first(query.sort)
  const dir = first(query.dir)
  const sortKey = (TABLE_SORT_KEYS as readonly string[]).includes(sort) ? (sort as TableSortKey) : null
  return {
    category: (CATEGORIES as readonly string[]).includes(category) ? (category as Category) : '',
    indicator: INDICATOR.test(indicator) ? indicator : '',
    period: PERIOD.test(period) ? period : '',
    sort: sortKey ?? DEFAULT_TABLE_STATE.sort,
    dir: sortKey && (dir === 'asc' || dir === 'desc') ? dir : sortKey ? defaultDir(sortKey) : DEFAULT_TABLE_STATE.dir,
  }
}

/** The direction a column sorts in when first chosen: numbers and periods largest first, names A–Z. */
export function defaultDir(key: TableSortKey): 'asc' | 'desc' {
  return key === 'value' || key === 'period' ? 'desc' : 'asc'
}

/** Writes the table's state as a minimal query: defaults are left out so links stay short. */
export function toTableQuery(s: TableState): Record<string, string> {
  const q: Record<string, string> = {}
  if (s.category) q.tcategory = s.category
  if (s.indicator) q.tindicator = s.indicator
  if (s.period) q.tperiod = s.period
  if (s.sort !== DEFAULT_TABLE_STATE.sort || s.dir !== DEFAULT_TABLE_STATE.dir) {
    q.sort = s.sort
    if (s.dir !== defaultDir(s.sort)) q.dir = s.dir
  }
  return q
}

/** The state after a click on a column's sort button: the same column flips, another starts in its own direction. */
export function nextSort(s: Pick<TableState, 'sort' | 'dir'>, key: TableSortKey): Pick<TableState, 'sort' | 'dir'> {
  if (s.sort === key) return { sort: key, dir: s.dir === 'asc' ? 'desc' : 'asc' }
  return { sort: key, dir: defaultDir(key) }
}
