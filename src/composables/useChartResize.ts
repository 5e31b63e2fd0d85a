import type { ShallowRef, Ref } from 'vue'
import { useResizeObserver } from '@vueuse/core'
import type VChart from 'vue-echarts'

/**
 * Resizes a chart when its box really changes size. Used instead of vue-echarts' autoresize, which redraws every
 * chart once right after its first draw: the observer's first report (a fractional width) never equals the
 * chart's whole-pixel width.
 */
export function useChartResize(
  box: Readonly<Ref<HTMLElement | null>>,
  chart: Readonly<ShallowRef<InstanceType<typeof VChart> | null>>,
): void {
  let drawnSize = ''
  useResizeObserver(box, ([entry]) => {
    if (!entry) return
    const size = `${Math.round(entry.contentRect.width)}x${Math.round(entry.contentRect.height)}`
    const changed = drawnSize !== '' && size !== drawnSize
    drawnSize = size
    if (changed) chart.value?.resize()
  })
}
