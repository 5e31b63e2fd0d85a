import { computed, type ComputedRef } from 'vue'
import { storeToRefs } from 'pinia'
import type { Catalogue, Indicator, Metric } from '../types/domain'
import type { Filters } from '../domain/filter-query'
import type { Locale } from '../types/locale'
import type { ChartSettings } from '../charts/options/types'
import type { TrendCardLabels } from '../charts/options/build-trend-card'
import { figureCredit } from '../domain/source'
import { statedRates } from '../domain/scorecard'
import { useI18n } from 'petite-vue-i18n'
import { useChartLabels } from './useChartLabels'
import { useChartSettings } from './useChartSettings'
import { useDatasetsStore } from '../stores/datasets'
import { useFiltersStore } from '../stores/filters'
import { useProvenanceStore } from '../stores/provenance'

/** What a card builder of one indicator reads: the indicator, its figures in force, and the page's state. */
export interface IndicatorCardContext {
  indicator: Indicator
  /** The indicator's figures in force; multi-year totals left out when `includeCumulative` is false. */
  metrics: (includeCumulative?: boolean) => readonly Metric[]
  catalogue: Catalogue
  filters: Filters
  locale: Locale
  labels: TrendCardLabels
  settings: ChartSettings
  /** Who a figure is credited to in a footnote: its report, and its import when it came from one. */
  credit: (m: Metric) => string
  /** Rates the reports state for the indicator (indicators whose change_of names it). */
  stated: readonly Metric[]
}

/** Return of useIndicatorCard. */
export interface UseIndicatorCardReturn<T> {
  /** The built card; null while the indicator is not in the catalogue. */
  card: ComputedRef<T | null>
  /** Opens the source panel of a figure (a chart's select event). */
  openSource: (metricKey: string) => void
}

/** A chart card of one indicator (comparison, trend), rebuilt whenever the data, filters or language change. */
export function useIndicatorCard<T>(
  indicatorId: () => string,
  build: (context: IndicatorCardContext) => T,
): UseIndicatorCardReturn<T> {
  const datasets = useDatasetsStore()
  const { catalogue, indicatorById, imports, index } = storeToRefs(datasets)
  const { t } = useI18n()
  const { filters } = storeToRefs(useFiltersStore())
  const settings = useChartSettings()
  const { labels, locale } = useChartLabels()
  const provenance = useProvenanceStore()

  const card = computed(() => {
    const id = indicatorId()
    const indicator = indicatorById.value.get(id)
    if (!indicator) return null
    return build({
      indicator,
      metrics: (includeCumulative = true) => datasets.metricsFor(id, includeCumulative),
      catalogue: catalogue.value,
      filters: filters.value,
      locale: locale.value,
      labels: labels.value,
      settings: settings.value,
      stated: statedRates(index.value.byIndicator, catalogue.value.indicators)(id),
      credit: (m) =>
        figureCredit(m, catalogue.value.sources, imports.value, locale.value, {
          imported: (source, file) => t('export.credit.imported', { source, file }),
          importedOnly: (file) => t('export.credit.importedOnly', { file }),
        }),
    })
  })
  return { card, openSource: (metricKey) => provenance.open(metricKey) }
}
