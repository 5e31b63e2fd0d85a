import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import '../charts/echarts-more'
import { prepareExportChart, type ChartImageInput } from './chart-image'

// The one use() outside charts/echarts.ts: the SVG renderer is only needed for SVG export, so it loads with it.
use([SVGRenderer])

/** A chart as a standalone SVG document: vector shapes, text kept as text, white background, export fonts. */
export function chartSvg(input: ChartImageInput): string {
  const chart = prepareExportChart(input)
  const instance = init(null, null, { renderer: 'svg', ssr: true, width: chart.width, height: chart.height })
  try {
    instance.setOption(chart.option, { notMerge: true, silent: true })
    return `<?xml version="1.0" encoding="UTF-8"?>\n${instance.renderToSVGString()}`
  } finally {
    instance.dispose()
  }
}
