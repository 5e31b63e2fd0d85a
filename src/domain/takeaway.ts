import type { BoundaryChange, Metric, Qualifier, Unit } from '../types/domain'
import { basisKey, breaksBetween, judgeSet } from './comparability'
import type { FigureEntry, YearChoice } from './compare'
import { compactParts, formatCompact, unitLabel } from './format'
import type { Locale } from '../types/locale'
import { collator, listFormat, numberFormat } from './intl'
import { isCumulativeMetric, metricPeriod } from './metric'
import { formatPeriod } from './periods'
import { summariseReasons, type ReasonContext } from './reason-text'

/** The district's earlier figure that counts the same thing, or why none may be set against m. */
export type PreviousFigure =
  | { kind: 'none' }
  | { kind: 'comparable'; metric: Metric }
  /** The latest earlier figure on the same basis lies across a boundary change: not compared. */
  | { kind: 'break'; metric: Metric; change: BoundaryChange }

/**
 * The same district's latest earlier single-year figure on m's basis (same measure, basis key, status and span),
 * unless a boundary change of the district lies between them. Figures on another basis are never "last year's".
 */
export function previousFigure(
  metrics: readonly Metric[],
  m: Metric,
  boundaries: readonly BoundaryChange[] = [],
): PreviousFigure {
  if (isCumulativeMetric(m)) return { kind: 'none' }
  const key = basisKey(m)
  let best: Metric | null = null
  for (const o of metrics) {
    if (o.district !== m.district || o.indicator !== m.indicator || isCumulativeMetric(o) || o.start >= m.start)
      continue
    if (basisKey(o) !== key) continue
    if (!best || o.start >= best.start) best = o
  }
  if (!best) return { kind: 'none' }
  const change = breaksBetween(best, m, boundaries).find((c) => c.district === m.district)
  return change ? { kind: 'break', metric: best, change } : { kind: 'comparable', metric: best }
}

/**
 * With no earlier figure on m's basis: the district's latest earlier single-year figure of the indicator and status
 * on another basis, to be named as a basis change (口径调整) and never subtracted; null when there is none.
 */
export function earlierOnOtherBasis(metrics: readonly Metric[], m: Metric): Metric | null {
  let other: Metric | null = null
  for (const o of metrics) {
    if (o.district !== m.district || o.indicator !== m.indicator || o.status !== m.status) continue
    if (isCumulativeMetric(o) || o.start >= m.start) continue
    if (!other || o.start > other.start) other = o
  }
  return other
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
  /** Boundary changes: no change is stated across one. */
  boundaries?: readonly BoundaryChange[]
  /** How reasons are worded; figures that differ are then listed with the reason instead of compared. */
  reasons: ReasonContext
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
export function ratioQualifier(leader: Qualifier, next: Qualifier): Qualifier {
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

// Below this the runner-up's figure is a small count: say by how much, not how many times.
const SMALL_COUNT = 10

/**
 * A ratio as the data support it: one decimal at most, rounded down for a floor and up for a ceiling so the
 * bound stays true, with 约 when rounding changed it.
 */
export function ratioText(ratio: number, q: Qualifier, locale: Locale): { word: string; number: string } {
  const tenths = ratio * 10
  const rounded =
    (q === 'at_least' ? Math.floor(tenths + 1e-9) : q === 'at_most' ? Math.ceil(tenths - 1e-9) : Math.round(tenths)) /
    10
  const exact = Math.abs(rounded - ratio) < 1e-9
  const number = numberFormat(locale, { maximumFractionDigits: 1 }).format(rounded)
  const kind: Qualifier = q === 'exact' ? (exact ? 'exact' : 'approx') : q
  return { word: locale === 'zh-CN' ? ZH_QUALIFIER[kind].trim() : EN_QUALIFIER[kind], number }
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
    const prev = previousFigure(input.allMetrics, m, input.boundaries)
    // A change is said only against a figure that counts the same thing; another basis is named, not subtracted.
    const other = prev.kind === 'none' ? earlierOnOtherBasis(input.allMetrics, m) : null
    const c =
      prev.kind === 'break'
        ? zh
          ? `${prev.change.year} 年起区划调整，不与 ${prev.metric.start} 年比较`
          : `boundary changed in ${prev.change.year}, not compared with ${prev.metric.start}`
        : other
          ? zh
            ? `口径调整，不与 ${other.start} 年比较`
            : `basis changed, not compared with ${other.start}`
          : changePhrase(m, prev.kind === 'comparable' ? prev.metric : null, unit, locale)
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
  const q = ratioQualifier(lead.qualifier, next.qualifier)
  const ratio = next.value > 0 ? lead.value / next.value : Number.POSITIVE_INFINITY
  if (next.value <= 0) {
    comparison = zh ? zhJoin(`${second.name}为`, p.value(next)) : `${second.name} at ${p.short(next)}`
  } else if (next.value < SMALL_COUNT || ratio < 1.1) {
    // Small counts and near-equal figures read better, and truer, as a difference than as a ratio.
    const diff = spacedValue(lead.value - next.value, unit, locale)
    const bound = q === 'exact' ? '' : zh ? `${ZH_QUALIFIER[q].trim() || '约'}` : EN_QUALIFIER[q] || 'about '
    comparison = zh
      ? `比${second.name}（${p.value(next)}）${bound}多 ${diff}`
      : `${bound}${diff} more than ${second.name} (${p.short(next)})`
  } else {
    const shown = ratioText(ratio, q, locale)
    comparison = zh
      ? `${shown.word}为${second.name}（${p.value(next)}）的 ${shown.number} 倍`
      : `${shown.word}${shown.number}× ${second.name} (${p.short(next)})`
  }
  const among = zh ? `${sorted.length} 个区中居首，` : ` (first of ${sorted.length})`
  if (zh) return `${zhJoin(head(first.name), p.value(lead))}${change(lead)}，${topOfMany ? among : ''}${comparison}`
  return `${head(first.name)} leads${topOfMany ? among : ''} with ${p.value(lead)}${change(lead)}, ${comparison}`
}

/** The part about single-year figures from different years: each named with its year, nobody ranked. */
function mixedYearsSentence(singles: Present[], input: TakeawayInput, p: Phrases): string {
  const zh = input.locale === 'zh-CN'
  const sorted = [...singles].sort((a, b) => b.metric.start - a.metric.start)
  const parts = sorted
    .slice(0, LISTED)
    .map((e, i) =>
      zh
        ? zhJoin(`${e.name} ${e.metric.start} 年${i === 0 ? input.indicatorName : ''}`, p.value(e.metric))
        : `${e.name} ${p.value(e.metric)} in ${e.metric.start}`,
    )
  if (sorted.length > LISTED) parts.push(moreDistricts(sorted.length - LISTED, zh))
  return zh
    ? `${parts.join('；')}（年份不同，不直接比较）`
    : `${input.indicatorName}: ${parts.join('; ')} (different years, not compared directly)`
}

/** A figure named with its district and years, compared with nothing: '萧山区 2024 年培训职工至少 4 万人'. */
function sideBySide(e: Present, withName: boolean, input: TakeawayInput, p: Phrases): string {
  const { locale, indicatorName } = input
  const zh = locale === 'zh-CN'
  const span = formatPeriod(metricPeriod(e.metric), locale)
  if (isCumulativeMetric(e.metric))
    return zh
      ? zhJoin(`${e.name} ${span} 累计${withName ? indicatorName : ''}`, p.value(e.metric))
      : `${withName ? `${indicatorName}: ` : ''}${e.name} ${span} total ${p.value(e.metric)}`
  return zh
    ? zhJoin(`${e.name} ${span} 年${withName ? indicatorName : ''}`, p.value(e.metric))
    : `${withName ? `${indicatorName}: ` : ''}${e.name} ${p.value(e.metric)} in ${span}`
}

/** Figures set side by side in a takeaway are listed up to this many; the rest are counted (the badge and table have them). */
const LISTED = 4
const LISTED_MISSING = 5

/** The count of districts a takeaway leaves to the table: zh '另有 12 个区县', en '12 more districts'. */
function moreDistricts(n: number, zh: boolean): string {
  return zh ? `另有 ${n} 个区县` : `${n} more district${n === 1 ? '' : 's'}`
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
  const singleYears = [...new Set(singles.map((e) => e.metric.start))]
  const year: YearChoice =
    input.year ?? (singleYears.length === 1 && singleYears[0] !== undefined ? singleYears[0] : 'latest')

  // The one rule decides who may be ranked together; everyone else is set beside them with the reason.
  const verdict = judgeSet(present, input.boundaries)
  const rankedIds = new Set(verdict.ranked)
  const ranked = present.filter((e) => rankedIds.has(e.district) && !isCumulativeMetric(e.metric))
  const rest = present.filter((e) => !ranked.includes(e))
  const segments: string[] = []
  const rankedYear = ranked[0]?.metric.start
  if (ranked.length > 1 && rankedYear !== undefined) segments.push(rankedSentence(ranked, rankedYear, input, p))
  const onlyYearsDiffer = verdict.reasons.length > 0 && verdict.reasons.every((r) => r.kind === 'years')
  if (ranked.length === 0 && rest.length > 1 && onlyYearsDiffer && rest.every((e) => !isCumulativeMetric(e.metric)))
    segments.push(mixedYearsSentence(rest, input, p))
  else if (ranked.length === 0 && rest.length === 1 && rest[0] && !isCumulativeMetric(rest[0].metric))
    segments.push(rankedSentence(rest, rest[0].metric.start, input, p))
  else if (rest.length > 0) {
    const parts = rest.slice(0, LISTED).map((e, i) => sideBySide(e, segments.length === 0 && i === 0, input, p))
    if (rest.length > LISTED) parts.push(moreDistricts(rest.length - LISTED, zh))
    // The kinds of difference only: the badge beside the takeaway gives the details in full.
    const why = summariseReasons(
      verdict.reasons.filter((r) => r.kind !== 'years' || onlyYearsDiffer),
      input.reasons,
    )
    const tail = rest.length + ranked.length > 1 && why !== '' ? (zh ? `（${why}）` : ` (${why})`) : ''
    segments.push(parts.join(p.sep) + tail)
  }
  const byName = collator(locale)
  const missing = entries
    .filter((e) => !e.metric)
    .map((e) => districtName(e.district))
    .sort(byName.compare)
  if (missing.length > 0) {
    // A province's ninety districts would make a ninety-name sentence: name a few and count the rest.
    const names =
      missing.length > LISTED_MISSING
        ? zh
          ? `${p.list(missing.slice(0, 3))}等 ${missing.length} 个区县`
          : `${missing.slice(0, 3).join(', ')} and ${missing.length - 3} more`
        : p.list(missing)
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
