// Loaded on first export. Draws an export copy of a chart on its own off-screen instance: the live chart is never
// touched. init() comes from echarts/core, which the entry chunk already holds; charts/echarts.ts registers the parts.
import { init } from 'echarts/core'
import '../charts/echarts-more'
import type { ChartOption } from '../charts/options/types'
import { buildExportOption, EXPORT_FONT_FAMILY, EXPORT_TEXT, type ExportChart, type MeasureText } from './export-option'

/** A chart to draw for export: the registry's option and texts, and its size in CSS px. */
export interface ChartImageInput {
  option: ChartOption
  title: string
  takeaway: string
  badge: string
  footnote: string
  width: number
  chartHeight: number
  /** With heading and footnote (files, clipboard), or the bare chart (slides, which carry the texts as text). */
  decorate: boolean
}

let measurer: MeasureText | null = null

/** Measures text as the canvas renderer will draw it, with the export fonts. */
export function canvasMeasure(): MeasureText {
  if (measurer) return measurer
  const ctx = document.createElement('canvas').getContext('2d')
  const cache = new Map<string, number>()
  measurer = (text, fontSize, bold) => {
    if (!ctx) return text.length * fontSize
    const key = `${bold ? 'b' : 'n'}${fontSize}|${text}`
    const hit = cache.get(key)
    if (hit !== undefined) return hit
    ctx.font = `${bold ? 'bold ' : ''}${fontSize}px ${EXPORT_FONT_FAMILY}`
    const w = ctx.measureText(text).width
    cache.set(key, w)
    return w
  }
  return measurer
}

/** The export option and canvas size for a chart. */
export function prepareExportChart(input: ChartImageInput): ExportChart {
  return buildExportOption(input.option, {
    width: input.width,
    chartHeight: input.chartHeight,
    decorate: input.decorate,
    title: input.title,
    takeaway: input.takeaway,
    badge: input.badge,
    footnote: input.footnote,
    measure: canvasMeasure(),
  })
}

/** Draws a chart off-screen at pixelRatio × its CSS size on an opaque white canvas. */
export function renderChartCanvas(chart: ExportChart, pixelRatio: number): HTMLCanvasElement {
  // A detached element: nothing on the page moves, and the size comes from the options, not from layout.
  const el = document.createElement('div')
  const instance = init(el, null, {
    renderer: 'canvas',
    width: chart.width,
    height: chart.height,
    devicePixelRatio: pixelRatio,
  })
  try {
    instance.setOption(chart.option, { notMerge: true, lazyUpdate: false, silent: true })
    return instance.renderToCanvas({ pixelRatio, backgroundColor: EXPORT_TEXT.background })
  } finally {
    instance.dispose()
  }
}

/** A chart as PNG bytes. */
export function chartPngBlob(input: ChartImageInput, pixelRatio: number): Promise<Blob> {
  const canvas = renderChartCanvas(prepareExportChart(input), pixelRatio)
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob returned nothing'))), 'image/png')
  })
}

/** A chart as a PNG data URL (what pptxgenjs takes). */
export function chartPngDataUrl(input: ChartImageInput, pixelRatio: number): string {
  return renderChartCanvas(prepareExportChart(input), pixelRatio).toDataURL('image/png')
}
