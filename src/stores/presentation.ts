import { defineStore, storeToRefs } from 'pinia'
import { computed, ref } from 'vue'
import { useStorage } from '@vueuse/core'
import { useChartRegistryStore } from './chart-registry'
import {
  AUTO_ADVANCE_CHOICES,
  autoAdvance,
  clampSlide,
  reduceSlide,
  type AutoAdvanceSeconds,
  type SlideAction,
} from '../domain/slide-navigation'

/** Colour scheme of the slides. */
export type PresentationTheme = 'light' | 'dark'

/** Meeting mode: whether slides are showing, which charts, which slide, how large chart type is. */
export const usePresentationStore = defineStore('presentation', () => {
  const active = ref(false)
  // Theme and auto-advance are this browser's habits (the meeting-room PC keeps "dark"), not part of a link.
  const theme = useStorage<PresentationTheme>('union-dashboard:presentation-theme', 'light')
  const autoAdvanceSeconds = useStorage<AutoAdvanceSeconds>('union-dashboard:presentation-auto-advance', 0)
  const fontScale = computed(() => (active.value ? 1.6 : 1))
  /** Chart ids unticked in the chooser: every chart of the view is a slide unless left out here. */
  const excluded = ref<string[]>([])
  const index = ref(0)
  /** Auto-advance is on but held (any key pauses it; it stops by itself on the last slide). */
  const paused = ref(false)

  const { charts } = storeToRefs(useChartRegistryStore())
  /** The slides: the view's charts in page order, minus those left out. */
  const slides = computed(() => charts.value.filter((c) => !excluded.value.includes(c.chartId)))
  const count = computed(() => slides.value.length)
  const slideIndex = computed(() => clampSlide(index.value, count.value))
  const current = computed(() => slides.value[slideIndex.value] ?? null)
  const autoAdvanceOn = computed(() => active.value && autoAdvanceSeconds.value > 0 && !paused.value && count.value > 1)

  function isIncluded(chartId: string): boolean {
    return !excluded.value.includes(chartId)
  }
  function setIncluded(chartId: string, included: boolean): void {
    const rest = excluded.value.filter((id) => id !== chartId)
    excluded.value = included ? rest : [...rest, chartId]
  }
  function includeAll(included: boolean): void {
    excluded.value = included ? [] : charts.value.map((c) => c.chartId)
  }

  /** Opens the slides at a 0-based index (kept within the deck once the charts are known). */
  function start(at = 0): void {
    index.value = Math.max(0, Math.trunc(at))
    paused.value = false
    active.value = true
  }
  function stop(): void {
    active.value = false
  }
  function go(action: SlideAction): void {
    index.value = reduceSlide(slideIndex.value, count.value, action)
  }
  /** One auto-advance step: stops on the last slide rather than starting over. */
  function tick(): void {
    const next = autoAdvance(slideIndex.value, count.value, 'stop')
    index.value = next.index
    if (next.stop) paused.value = true
  }
  function setAutoAdvance(seconds: number): void {
    autoAdvanceSeconds.value = AUTO_ADVANCE_CHOICES.find((s) => s === seconds) ?? 0
    paused.value = false
  }
  function toggleTheme(): void {
    theme.value = theme.value === 'dark' ? 'light' : 'dark'
  }

  return {
    active,
    theme,
    fontScale,
    autoAdvanceSeconds,
    autoAdvanceOn,
    paused,
    excluded,
    slides,
    count,
    slideIndex,
    current,
    isIncluded,
    setIncluded,
    includeAll,
    start,
    stop,
    go,
    tick,
    setAutoAdvance,
    toggleTheme,
  }
})
