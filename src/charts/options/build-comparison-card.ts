import type { Catalogue, Indicator, Metric, Qualifier, Unit } from '../../types/domain'
import type { Locale } from '../../types/locale'
import { formatMetricValue, unitLabel } from '../../domain/format'
import { selectFigures, type FigureEntry, type YearChoice } from '../../domain/compare'
import { judgeSet } from '../../domain/comparability'
import { describeReasons, type ReasonContext, type ReasonLabels } from '../../domain/reason-text'
import { buildTakeaway } from '../../domain/takeaway'
import { sourceLabel } from '../../domain/source'
import { isDerived, metricKey } from '../../domain/metric'
import { buildComparisonOption } from './build-comparison-option'
import type { ChartDistrict, ChartOption, ChartTable, FigureLabels } from './types'
import { localName } from '../../domain/intl'

/** Translated strings a comparison card needs (the builder never translates). */
export interface ComparisonCardLabels {
  title: (indicator: string, year: string) => string
  latestYear: string
  noData: string
  cumulative: (period: string) => string
  derived: string
  periodLabel: string
  qualifierLabel: string
  sourceLabel: string
  districtLabel: string
  valueLabel: string
  qualifierNames: Record<Qualifier, string>
  sources: (list: string) => string
  /** Wording of the reasons figures are not like-for-like. */
  reasons: ReasonLabels
  /** Label of the derived yearly average shown beside a multi-year total. */
  yearlyAverage: string
  /** zh '同口径数据的中位数为 {value}。' for a summarised chart. */
  median: (value: string) => string
  /** zh '图中列出前 5 名、后 3 名；另有 {omitted} 个区县见表格，{missing} 个区县无数据。' */
  summarised: (omitted: number, missing: number) => string
}

/** Everything a ChartCard shows for one indicator compared across districts. */
export interface ComparisonCard {
  title: string
  option: ChartOption
  takeaway: string
  /** Why the figures shown do not all count the same thing, in words ('' when they do). */
  badge: string
  footnote: string
  table: ChartTable
}

/** Past this many districts bars lie horizontal, sorted; past the second, the chart summarises. */
export const HORIZONTAL_FROM = 7
export const SUMMARY_FROM = 21
const SUMMARY_TOP = 5
const SUMMARY_BOTTOM = 3

/** What a comparison chart of many districts draws, and what it leaves to the table. */
export interface ArrangedEntries {
  entries: FigureEntry[]
  horizontal: boolean
  /** Districts with a figure left out of a summarised chart (they stay in the table). */
  omitted: number
  /** Districts without a figure left out of a summarised chart. */
  missing: number
  /** Median of the like-for-like figures, when the chart is summarised and they are two or more. */
  median: number | null
}

/**
 * Orders and, for a long list, summarises a comparison. Up to six districts: as given. From seven: the like-for-like
 * figures sorted by value (only they may be ordered against each other), then the other figures, then those without one.
 * From 21: the top five and bottom three of the like-for-like figures with their median, the other figures, and no empty
 * slots — the rest stay in the table.
 */
export function arrangeEntries(entries: readonly FigureEntry[], ranked: readonly string[]): ArrangedEntries {
  if (entries.length < HORIZONTAL_FROM)
    return { entries: [...entries], horizontal: false, omitted: 0, missing: 0, median: null }
  const rankedSet = new Set(ranked)
  const like = entries
    .filter((e) => e.metric && rankedSet.has(e.district))
    .sort((a, b) => (b.metric?.value ?? 0) - (a.metric?.value ?? 0))
  const others = entries.filter((e) => e.metric && !rankedSet.has(e.district))
  const missing = entries.filter((e) => !e.metric)
  if (entries.length < SUMMARY_FROM)
    return { entries: [...like, ...others, ...missing], horizontal: true, omitted: 0, missing: 0, median: null }
  const values = like.map((e) => e.metric?.value ?? 0).sort((a, b) => a - b)
  const mid = Math.floor(values.length / 2)
  const median =
    values.length < 2
      ? null
      : values.length % 2
        ? (values[mid] ?? null)
        : ((values[mid - 1] ?? 0) + (values[mid] ?? 0)) / 2
  const kept =
    like.length > SUMMARY_TOP + SUMMARY_BOTTOM ? [...like.slice(0, SUMMARY_TOP), ...like.slice(-SUMMARY_BOTTOM)] : like
  const shownOthers = others.slice(0, SUMMARY_TOP)
  return {
    entries: [...kept, ...shownOthers],
    horizontal: true,
    omitted: like.length - kept.length + others.length - shownOthers.length,
    missing: missing.length,
    median,
  }
}

/** ' · 年均（推算）≈186家' for a multi-year total; '' for a single year's figure. */
export function yearlyAverage(m: Metric, unit: Unit, locale: Locale, label: string): string {
  const years = m.end - m.start + 1
  if (years <= 1) return ''
  const avg = Math.round((m.value / years) * 100) / 100
  return ` · ${label} ≈${formatMetricValue({ value: avg, qualifier: 'exact' }, unit, locale, 'exact')}`
}

/** What the reason wording needs, from the catalogue and the card's labels. */
export function reasonContext(
  catalogue: Catalogue,
  locale: Locale,
  labels: ReasonLabels,
  name: (id: string) => string,
): ReasonContext {
  return { labels, districtName: name, bases: catalogue.bases, locale, period: (p) => p.replace('-', '–') }
}

/** Names, source titles and chart districts shared by the card builders. */
export function cardContext(
  catalogue: Catalogue,
  locale: Locale,
  districtIds: readonly string[],
  /** Who a figure is credited to on screen (an imported figure names its import too); by default its report. */
  credit?: (m: Metric) => string,
): { name: (id: string) => string; sourceName: (m: Metric) => string; districts: ChartDistrict[] } {
  const name = (id: string): string => {
    const d = catalogue.districts.find((x) => x.id === id)
    return d ? localName(d, locale) : id
  }
  const sourceName =
    credit ??
    ((m: Metric): string => {
      const s = catalogue.sources.find((x) => x.id === m.source)
      return s ? sourceLabel(s, locale) : m.source
    })
  const districts = districtIds.map((id) => ({
    id,
    name: name(id),
    color: catalogue.districts.find((d) => d.id === id)?.color ?? '#888888',
  }))
  return { name, sourceName, districts }
}

/** The figure labels a comparison or trend option needs, with the axis named after the indicator and its unit. */
export function figureLabels(
  indicator: Indicator,
  locale: Locale,
  labels: ComparisonCardLabels,
  name: (id: string) => string,
  sourceName: (m: Metric) => string,
): FigureLabels {
  const indicatorName = localName(indicator, locale)
  const unit = unitLabel(indicator.unit, locale)
  return {
    axisName: unit ? (locale === 'en' ? `${indicatorName} (${unit})` : `${indicatorName}（${unit}）`) : indicatorName,
    noData: labels.noData,
    cumulative: labels.cumulative,
    derived: labels.derived,
    sourceName,
    districtName: name,
    periodLabel: labels.periodLabel,
    qualifierLabel: labels.qualifierLabel,
    sourceLabel: labels.sourceLabel,
    qualifierNames: labels.qualifierNames,
  }
}

/** Builds the option, takeaway, badge, footnote and table of one comparison chart. */
export function buildComparisonCard(input: {
  /** The indicator's figures (others are ignored). */
  metrics: readonly Metric[]
  indicator: Indicator
  catalogue: Catalogue
  year: YearChoice
  districts: string[]
  includeCumulative: boolean
  locale: Locale
  labels: ComparisonCardLabels
  settings: { accessible: boolean; fontScale: number }
  /** Who a figure is credited to (see cardContext). */
  credit?: (m: Metric) => string
}): ComparisonCard {
  const { indicator, catalogue, locale, labels } = input
  const { name, sourceName, districts } = cardContext(catalogue, locale, input.districts, input.credit)
  const entries = selectFigures(input.metrics, {
    year: input.year,
    includeCumulative: input.includeCumulative,
    districts: input.districts,
    indicator: indicator.id,
  })
  const indicatorName = localName(indicator, locale)
  const verdict = judgeSet(entries, catalogue.boundaries)
  const arranged = arrangeEntries(entries, verdict.ranked)
  const option = buildComparisonOption({
    districts,
    entries: arranged.entries,
    unit: indicator.unit,
    locale,
    labels: figureLabels(indicator, locale, labels, name, sourceName),
    settings: {
      ...input.settings,
      showPeriodInLabel: input.year === 'latest',
      horizontal: arranged.horizontal,
    },
  })
  const reasons = reasonContext(catalogue, locale, labels.reasons, name)
  const badge = describeReasons(verdict.reasons, reasons)
  // A summarised chart says what it left to the table, and the median of the like-for-like figures it stands for.
  const summary = [
    arranged.omitted + arranged.missing > 0 ? labels.summarised(arranged.omitted, arranged.missing) : '',
    arranged.median !== null
      ? labels.median(formatMetricValue({ value: arranged.median, qualifier: 'exact' }, indicator.unit, locale))
      : '',
  ]
    .filter(Boolean)
    .join(' ')
  const present = entries.flatMap((e) => (e.metric ? [e.metric] : []))
  const sourceList = [...new Set(present.map(sourceName))]
  const yearText = input.year === 'latest' ? labels.latestYear : String(input.year)
  return {
    title: labels.title(indicatorName, yearText),
    option,
    takeaway: buildTakeaway({
      entries,
      year: input.year,
      allMetrics: input.metrics,
      districtName: name,
      indicatorName,
      unit: indicator.unit,
      locale,
      boundaries: catalogue.boundaries,
      reasons,
    }),
    badge,
    footnote: [summary, sourceList.length ? labels.sources(sourceList.join(locale === 'en' ? '; ' : '；')) : '']
      .filter(Boolean)
      .join(' '),
    table: {
      columns: [labels.districtLabel, labels.valueLabel, labels.periodLabel, labels.qualifierLabel],
      rows: entries.map((e) => ({
        cells: e.metric
          ? [
              name(e.district),
              formatMetricValue(e.metric, indicator.unit, locale, 'exact') +
                (isDerived(e.metric) ? ` (${labels.derived})` : '') +
                yearlyAverage(e.metric, indicator.unit, locale, labels.yearlyAverage),
              e.metric.period,
              labels.qualifierNames[e.metric.qualifier],
            ]
          : [name(e.district), labels.noData, '', ''],
        metricKey: e.metric ? metricKey(e.metric) : null,
      })),
    },
  }
}
