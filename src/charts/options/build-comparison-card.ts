import type { Catalogue, Indicator, Metric, Qualifier, Unit } from '../../types/domain'
import type { Locale } from '../../types/locale'
import { formatMetricValue, unitLabel } from '../../domain/format'
import { selectFigures, type YearChoice } from '../../domain/compare'
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
): { name: (id: string) => string; sourceName: (m: Metric) => string; districts: ChartDistrict[] } {
  const name = (id: string): string => {
    const d = catalogue.districts.find((x) => x.id === id)
    return d ? localName(d, locale) : id
  }
  const sourceName = (m: Metric): string => {
    const s = catalogue.sources.find((x) => x.id === m.source)
    return s ? sourceLabel(s, locale) : m.source
  }
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
}): ComparisonCard {
  const { indicator, catalogue, locale, labels } = input
  const { name, sourceName, districts } = cardContext(catalogue, locale, input.districts)
  const entries = selectFigures(input.metrics, {
    year: input.year,
    includeCumulative: input.includeCumulative,
    districts: input.districts,
    indicator: indicator.id,
  })
  const indicatorName = localName(indicator, locale)
  const option = buildComparisonOption({
    districts,
    entries,
    unit: indicator.unit,
    locale,
    labels: figureLabels(indicator, locale, labels, name, sourceName),
    settings: { ...input.settings, showPeriodInLabel: input.year === 'latest' },
  })
  const reasons = reasonContext(catalogue, locale, labels.reasons, name)
  const badge = describeReasons(judgeSet(entries, catalogue.boundaries).reasons, reasons)
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
    footnote: sourceList.length ? labels.sources(sourceList.join(locale === 'en' ? '; ' : '；')) : '',
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
