import { onBeforeUnmount, onMounted, ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import { useIntersectionObserver } from '@vueuse/core'
import type { ChartOption } from '../charts/options/types'
import { useRenderStore } from '../stores/render'

/** Options of useLazyChartOption. */
export interface UseLazyChartOptionOptions {
  /** The chart's box: drawing waits until it comes near the viewport. */
  root: Readonly<Ref<HTMLElement | null>>
  option: () => ChartOption
  /** While the card shows its table instead, nothing is drawn. */
  showTable: Readonly<Ref<boolean>>
  /** This card's key in the render store (docs/readiness.md). */
  renderKey: string
}

/** What useLazyChartOption gives a chart card. */
export interface UseLazyChartOptionReturn {
  /** The option to hand to ECharts; null until the card first comes near the viewport. */
  shownOption: ShallowRef<ChartOption | null>
  /** Call on ECharts' `finished`: the page may say ready. */
  onFinished: () => void
}

/** How far outside the viewport a chart still counts as in view (px). */
const NEAR_PX = 100

/**
 * Draws a chart only near the viewport, and reports its drawing to the render store. A view may hold dozens of
 * charts: only those near the viewport are drawn and redrawn on a filter change; the rest catch up when scrolled to.
 * Print and export draw their own copies from the registry's option.
 */
export function useLazyChartOption({
  root,
  option,
  showTable,
  renderKey,
}: UseLazyChartOptionOptions): UseLazyChartOptionReturn {
  const render = useRenderStore()
  const active = ref(false)
  const shownOption = shallowRef<ChartOption | null>(null)
  let applied: ChartOption | null = null

  render.begin(renderKey) // pending until the first visibility check says whether to draw
  useIntersectionObserver(
    root,
    ([entry]) => {
      active.value = entry?.isIntersecting ?? false
      if (!active.value && !shownOption.value) render.end(renderKey)
    },
    { rootMargin: `${NEAR_PX}px 0px` },
  )
  // The observer's first report only comes after the next frame, so the card decides at once: one in view starts
  // drawing, one out of view is settled (the page need not wait a frame for it). The first card to ask lays the
  // page out; the others read the same layout.
  onMounted(() => {
    const box = root.value?.getBoundingClientRect()
    if (box && box.bottom > -NEAR_PX && box.top < window.innerHeight + NEAR_PX) active.value = true
    else if (!shownOption.value) render.end(renderKey)
  })
  watch(
    [option, active, showTable],
    ([next, isActive, table]) => {
      if (!isActive || table || next === applied) return
      applied = next
      // No animation: a redraw shows the new figures at once, and "drawn" means drawn.
      shownOption.value = { ...next, animation: false }
      render.begin(renderKey)
    },
    { immediate: true },
  )
  watch(showTable, (table) => {
    if (table) render.end(renderKey)
    else if (shownOption.value) render.begin(renderKey)
  })
  onBeforeUnmount(() => render.end(renderKey))

  return { shownOption, onFinished: () => render.end(renderKey) }
}
