import { sourceLabel } from './source'
import type { Catalogue, Category, Measure, Method, Metric, Qualifier, Status } from '../types/domain'
import { collator, localName, localText } from './intl'
import { periodContains } from './periods'
import type { Locale } from '../types/locale'

/** One row of the data table, every cell already text (what is shown is what is exported). */
export interface TableRow {
  key: string
  district: string
  districtName: string
  indicator: string
  indicatorName: string
  category: Category | ''
  period: string
  end: number
  value: number
  unit: string
  qualifier: Qualifier
  source: string
  sourceTitle: string
  quote: string
  note: string
  measure: Measure
  basis: string
  status: Status
  method: Method
  dataset: string
}

/** Sortable columns of the data table. */
export const TABLE_SORT_KEYS = ['districtName', 'indicatorName', 'category', 'period', 'value', 'sourceTitle'] as const
/** A sortable column. */
export type TableSortKey = (typeof TABLE_SORT_KEYS)[number]

/** Joins figures with their catalogue names for the table. */
export function toTableRows(metrics: readonly Metric[], catalogue: Catalogue, locale: Locale): TableRow[] {
  const d = new Map(catalogue.districts.map((x) => [x.id, x]))
  const i = new Map(catalogue.indicators.map((x) => [x.id, x]))
  const s = new Map(catalogue.sources.map((x) => [x.id, x]))
  return metrics.map((m) => {
    const dist = d.get(m.district)
    const ind = i.get(m.indicator)
    return {
      key: `${m.district}|${m.indicator}|${m.period}|${m.dataset}`,
      district: m.district,
      districtName: dist ? localName(dist, locale) : m.district,
      indicator: m.indicator,
      indicatorName: ind ? localName(ind, locale) : m.indicator,
      category: ind?.category ?? '',
      period: m.period,
      end: m.end,
      value: m.value,
      unit: ind?.unit ?? '',
      qualifier: m.qualifier,
      source: m.source,
      sourceTitle: ((src) => (src ? sourceLabel(src, locale) : m.source))(s.get(m.source)),
      quote: m.quote,
      // An English reader gets the English note where the data give one; the quote stays the report's words.
      note: localText(m.note, m.noteEn, locale),
      measure: m.measure,
      basis: m.basis,
      status: m.status,
      method: m.method,
      dataset: m.dataset,
    }
  })
}

/** Table filters: empty means "any". */
export interface TableQuery {
  districts: readonly string[]
  /** The app's year filter: 'latest' lists every period (the table is the whole record, not one pick per district). */
  year: number | 'latest'
  /** The app's "show multi-year totals" filter: with a year, a total whose span holds it is listed only when on. */
  cumulative: boolean
  category: Category | ''
  indicator: string
  period: string
  text: string
}

/**
 * Whether a figure belongs to the chosen year as the charts treat it (selectFigures): a single year's figure of that
 * year, and a multi-year total whose span holds the year only when totals are shown. 'latest' lets every figure in.
 */
export function matchesTableYear(
  m: Pick<Metric, 'start' | 'end'>,
  year: number | 'latest',
  cumulative: boolean,
): boolean {
  if (year === 'latest') return true
  if (m.start === m.end) return m.start === year
  return cumulative && periodContains(m, year)
}

/** Keeps the rows matching every filter; text matches names, ids, period, quote, note and source, case-insensitively. */
export function filterTableRows(rows: readonly TableRow[], q: TableQuery): TableRow[] {
  const needle = q.text.trim().toLowerCase()
  return rows.filter(
    (r) =>
      q.districts.includes(r.district) &&
      matchesTableYear(periodOfRow(r), q.year, q.cumulative) &&
      (!q.category || r.category === q.category) &&
      (!q.indicator || r.indicator === q.indicator) &&
      (!q.period || r.period === q.period) &&
      (!needle ||
        [r.districtName, r.indicatorName, r.indicator, r.period, r.quote, r.note, r.sourceTitle, r.source].some((f) =>
          f.toLowerCase().includes(needle),
        )),
  )
}

function periodOfRow(r: Pick<TableRow, 'period' | 'end'>): { start: number; end: number } {
  return { start: Number(r.period.slice(0, 4)), end: r.end }
}

/** Sorts a copy of the rows by one column; ties keep district then indicator order. */
export function sortTableRows(rows: readonly TableRow[], key: TableSortKey, dir: 'asc' | 'desc'): TableRow[] {
  const sign = dir === 'asc' ? 1 : -1
  const byText = collator('zh-CN', { numeric: true })
  return [...rows].sort((a, b) => {
    const av = a[key]
    const bv = b[key]
    const c = typeof av === 'number' && typeof bv === 'number' ? av - bv : byText.compare(String(av), String(bv))
    return c !== 0 ? sign * c : byText.compare(a.district + a.indicator, b.district + b.indicator)
  })
}
