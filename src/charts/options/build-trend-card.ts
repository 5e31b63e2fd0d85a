import type { Catalogue, Indicator, Metric } from '../../types/domain'
import type { Locale } from '../../domain/format'
import { formatMetricValue } from '../../domain/format'
import { isDerived, metricKey } from '../../domain/metric'
import { buildTrendOption } from './build-trend-option'
import { cardContext, figureLabels, type ComparisonCard, type ComparisonCardLabels } from './build-comparison-card'

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
  const { name, sourceName, districts } = cardContext(catalogue, locale, input.districts)
  const own = input.metrics
    .filter((m) => m.indicator === indicator.id && input.districts.includes(m.district))
    .sort(
      (a, b) =>
        a.start - b.start || a.end - b.end || input.districts.indexOf(a.district) - input.districts.indexOf(b.district),
    )
  const indicatorName = locale === 'en' ? indicator.nameEn : indicator.nameZh
  const { option, excludedCumulative } = buildTrendOption({
    districts,
    metrics: own,
    unit: indicator.unit,
    locale,
    labels: { ...figureLabels(indicator, locale, labels, name, sourceName), notPlotted: labels.notPlotted },
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
