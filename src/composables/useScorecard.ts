import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { storeToRefs } from 'pinia'
import type { Category, District, Metric } from '../types/domain'
import { buildScorecard, chartableIndicators, singlesByDistrict, type ScorecardSection } from '../domain/scorecard'
import { useDatasetsStore } from '../stores/datasets'
import { useFiltersStore } from '../stores/filters'

/** Return of useScorecard. */
export interface UseScorecardReturn {
  /** The districts shown, in catalogue order. */
  shown: ComputedRef<District[]>
  sections: ComputedRef<ScorecardSection[]>
  /** Indicators worth a comparison chart: two or more districts compare like-for-like. */
  charts: ComputedRef<string[]>
  /** Figures of indicators only one district reports, by district. */
  singles: ComputedRef<Array<{ district: string; metrics: Metric[] }>>
}

/** The same-basis scorecard of the given categories under the page's filters: one rule for every view that shows it. */
export function useScorecard(categories: MaybeRefOrGetter<readonly Category[]>): UseScorecardReturn {
  const { index, catalogue, targets } = storeToRefs(useDatasetsStore())
  const { filters } = storeToRefs(useFiltersStore())
  const shown = computed(() => catalogue.value.districts.filter((d) => filters.value.districts.includes(d.id)))
  const card = computed(() =>
    buildScorecard({
      metrics: index.value.byIndicator,
      indicators: catalogue.value.indicators,
      districts: shown.value.map((d) => d.id),
      year: filters.value.year,
      boundaries: catalogue.value.boundaries,
      categories: toValue(categories),
      targets: targets.value,
    }),
  )
  return {
    shown,
    sections: computed(() => card.value.sections),
    charts: computed(() => chartableIndicators(card.value.sections)),
    singles: computed(() => singlesByDistrict(card.value.singles, filters.value.districts)),
  }
}
