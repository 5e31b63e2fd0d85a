import { shallowRef, type Ref } from 'vue'
import { useEventListener } from '@vueuse/core'
import { useChartRegistryStore, type RegisteredChart } from '../stores/chart-registry'
import { bareExportOption } from '../export/export-base'
import { drawDetachedChart } from '../export/draw-chart'

/** Size of a chart on paper: half an A4 landscape page (styles/print.css gives the chart box the same size). */
export const PRINT_CHART_MM = { width: 125, height: 105 } as const
/** Class of the picture that stands in for a chart's canvas on paper. */
export const PRINT_SNAPSHOT_CLASS = 'print-chart-snapshot'

const PX_PER_MM = 96 / 25.4
const PRINT_PX = {
  width: Math.round(PRINT_CHART_MM.width * PX_PER_MM),
  height: Math.round(PRINT_CHART_MM.height * PX_PER_MM),
}
// Paper wants more dots than a screen: draw at three times the CSS size.
const SNAPSHOT_PIXEL_RATIO = 3

/** What usePrintCharts tells the page. */
export interface UsePrintChartsReturn {
  /** When the last print started (for the printed page header). */
  printedAt: Ref<Date>
}

/** A chart drawn off-screen at paper size, as a PNG data URL; the card prints its own title, takeaway and sources. */
function paperSnapshot(chart: RegisteredChart): string {
  const canvas = drawDetachedChart(
    bareExportOption(chart.option),
    PRINT_PX.width,
    PRINT_PX.height,
    SNAPSHOT_PIXEL_RATIO,
  )
  return canvas.toDataURL('image/png')
}

/**
 * Before the browser prints, puts a high-resolution picture of every chart of the view, drawn at its paper size,
 * in the chart's box (a live canvas prints at screen resolution and size, and charts far from the viewport are
 * not drawn at all); removes the pictures after printing. `beforeprint` cannot wait, so the pictures are drawn
 * with what the page has already loaded: ECharts' core, and the chart types the view's own charts registered.
 */
export function usePrintCharts(): UsePrintChartsReturn {
  const registry = useChartRegistryStore()
  const printedAt = shallowRef(new Date())
  let snapshots: HTMLImageElement[] = []

  function beforePrint(): void {
    printedAt.value = new Date()
    afterPrint() // a second beforeprint without afterprint starts afresh
    for (const chart of registry.charts) {
      const box = document.querySelector(`[data-chart-key="${CSS.escape(chart.key)}"] .chart-card__chart`)
      if (!box) continue
      const url = paperSnapshot(chart)
      const img = document.createElement('img')
      img.className = PRINT_SNAPSHOT_CLASS
      img.alt = '' // the chart box carries the accessible name
      img.src = url
      box.appendChild(img)
      snapshots.push(img)
    }
  }

  function afterPrint(): void {
    for (const img of snapshots) img.remove()
    snapshots = []
  }

  useEventListener(window, 'beforeprint', beforePrint)
  useEventListener(window, 'afterprint', afterPrint)
  return { printedAt }
}
