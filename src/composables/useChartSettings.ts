import { computed, type ComputedRef } from 'vue'
import { storeToRefs } from 'pinia'
import type { ChartSettings } from '../charts/options/types'
import { usePreferencesStore } from '../stores/preferences'
import { usePresentationStore } from '../stores/presentation'
import { DARK_PALETTE, LIGHT_PALETTE } from '../charts/options/palette'

/**
 * Rendering switches every chart builder takes: patterns from the user's preference, type size and palette from
 * meeting mode (the dark palette while the slides are dark; the slides show the cards' options).
 */
export function useChartSettings(): ComputedRef<ChartSettings> {
  const { accessible } = storeToRefs(usePreferencesStore())
  const { active, fontScale, theme } = storeToRefs(usePresentationStore())
  return computed(() => ({
    accessible: accessible.value,
    fontScale: fontScale.value,
    palette: active.value && theme.value === 'dark' ? DARK_PALETTE : LIGHT_PALETTE,
  }))
}
