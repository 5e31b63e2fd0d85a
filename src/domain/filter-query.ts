import { CATEGORIES, type Category } from '../types/domain'
import type { Locale } from '../types/locale'
import { isPerHeadBase, type PerHeadBase } from './per-head'

/** The dashboard's views, each reachable by URL. */
export const VIEWS = ['overview', 'category', 'indicator', 'district', 'table', 'brief'] as const
/** A dashboard view. */
export type ViewId = (typeof VIEWS)[number]

/** Everything a link must reproduce. */
export interface Filters {
  view: ViewId
  /** A single year, or each district's latest figure. */
  year: number | 'latest'
  /** Selected district ids, in catalogue order. */
  districts: string[]
  category: Category
  indicator: string | null
  district: string | null
  /** Show multi-year cumulative figures whose span contains the chosen year. */
  cumulative: boolean
  lang: Locale
  /** Free-text search of the data table. */
  q: string
  /** Per-head view of the scorecard (每万名会员); absent (older links) = off. */
  per?: PerHeadBase
}

/** A URL query: every value a string or a list of strings. */
export type QueryLike = Record<string, string | null | undefined | (string | null)[]>

function first(v: QueryLike[string]): string | undefined {
  const x = Array.isArray(v) ? v[0] : v
  return x ?? undefined
}

/** Reads filters from a URL query; unknown or malformed values fall back to defaults. */
export function parseFilterQuery(query: QueryLike, districtIds: readonly string[]): Filters {
  const view = first(query.view)
  const yearRaw = first(query.year)
  const year = yearRaw && /^\d{4}$/.test(yearRaw) ? Number(yearRaw) : 'latest'
  const wanted = (first(query.districts) ?? '').split(',').filter(Boolean)
  const districts = wanted.length ? districtIds.filter((id) => wanted.includes(id)) : [...districtIds]
  const category = first(query.category)
  const district = first(query.district)
  const per = first(query.per)
  return {
    view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as ViewId) : 'overview',
    year,
    districts: districts.length ? districts : [...districtIds],
    category: (CATEGORIES as readonly string[]).includes(category ?? '') ? (category as Category) : 'organising',
    indicator: first(query.indicator) ?? null,
    district: district && districtIds.includes(district) ? district : null,
    cumulative: first(query.cumulative) === '1',
    lang: first(query.lang) === 'en' ? 'en' : 'zh-CN',
    q: first(query.q) ?? '',
    ...(isPerHeadBase(per) ? { per } : {}),
  }
}

/** Writes filters as a minimal query: defaults are left out so links stay short. */
export function toFilterQuery(f: Filters, districtIds: readonly string[]): Record<string, string> {
  const q: Record<string, string> = {}
  if (f.view !== 'overview') q.view = f.view
  if (f.year !== 'latest') q.year = String(f.year)
  const all = f.districts.length === districtIds.length && districtIds.every((id) => f.districts.includes(id))
  if (!all) q.districts = districtIds.filter((id) => f.districts.includes(id)).join(',')
  if (f.view === 'category') q.category = f.category
  if (f.view === 'indicator' && f.indicator) q.indicator = f.indicator
  if (f.view === 'district' && f.district) q.district = f.district
  if (f.cumulative) q.cumulative = '1'
  if (f.lang === 'en') q.lang = 'en'
  if (f.view === 'table' && f.q) q.q = f.q
  if (f.per) q.per = f.per
  return q
}
