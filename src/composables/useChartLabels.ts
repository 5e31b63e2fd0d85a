import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import { createSharedComposable } from '@vueuse/core'
import type { TrendCardLabels } from '../charts/options/build-trend-card'
import type { Locale } from '../types/locale'

/** Return of useChartLabels: translated labels for the pure card builders, and the current locale. */
export interface UseChartLabelsReturn {
  labels: ComputedRef<TrendCardLabels>
  locale: ComputedRef<Locale>
}

function chartLabels(): UseChartLabelsReturn {
  const { t, locale: i18nLocale } = useI18n()
  const locale = computed<Locale>(() => (i18nLocale.value === 'en' ? 'en' : 'zh-CN'))
  const labels = computed<TrendCardLabels>(() => {
    // Touch the locale so the computed re-runs on a language switch.
    void locale.value
    return {
      title: (indicator, year) => t('chart.comparisonTitle', { indicator, year }),
      latestYear: t('chart.latestYear'),
      noData: t('chart.noData'),
      cumulative: (period) => t('chart.cumulative', { period }),
      derived: t('chart.derived'),
      periodLabel: t('chart.period'),
      qualifierLabel: t('chart.qualifier'),
      sourceLabel: t('chart.source'),
      districtLabel: t('chart.district'),
      valueLabel: t('chart.value'),
      qualifierNames: {
        exact: t('qualifier.exact'),
        approx: t('qualifier.approx'),
        at_least: t('qualifier.at_least'),
        at_most: t('qualifier.at_most'),
      },
      sources: (list) => t('chart.sources', { list }),
      reasons: {
        basis: (parts) => t('reason.basis', { parts }),
        basisPart: (district, basis) => t('reason.basisPart', { district, basis }),
        basisDefault: t('reason.basisDefault'),
        measure: (parts) => t('reason.measure', { parts }),
        measurePart: (district, measure) => t('reason.measurePart', { district, measure }),
        measureNames: { flow: t('reason.measureNames.flow'), stock: t('reason.measureNames.stock') },
        status: (parts) => t('reason.status', { parts }),
        statusPart: (district, status) => t('reason.statusPart', { district, status }),
        statusNames: {
          achieved: t('reason.statusNames.achieved'),
          nominated: t('reason.statusNames.nominated'),
          target: t('reason.statusNames.target'),
        },
        span: (parts) => t('reason.span', { parts }),
        spanPart: (district, period) => t('reason.spanPart', { district, period }),
        boundary: (district, year, change) => t('reason.boundary', { district, year, change }),
        years: (parts) => t('reason.years', { parts }),
        yearsPart: (district, period) => t('reason.yearsPart', { district, period }),
        kindNames: {
          basis: t('reason.kindNames.basis'),
          measure: t('reason.kindNames.measure'),
          status: t('reason.kindNames.status'),
          span: t('reason.kindNames.span'),
          boundary: t('reason.kindNames.boundary'),
          years: t('reason.kindNames.years'),
        },
        notCompared: (kinds) => t('reason.notCompared', { kinds }),
        manyNames: (names, count, more) => t('reason.manyNames', { names, count, more }),
      },
      yearlyAverage: t('chart.yearlyAverage'),
      median: (value) => t('chart.median', { value }),
      summarised: (omitted, missing) => t('chart.summarised', { omitted, missing }),
      trendTitle: (indicator) => t('chart.trendTitle', { indicator }),
      notPlotted: t('chart.notPlotted'),
      trendSummarised: (drawn, rest) => t('chart.trendSummarised', { drawn, rest }),
      progress: {
        target: (value) => t('progress.target', { value }),
        rate: {
          exact: (pct) => t('progress.rate.exact', { pct }),
          approx: (pct) => t('progress.rate.approx', { pct }),
          at_least: (pct) => t('progress.rate.at_least', { pct }),
          at_most: (pct) => t('progress.rate.at_most', { pct }),
        },
        unreported: t('progress.unreported'),
        otherBasis: t('progress.otherBasis'),
        noRate: t('progress.noRate'),
        change: {
          exact: (year, amount) => t('progress.change.exact', { year, amount }),
          approx: (year, amount) => t('progress.change.approx', { year, amount }),
          at_least: (year, amount) => t('progress.change.at_least', { year, amount }),
          at_most: (year, amount) => t('progress.change.at_most', { year, amount }),
        },
        withPercent: (diff, pct) => t('progress.withPercent', { diff, pct }),
        points: (n) => t('progress.points', { n }),
        boundaryBreak: (year, from) => t('progress.boundaryBreak', { year, from }),
        basisBreak: (from) => t('progress.basisBreak', { from }),
        stated: (from, pct) => t('progress.stated', { from, pct }),
      },
    }
  })
  return { labels, locale }
}

/** Translated chart labels, recomputed when the language changes; one set shared by every chart on the page. */
export const useChartLabels = createSharedComposable(chartLabels)
