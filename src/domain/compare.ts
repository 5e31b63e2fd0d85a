import type { Metric, Qualifier, Unit } from '../types/domain'
import { compactParts, formatCompact, unitLabel, type Locale } from './format'
import { isCumulativeMetric, metricPeriod, periodKey } from './metric'
import { formatPeriod, periodContains, spanYears } from './periods'
import { collator, listFormat, numberFormat } from './intl'

/** A year, or each district's most recent figure. */
export type YearChoice = number | 'latest'

/** One requested district and the figure chosen for it (null when it has none). */
export interface FigureEntry {
  district: string
  metric: Metric | null
}

/** What to pick for a comparison. */
export interface SelectOptions {
  year: YearChoice
  includeCumulative: boolean
  districts: string[]
  indicator: string
}

/** Picks the later of two equally good candidates, so higher-priority rows (later in the list) win. */
function better<T>(best: T | null, candidate: T, isBetter: (a: T, b: T) => boolean): T {
  return best === null || !isBetter(best, candidate) ? candidate : best
}

/** The best figures seen so far for one district. */
interface DistrictPick {
  single: Metric | null
  cumulative: Metric | null
}

/** Weighs one more of a district's figures under the year rule (rows in priority order). */
function consider(pick: DistrictPick, m: Metric, year: YearChoice, includeCumulative: boolean): void {
  if (!isCumulativeMetric(m)) {
    if (year === 'latest') pick.single = better(pick.single, m, (a, b) => a.start > b.start)
    else if (m.start === year) pick.single = m
  } else if (includeCumulative) {
    if (year === 'latest') {
      pick.cumulative = better(
        pick.cumulative,
        m,
        (a, b) => a.end > b.end || (a.end === b.end && spanYears(a) < spanYears(b)),
      )
    } else if (periodContains(metricPeriod(m), year)) {
      pick.cumulative = better(
        pick.cumulative,
        m,
        (a, b) => spanYears(a) < spanYears(b) || (spanYears(a) === spanYears(b) && a.end > b.end),
      )
    }
  }
}

/** One entry per requested district, in order: the single-year figure for the year (or the latest), falling back to a cumulative one only when allowed. */
export function selectFigures(metrics: readonly Metric[], opts: SelectOptions): FigureEntry[] {
  // One pass, no per-district lists: charts call this on every filter change, over up to a million rows.
  const picks = new Map<string, DistrictPick>()
  for (const district of opts.districts) picks.set(district, { single: null, cumulative: null })
  for (const m of metrics) {
    // Cheapest test first: most rows of a big import are multi-year totals.
    if (!opts.includeCumulative && m.end > m.start) continue
    if (m.indicator !== opts.indicator) continue
    const pick = picks.get(m.district)
    if (pick) consider(pick, m, opts.year, opts.includeCumulative)
  }
  return opts.districts.map((district) => {
    const pick = picks.get(district)
    return { district, metric: pick ? (pick.single ?? pick.cumulative) : null }
  })
}

/** Why a set of figures is not like-for-like. */
export type Reason =
  | { kind: 'periods-differ'; periods: string[] }
  | { kind: 'cumulative-mixed'; cumulative: string[] }
  | { kind: 'scope-note'; district: string; note: string }

/** Verdict on whether figures can be compared directly. */
export interface Comparability {
  likeForLike: boolean
  reasons: Reason[]
}

/** Words in a note that signal a restricted or widened scope (口径). */
export const SCOPE_MARKERS = [
  '仅',
  '只',
  '其中',
  '不含',
  '含',
  'only',
  'excluding',
  'including',
  'scope',
  '口径',
] as const

/** Whether a note states a scope restriction. */
export function hasScopeNote(note: string): boolean {
  const lower = note.toLowerCase()
  return SCOPE_MARKERS.some((w) => lower.includes(w))
}

/** Lists every reason the present figures are not like-for-like (different periods, multi-year totals among single years, scope notes). */
export function comparability(entries: ReadonlyArray<FigureEntry>): Comparability {
  const present = entries.flatMap((e) => (e.metric ? [{ district: e.district, metric: e.metric }] : []))
  const reasons: Reason[] = []
  const periods = [...new Set(present.map((e) => periodKey(e.metric)))]
  if (periods.length > 1) reasons.push({ kind: 'periods-differ', periods })
  const cumulative = present.filter((e) => isCumulativeMetric(e.metric)).map((e) => e.district)
  if (cumulative.length > 0 && cumulative.length < present.length)
    reasons.push({ kind: 'cumulative-mixed', cumulative })
  for (const e of present) {
    if (hasScopeNote(e.metric.note)) reasons.push({ kind: 'scope-note', district: e.district, note: e.metric.note })
  }
  return { likeForLike: reasons.length === 0, reasons }
}

/** Indicator ids reported (any period) by at least minDistricts districts, most widely reported first, then by id. */
export function sharedIndicators(metrics: readonly Metric[], minDistricts = 2): string[] {
  const districts = new Map<string, Set<string>>()
  for (const m of metrics) {
    const set = districts.get(m.indicator) ?? new Set<string>()
    set.add(m.district)
    districts.set(m.indicator, set)
  }
  return rankSharedIndicators(districts, minDistricts)
}

/** sharedIndicators from districts already counted per indicator (MetricIndex.districtsByIndicator). */
export function rankSharedIndicators(
  districtsByIndicator: ReadonlyMap<string, ReadonlySet<string>>,
  minDistricts = 2,
): string[] {
  return [...districtsByIndicator.entries()]
    .filter(([, set]) => set.size >= minDistricts)
    .sort(([a, sa], [b, sb]) => sb.size - sa.size || (a < b ? -1 : a > b ? 1 : 0))
    .map(([id]) => id)
}

/** The same district's single-year figure for the latest year before m (null for cumulative m or when none exists). */
export function previousFigure(metrics: readonly Metric[], m: Metric): Metric | null {
  if (isCumulativeMetric(m)) return null
  let best: Metric | null = null
  for (const o of metrics) {
    if (o.district !== m.district || o.indicator !== m.indicator || isCumulativeMetric(o) || o.start >= m.start)
      continue
    best = better(best, o, (a, b) => a.start > b.start)
  }
  return best
}

/** Everything buildTakeaway needs; year is optional and inferred from the figures when absent. */
export interface TakeawayInput {
  entries: ReadonlyArray<FigureEntry>
  allMetrics: readonly Metric[]
  districtName: (id: string) => string
  indicatorName: string
  unit: Unit
  locale: Locale
  /** The year the figures were selected for; 'latest' makes missing districts read '无数据' without a year. */
  year?: YearChoice
}

interface Present {
  district: string
  name: string
  metric: Metric
}

/** Takeaway phrasing per locale; every sentence part comes from here. */
interface Phrases {
  sep: string
  end: string
  list: (names: string[]) => string
  value: (m: Pick<Metric, 'value' | 'qualifier'>) => string
  short: (m: Pick<Metric, 'value' | 'qualifier'>) => string
}

const ZH_QUALIFIER: Record<Qualifier, string> = { exact: '', approx: '约 ', at_least: '至少 ', at_most: '至多 ' }
const EN_QUALIFIER: Record<Qualifier, string> = {
  exact: '',
  approx: 'about ',
  at_least: 'at least ',
  at_most: 'at most ',
}

/** Joins Chinese text and a value, with the customary space only before a digit ('工会 642 家', '工会至少 642 家'). */
function zhJoin(text: string, value: string): string {
  return /^[\d-]/.test(value) ? `${text} ${value}` : text + value
}

/** zh '97.89 万元' / '642 家' / '85%'; en '978.9K yuan' / '642 orgs'. */
function spacedValue(value: number, unit: Unit, locale: Locale): string {
  const { number, suffix } = compactParts(value, locale)
  const label = unitLabel(unit, locale, value)
  if (locale === 'zh-CN') return unit === '%' ? `${number}${suffix}%` : `${number} ${suffix}${label}`
  if (label === '') return number + suffix
  return unit === '%' ? `${number}${suffix}%` : `${number}${suffix} ${label}`
}

/** Separators, list joiner and value wording of one locale (values carry their qualifier as a word). */
function phrases(unit: Unit, locale: Locale): Phrases {
  if (locale === 'zh-CN') {
    const value = (m: Pick<Metric, 'value' | 'qualifier'>): string =>
      ZH_QUALIFIER[m.qualifier] + spacedValue(m.value, unit, locale)
    return { sep: '；', end: '', list: (names) => names.join('、'), value, short: value }
  }
  return {
    sep: '; ',
    end: '.',
    list: (names) => names.join(', '),
    value: (m) => EN_QUALIFIER[m.qualifier] + spacedValue(m.value, unit, locale),
    short: (m) => EN_QUALIFIER[m.qualifier] + formatCompact(m.value, locale) + (unit === '%' ? '%' : ''),
  }
}

/** How sure the ratio leader/next is: the stated ratio is a floor when the leader can only be higher and the next only lower. */
function ratioQualifier(leader: Qualifier, next: Qualifier): Qualifier {
  if (leader === 'exact' && next === 'exact') return 'exact'
  const leaderFloor = leader === 'exact' || leader === 'at_least'
  const leaderCeiling = leader === 'exact' || leader === 'at_most'
  const nextFloor = next === 'exact' || next === 'at_least'
  const nextCeiling = next === 'exact' || next === 'at_most'
  if (leaderFloor && nextCeiling) return 'at_least'
  if (leaderCeiling && nextFloor) return 'at_most'
  return 'approx'
}

const pctFormat = (locale: Locale): Intl.NumberFormat => numberFormat(locale, { maximumFractionDigits: 1 })

const FLIPPED: Record<Qualifier, Qualifier> = {
  exact: 'exact',
  approx: 'approx',
  at_least: 'at_most',
  at_most: 'at_least',
}

/** zh '较 2023 年增长 12.3%'; en 'up 12.3% on 2023'; percentage points for '%' indicators; null when there is no earlier figure. */
function changePhrase(current: Metric, previous: Metric | null, unit: Unit, locale: Locale): string | null {
  if (!previous) return null
  const year = previous.start
  const diff = current.value - previous.value
  if (diff === 0) {
    const exact = current.qualifier === 'exact' && previous.qualifier === 'exact'
    return locale === 'zh-CN'
      ? `与 ${year} 年${exact ? '' : '大致'}持平`
      : `${exact ? '' : 'about '}unchanged on ${year}`
  }
  const up = diff > 0
  // The change grows with the current figure and shrinks with the earlier one, like a ratio; a fall reads the bound the other way.
  const bound = ratioQualifier(current.qualifier, previous.qualifier)
  const q = up ? bound : FLIPPED[bound]
  const zhQ = ZH_QUALIFIER[q].trim()
  const enQ = EN_QUALIFIER[q]
  let amount: string
  if (unit === '%')
    amount =
      locale === 'zh-CN'
        ? `${pctFormat(locale).format(Math.abs(diff))} 个百分点`
        : `${pctFormat(locale).format(Math.abs(diff))} points`
  else if (previous.value <= 0) amount = spacedValue(Math.abs(diff), unit, locale)
  else amount = `${pctFormat(locale).format((Math.abs(diff) / previous.value) * 100)}%`
  const absolute = unit !== '%' && previous.value <= 0
  if (locale === 'zh-CN') {
    const verb = unit === '%' ? (up ? '上升' : '下降') : absolute ? (up ? '增加' : '减少') : up ? '增长' : '下降'
    return `较 ${year} 年${zhQ}${verb} ${amount}`
  }
  return `${up ? 'up' : 'down'} ${enQ}${amount} on ${year}`
}

/** The part about single-year figures that share one year: who leads and by how much, a tie, or a lone figure. */
function rankedSentence(group: Present[], year: number, input: TakeawayInput, p: Phrases): string {
  const { locale, indicatorName, unit } = input
  const zh = locale === 'zh-CN'
  const sorted = [...group].sort((a, b) => b.metric.value - a.metric.value)
  const first = sorted[0]
  if (!first) return ''
  const second = sorted[1]
  const head = (names: string): string =>
    zh ? `${year} 年${names}${indicatorName}` : `${indicatorName} ${year}: ${names}`
  const change = (m: Metric): string => {
    const c = changePhrase(m, previousFigure(input.allMetrics, m), unit, locale)
    return c === null ? '' : zh ? `（${c}）` : ` (${c})`
  }
  if (!second)
    return `${zh ? zhJoin(head(first.name), p.value(first.metric)) : `${head(first.name)} ${p.value(first.metric)}`}${change(first.metric)}`

  const tied = sorted.filter((e) => e.metric.value === first.metric.value)
  if (tied.length > 1) {
    const names = tied.map((e) => e.name)
    const sameQualifier = tied.every((e) => e.metric.qualifier === first.metric.qualifier)
    const nameList = zh ? names.join('、') : listFormat('en', { type: 'conjunction' }).format(names)
    if (!sameQualifier) {
      const each = tied.map((e) => (zh ? zhJoin(e.name, p.value(e.metric)) : `${e.name} ${p.value(e.metric)}`))
      return zh ? `${head(nameList)}并列（${each.join('，')}）` : `${head(nameList)} tie (${each.join(', ')})`
    }
    if (first.metric.value === 0)
      return zh
        ? zhJoin(`${head(nameList)}均为`, p.value(first.metric))
        : `${head(nameList)} each report ${p.value(first.metric)}`
    return zh
      ? zhJoin(`${head(nameList)}并列最多，均为`, p.value(first.metric))
      : `${head(nameList)} tie at ${p.value(first.metric)}`
  }

  const lead = first.metric
  const next = second.metric
  const topOfMany = sorted.length > 2
  let comparison: string
  if (next.value <= 0) {
    comparison = zh ? zhJoin(`${second.name}为`, p.value(next)) : `${second.name} at ${p.short(next)}`
  } else {
    const ratio = lead.value / next.value
    const ratioText = ratio.toFixed(2)
    if (ratioText === '1.00') {
      comparison = zh ? `略多于${second.name}（${p.value(next)}）` : `just above ${second.name} (${p.short(next)})`
    } else {
      const q = ratioQualifier(lead.qualifier, next.qualifier)
      comparison = zh
        ? `${ZH_QUALIFIER[q].trim()}为${second.name}（${p.value(next)}）的 ${ratioText} 倍`
        : `${EN_QUALIFIER[q]}${ratioText}× ${second.name} (${p.short(next)})`
    }
  }
  if (zh) return `${zhJoin(head(first.name), p.value(lead))}${change(lead)}，${topOfMany ? '居首，' : ''}${comparison}`
  return `${head(first.name)} leads with ${p.value(lead)}${change(lead)}, ${comparison}`
}

/** The part about single-year figures from different years: each named with its year, nobody ranked. */
function mixedYearsSentence(singles: Present[], input: TakeawayInput, p: Phrases): string {
  const zh = input.locale === 'zh-CN'
  const sorted = [...singles].sort((a, b) => b.metric.start - a.metric.start)
  const parts = sorted.map((e, i) =>
    zh
      ? zhJoin(`${e.name} ${e.metric.start} 年${i === 0 ? input.indicatorName : ''}`, p.value(e.metric))
      : `${e.name} ${p.value(e.metric)} in ${e.metric.start}`,
  )
  return zh
    ? `${parts.join('；')}（年份不同，不直接比较）`
    : `${input.indicatorName}: ${parts.join('; ')} (different years, not compared directly)`
}

/** One line summarising the comparison, claiming only what the figures support (see tests for the wording). */
export function buildTakeaway(input: TakeawayInput): string {
  const { entries, locale, indicatorName, districtName } = input
  if (entries.length === 0) return ''
  const zh = locale === 'zh-CN'
  const p = phrases(input.unit, locale)
  const present: Present[] = entries.flatMap((e) =>
    e.metric ? [{ district: e.district, name: districtName(e.district), metric: e.metric }] : [],
  )
  const singles = present.filter((e) => !isCumulativeMetric(e.metric))
  const cumulative = present.filter((e) => isCumulativeMetric(e.metric))
  const singleYears = [...new Set(singles.map((e) => e.metric.start))]
  const year: YearChoice =
    input.year ?? (singleYears.length === 1 && singleYears[0] !== undefined ? singleYears[0] : 'latest')

  const segments: string[] = []
  const onlyYear = singleYears.length === 1 ? singleYears[0] : undefined
  if (onlyYear !== undefined) segments.push(rankedSentence(singles, onlyYear, input, p))
  else if (singleYears.length > 1) segments.push(mixedYearsSentence(singles, input, p))

  cumulative.forEach((e, i) => {
    const span = formatPeriod(metricPeriod(e.metric), locale)
    const withName = segments.length === 0 && i === 0
    segments.push(
      zh
        ? zhJoin(`${e.name} ${span} 累计${withName ? indicatorName : ''}`, p.value(e.metric))
        : `${withName ? `${indicatorName}: ` : ''}${e.name} ${span} total ${p.value(e.metric)}`,
    )
  })

  const byName = collator(locale)
  const missing = entries
    .filter((e) => !e.metric)
    .map((e) => districtName(e.district))
    .sort(byName.compare)
  if (missing.length > 0) {
    const names = p.list(missing)
    const all = present.length === 0
    if (zh) {
      const when = year === 'latest' ? '' : ` ${year} 年`
      segments.push(
        all ? `${names}${missing.length > 1 ? '均' : ''}无${when}${indicatorName}数据` : `${names}无${when}数据`,
      )
    } else {
      const when = year === 'latest' ? '' : ` ${year}`
      segments.push(all ? `${indicatorName}: no${when} figure for ${names}` : `no${when} figure for ${names}`)
    }
  }
  const line = segments.join(p.sep) + p.end
  return zh ? line : line.charAt(0).toUpperCase() + line.slice(1)
}
