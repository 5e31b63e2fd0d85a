// Loaded on first export. Draws an export copy of a chart, with its heading and notes, on its own off-screen instance.
// Every chart type is registered here: an export may be of a chart the page has not drawn (a slide deck, say).
import '../charts/echarts-more'
import type { ChartOption } from '../charts/options/types'
import { buildExportOption, type ExportChart, type MeasureText } from './export-option'
import { EXPORT_FONT_FAMILY } from './export-base'
import { drawDetachedChart } from './draw-chart'

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

const drawPrepared = (chart: ExportChart, pixelRatio: number): HTMLCanvasElement =>
  drawDetachedChart(chart.option, chart.width, chart.height, pixelRatio)

/** A chart as PNG bytes. */
export function chartPngBlob(input: ChartImageInput, pixelRatio: number): Promise<Blob> {
  const canvas = drawPrepared(prepareExportChart(input), pixelRatio)
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob returned nothing'))), 'image/png')
  })
}

/** A chart as a PNG data URL (what pptxgenjs takes). */
export function chartPngDataUrl(input: ChartImageInput, pixelRatio: number): string {
  return drawPrepared(prepareExportChart(input), pixelRatio).toDataURL('image/png')
}
