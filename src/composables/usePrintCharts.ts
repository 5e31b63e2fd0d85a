import { onMounted, shallowRef, type Ref } from 'vue'
import { useEventListener } from '@vueuse/core'
import { useChartRegistryStore, type RegisteredChart } from '../stores/chart-registry'

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

type ChartImageModule = typeof import('../export/chart-image')

/** What usePrintCharts tells the page. */
export interface UsePrintChartsReturn {
  /** When the last print started (for the printed page header). */
  printedAt: Ref<Date>
}

/** A chart drawn at paper size as a PNG data URL: off-screen when the renderer is loaded, else from the live chart. */
function snapshotOf(chart: RegisteredChart, renderer: ChartImageModule | null): string | null {
  if (renderer) {
    const prepared = renderer.prepareExportChart({
      option: chart.option,
      title: chart.title,
      takeaway: chart.takeaway,
      badge: chart.badge,
      footnote: chart.footnote,
      width: PRINT_PX.width,
      chartHeight: PRINT_PX.height,
      decorate: false, // the card prints its own title, takeaway and sources
    })
    return renderer.renderChartCanvas(prepared, SNAPSHOT_PIXEL_RATIO).toDataURL('image/png')
  }
  const instance = chart.instance()
  if (!instance || instance.isDisposed()) return null
  instance.resize({ ...PRINT_PX, animation: { duration: 0 } })
  const url = instance.getDataURL({ type: 'png', pixelRatio: SNAPSHOT_PIXEL_RATIO, backgroundColor: '#ffffff' })
  instance.resize({ width: 'auto', height: 'auto', animation: { duration: 0 } })
  return url
}

/**
 * Before the browser prints, puts a high-resolution picture of every chart of the view, drawn at its paper size,
 * in the chart's box (a live canvas prints at screen resolution and size, and charts far from the viewport are
 * not drawn at all); removes the pictures after printing. `beforeprint` cannot wait, so the off-screen renderer
 * (shared with export) is loaded when the dashboard mounts.
 */
export function usePrintCharts(): UsePrintChartsReturn {
  const registry = useChartRegistryStore()
  const printedAt = shallowRef(new Date())
  const renderer = shallowRef<ChartImageModule | null>(null)
  let snapshots: HTMLImageElement[] = []

  onMounted(() => {
    import('../export/chart-image').then(
      (m) => (renderer.value = m),
      () => undefined, // live charts are the fallback
    )
  })

  function beforePrint(): void {
    printedAt.value = new Date()
    afterPrint() // a second beforeprint without afterprint starts afresh
    for (const chart of registry.charts) {
      const box = document.querySelector(`[data-chart-key="${CSS.escape(chart.key)}"] .chart-card__chart`)
      const url = box ? snapshotOf(chart, renderer.value) : null
      if (!box || !url) continue
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
