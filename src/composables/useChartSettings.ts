import { computed, type ComputedRef } from 'vue'
import { storeToRefs } from 'pinia'
import type { ChartSettings } from '../charts/options/types'
import { usePreferencesStore } from '../stores/preferences'
import { usePresentationStore } from '../stores/presentation'

/** Rendering switches every chart builder takes: patterns from the user's preference, type size from meeting mode. */
export function useChartSettings(): ComputedRef<ChartSettings> {
  const { accessible } = storeToRefs(usePreferencesStore())
  const { fontScale } = storeToRefs(usePresentationStore())
  return computed(() => ({ accessible: accessible.value, fontScale: fontScale.value }))
}
