// Draws a chart on its own off-screen instance: the live chart and the page are never touched. init() comes from
// echarts/core, which the first load holds; the chart types an option uses are registered by the components that
// draw them on screen (charts/echarts.ts, charts/echarts-more.ts).
import { init } from 'echarts/core'
import type { ChartOption } from '../charts/options/types'
import { EXPORT_TEXT } from './export-base'

/** Draws an option at pixelRatio × its CSS size (width × height) on an opaque white canvas. */
export function drawDetachedChart(
  option: ChartOption,
  width: number,
  height: number,
  pixelRatio: number,
): HTMLCanvasElement {
  // A detached element: nothing on the page moves, and the size comes from the arguments, not from layout.
  const el = document.createElement('div')
  const instance = init(el, null, { renderer: 'canvas', width, height, devicePixelRatio: pixelRatio })
  try {
    instance.setOption(option, { notMerge: true, lazyUpdate: false, silent: true })
    return instance.renderToCanvas({ pixelRatio, backgroundColor: EXPORT_TEXT.background })
  } finally {
    instance.dispose()
  }
}
