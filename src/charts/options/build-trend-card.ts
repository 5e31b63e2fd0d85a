import type { Catalogue, Indicator, Metric } from '../../types/domain'
import type { Locale } from '../../domain/format'
import { formatMetricValue, unitLabel } from '../../domain/format'
import { isDerived, metricKey } from '../../domain/metric'
import { buildTrendOption } from './build-trend-option'
import type { ComparisonCard, ComparisonCardLabels } from './build-comparison-card'
import type { ChartDistrict } from './types'

/** Labels of the trend card on top of the comparison card's. */
export interface TrendCardLabels extends ComparisonCardLabels {
  trendTitle: (indicator: string) => string
  notPlotted: string
}

/** Everything a ChartCard shows for one indicator over time, one line per district. */
export function buildTrendCard(input: {
  /** The indicator's figures (others are ignored). */
  metrics: readonly Metric[]
  indicator: Indicator
  catalogue: Catalogue
  districts: string[]
  locale: Locale
  labels: TrendCardLabels
  settings: { accessible: boolean; fontScale: number }
}): Omit<ComparisonCard, 'takeaway' | 'badge'> & { excludedCumulative: Metric[] } {
  const { indicator, catalogue, locale, labels } = input
  const name = (id: string): string => {
    const d = catalogue.districts.find((x) => x.id === id)
    return d ? (locale === 'en' ? d.nameEn : d.nameZh) : id
  }
  const sourceName = (m: Metric): string => catalogue.sources.find((s) => s.id === m.source)?.titleZh ?? m.source
  const districts: ChartDistrict[] = input.districts.map((id) => ({
    id,
    name: name(id),
    color: catalogue.districts.find((d) => d.id === id)?.color ?? '#888888',
  }))
  const own = input.metrics
    .filter((m) => m.indicator === indicator.id && input.districts.includes(m.district))
    .sort(
      (a, b) =>
        a.start - b.start || a.end - b.end || input.districts.indexOf(a.district) - input.districts.indexOf(b.district),
    )
  const indicatorName = locale === 'en' ? indicator.nameEn : indicator.nameZh
  const unit = unitLabel(indicator.unit, locale)
  const { option, excludedCumulative } = buildTrendOption({
    districts,
    metrics: own,
    unit: indicator.unit,
    locale,
    labels: {
      axisName: unit ? `${indicatorName}（${unit}）` : indicatorName,
      noData: labels.noData,
      cumulative: labels.cumulative,
      derived: labels.derived,
      sourceName,
      districtName: name,
      periodLabel: labels.periodLabel,
      qualifierLabel: labels.qualifierLabel,
      sourceLabel: labels.sourceLabel,
      qualifierNames: labels.qualifierNames,
      notPlotted: labels.notPlotted,
    },
    settings: input.settings,
  })
  const sourceList = [...new Set(own.map(sourceName))]
  return {
    title: labels.trendTitle(indicatorName),
    option,
    excludedCumulative,
    footnote: sourceList.length ? labels.sources(sourceList.join(locale === 'en' ? '; ' : '；')) : '',
    table: {
      columns: [labels.districtLabel, labels.valueLabel, labels.periodLabel, labels.qualifierLabel],
      rows: own.map((m) => ({
        cells: [
          name(m.district),
          formatMetricValue(m, indicator.unit, locale, 'exact') + (isDerived(m) ? ` (${labels.derived})` : ''),
          m.start === m.end ? m.period : labels.cumulative(m.period),
          labels.qualifierNames[m.qualifier],
        ],
        metricKey: metricKey(m),
      })),
    },
  }
}
