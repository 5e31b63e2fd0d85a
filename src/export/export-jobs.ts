// Loaded on the first export: turns what is on screen into files. The composables only gather state, save and report.
import type { EChartsType } from 'echarts/core'
import type { ChartOption, ChartTable } from '../charts/options/types'
import type { Filters } from '../domain/filter-query'
import type { Locale } from '../types/locale'
import type { Catalogue, Metric } from '../types/domain'
import { CATEGORIES } from '../types/domain'
import { figureCredit, type ImportCredit } from '../domain/source'
import { chartPngBlob, chartPngDataUrl, type ChartImageInput } from './chart-image'
import { ExportNotice } from './export-notice'
import {
  buildFigureTable,
  chartTableToExport,
  type CreditOf,
  collectMetricKeys,
  resolveMetrics,
  serializeTableCsv,
  sourceTitles,
  type ExportTable,
  type FigureTableLabels,
} from './figure-table'
import { buildExportFileName, chartSubject, numberedFileName, shortDistrictName } from './file-name'
import { SLIDE_PIXEL_RATIO, buildSlidePlan, describeFilters, slideImageSize } from './slide-plan'
import { localName } from '../domain/intl'
import { REMARK_STATES, remarkFigureKey, remarkNotes, type Remark, type RemarkNoteLabels } from '../domain/remarks'

/** The i18n `t`, narrowed to what exporters call. */
export type Translate = (key: string, named?: Record<string, string | number>) => string

/** What is on screen, read when the export starts. */
export interface ExportScreen {
  filters: Filters
  catalogue: Catalogue
  /** Every figure in force (built-in data with imports layered over it). */
  metrics: readonly Metric[]
  locale: Locale
  t: Translate
  /** The imports figures may come from, so a figure is credited to its import (none: built-in data only). */
  imports?: readonly ImportCredit[]
  /** Remarks and follow-ups on figures, for the deck's speaker notes (none: no notes). */
  remarks?: readonly Remark[]
}

/** A chart as the registry describes it. */
export interface ExportableChart {
  key: string
  /** What kind of chart ('trend-…', 'comparison-…', 'district-radar'), when known. */
  chartId?: string
  title: string
  takeaway: string
  badge: string
  footnote: string
  option: ChartOption
  table: ChartTable
  instance: () => EChartsType | null
}

/** A file ready to save. */
export interface ExportFile {
  blob: Blob
  name: string
}

/** Called before each chart of a view export is drawn (1-based). */
export type OnProgress = (done: number, total: number) => void

const FALLBACK_SIZE = { width: 640, height: 360 }
const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const CSV_TYPE = 'text/csv;charset=utf-8'

/** Lets the page repaint (progress, spinner) between two charts. */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

function districtName(screen: ExportScreen, id: string): string {
  const d = screen.catalogue.districts.find((x) => x.id === id)
  return d ? localName(d, screen.locale) : id
}

/** How one export's name differs from the view's: its own year text (a trend's span), its pixel ratio. */
export interface FileNameOptions {
  /** Replaces the filter's year ('2019-2025' for a trend, '全部年份' for a profile's figures). */
  yearText?: string
  /** Pixel ratio of a PNG: '@2x' and '@3x' files differ. */
  scale?: number
}

/** The district a profile shows: the one in the URL, else the first of the catalogue (as the view does). */
export function profileDistrict(screen: Pick<ExportScreen, 'filters' | 'catalogue'>): string {
  return screen.filters.district ?? screen.catalogue.districts[0]?.id ?? ''
}

/**
 * `subject_year[_含累计]_districts[@2x].ext` for the current filters and language. A district profile compares its
 * district with all others, so its names carry the district in the subject and no selection of districts.
 */
export function exportFileName(
  screen: ExportScreen,
  subject: string,
  extension: string,
  options: FileNameOptions = {},
): string {
  const f = screen.filters
  const profile = f.view === 'district'
  return buildExportFileName({
    subject,
    yearText: options.yearText ?? (f.year === 'latest' ? screen.t('export.file.latest') : String(f.year)),
    qualifiers: f.cumulative && !profile ? [screen.t('export.file.cumulative')] : [],
    districts: profile ? [] : f.districts.map((id) => shortDistrictName(districtName(screen, id), screen.locale)),
    districtSummary: screen.t('export.file.districts', { n: f.districts.length }),
    scale: options.scale,
    extension,
  })
}

/** Whether a chart draws every year (a trend), so its file is named by the years it shows, not the year filter. */
export function isTrendChart(chart: Pick<ExportableChart, 'chartId'>): boolean {
  return chart.chartId?.startsWith('trend-') ?? false
}

/** The years a set of figures spans, '2019-2025' or '2024'; null when there are none. */
export function yearSpan(metrics: readonly Pick<Metric, 'start' | 'end'>[]): string | null {
  if (!metrics.length) return null
  const from = Math.min(...metrics.map((m) => m.start))
  const to = Math.max(...metrics.map((m) => m.end))
  return from === to ? String(from) : `${from}-${to}`
}

function chartFileName(screen: ExportScreen, chart: ExportableChart, extension: string, scale?: number): string {
  const f = screen.filters
  const yearInTitle = f.year === 'latest' ? screen.t('chart.latestYear') : String(f.year)
  const trend = isTrendChart(chart)
  const yearText = trend
    ? (yearSpan(resolveMetrics(collectMetricKeys([chart.table]), screen.metrics)) ?? screen.t('export.file.allYears'))
    : undefined
  return exportFileName(screen, chartSubject(chart.title, yearInTitle), extension, { yearText, scale })
}

/** The view's name in words, e.g. '分类 · 组织建设'. */
export function viewName(screen: ExportScreen): string {
  const { filters: f, catalogue, locale, t } = screen
  let detail = ''
  if (f.view === 'category') detail = t(`category.${f.category}`)
  else if (f.view === 'indicator' && f.indicator) {
    const ind = catalogue.indicators.find((i) => i.id === f.indicator)
    detail = ind ? localName(ind, locale) : ''
  } else if (f.view === 'district' && f.district) detail = districtName(screen, f.district)
  const base = t(`nav.${f.view}`)
  return detail ? `${base} · ${detail}` : base
}

/** The chart's size on screen in CSS px; its table's width and the CSS chart height when the table is showing. */
function chartSize(chart: ExportableChart): { width: number; height: number } {
  const live = chart.instance()
  if (live && live.getWidth() > 0 && live.getHeight() > 0) return { width: live.getWidth(), height: live.getHeight() }
  const card = document.querySelector(`[data-chart-key="${CSS.escape(chart.key)}"]`)
  // A chart not drawn yet (far from the viewport) still has its sized box; a card showing its table has not.
  const box = card?.querySelector('.chart-card__chart')
  const body = box ?? card?.querySelector('.chart-card__table')
  const cssHeight = Number.parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--chart-h'))
  const height = box && box.clientHeight > 0 ? box.clientHeight : cssHeight
  return {
    width: body && body.clientWidth > 0 ? body.clientWidth : FALLBACK_SIZE.width,
    height: Number.isFinite(height) && height > 0 ? height : FALLBACK_SIZE.height,
  }
}

function imageInput(
  chart: ExportableChart,
  decorate: boolean,
  size: { width: number; height: number } = chartSize(chart),
): ChartImageInput {
  return {
    option: chart.option,
    title: chart.title,
    takeaway: chart.takeaway,
    badge: chart.badge,
    footnote: chart.footnote,
    width: size.width,
    chartHeight: size.height,
    decorate,
  }
}

function figureLabels(t: Translate): FigureTableLabels {
  return {
    columns: {
      district: t('export.columns.district'),
      indicator: t('export.columns.indicator'),
      period: t('export.columns.period'),
      value: t('export.columns.value'),
      unit: t('export.columns.unit'),
      qualifier: t('export.columns.qualifier'),
      source: t('export.columns.source'),
      quote: t('export.columns.quote'),
      note: t('export.columns.note'),
      measure: t('export.columns.measure'),
      basis: t('export.columns.basis'),
      status: t('export.columns.status'),
      method: t('export.columns.method'),
    },
    measureNames: { flow: t('reason.measureNames.flow'), stock: t('reason.measureNames.stock') },
    statusNames: {
      achieved: t('reason.statusNames.achieved'),
      nominated: t('reason.statusNames.nominated'),
      target: t('reason.statusNames.target'),
    },
    methodNames: { reported: t('reason.methodNames.reported'), derived: t('reason.methodNames.derived') },
    basisDefault: t('reason.basisDefault'),
    qualifierNames: {
      exact: t('qualifier.exact'),
      approx: t('qualifier.approx'),
      at_least: t('qualifier.at_least'),
      at_most: t('qualifier.at_most'),
    },
  }
}

/** Who each figure is credited to: its report (district, publisher) and, for an imported figure, its import. */
export function creditOf(screen: ExportScreen): CreditOf {
  const labels = {
    imported: (source: string, file: string) => screen.t('export.credit.imported', { source, file }),
    importedOnly: (file: string) => screen.t('export.credit.importedOnly', { file }),
  }
  return (m) => figureCredit(m, screen.catalogue.sources, screen.imports ?? [], screen.locale, labels)
}

/**
 * Every figure of one district, as its profile lists them: by category, latest period first, then by indicator.
 * The profile's spreadsheet holds these, not only the radar's relative levels.
 */
export function districtProfileMetrics(metrics: readonly Metric[], catalogue: Catalogue, district: string): Metric[] {
  const category = new Map(catalogue.indicators.map((i) => [i.id, CATEGORIES.indexOf(i.category)]))
  const rank = (m: Metric): number => category.get(m.indicator) ?? CATEGORIES.length
  return metrics
    .filter((m) => m.district === district && category.has(m.indicator))
    .sort((a, b) => rank(a) - rank(b) || b.end - a.end || a.indicator.localeCompare(b.indicator) || a.start - b.start)
}

function figureTable(screen: ExportScreen, metrics: readonly Metric[]): ExportTable {
  return buildFigureTable(metrics, screen.catalogue, screen.locale, figureLabels(screen.t), creditOf(screen))
}

/** The figures of the view: a district profile's own figures; else those behind its charts. */
function viewFigures(screen: ExportScreen, charts: readonly ExportableChart[]): ExportTable {
  if (screen.filters.view !== 'district') {
    requireCharts(screen, charts)
    return figuresOf(screen, charts)
  }
  const own = districtProfileMetrics(screen.metrics, screen.catalogue, profileDistrict(screen))
  if (!own.length) throw new ExportNotice(screen.t('export.status.noData'))
  return figureTable(screen, own)
}

/** The figures behind some charts; charts with no figures of their own (the radar) give their on-screen tables. */
function figuresOf(screen: ExportScreen, charts: readonly ExportableChart[]): ExportTable {
  const metrics = resolveMetrics(collectMetricKeys(charts.map((c) => c.table)), screen.metrics)
  if (metrics.length) return figureTable(screen, metrics)
  const tables = charts.map((c) => chartTableToExport(c.table))
  const header = tables[0]?.header ?? []
  const same = tables.filter((x) => x.header.join('\u0000') === header.join('\u0000'))
  const table = { header, rows: same.flatMap((x) => x.rows) }
  if (!table.rows.length) throw new ExportNotice(screen.t('export.status.noData'))
  return table
}

function requireCharts(screen: ExportScreen, charts: readonly ExportableChart[]): void {
  if (!charts.length) throw new ExportNotice(screen.t('export.status.noCharts'))
}

/** One chart as a PNG at pixelRatio × its on-screen size, with title, takeaway and footnote. */
export async function chartPngFile(
  screen: ExportScreen,
  chart: ExportableChart,
  pixelRatio: number,
): Promise<ExportFile> {
  return {
    blob: await chartPngBlob(imageInput(chart, true), pixelRatio),
    name: chartFileName(screen, chart, 'png', pixelRatio),
  }
}

/** One chart as a standalone SVG. */
export async function chartSvgFile(screen: ExportScreen, chart: ExportableChart): Promise<ExportFile> {
  const { chartSvg } = await import('./chart-svg')
  const svg = chartSvg(imageInput(chart, true))
  return { blob: new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), name: chartFileName(screen, chart, 'svg') }
}

/** One chart's figures as CSV. */
export function chartCsvFile(screen: ExportScreen, chart: ExportableChart): ExportFile {
  const csv = serializeTableCsv(figuresOf(screen, [chart]))
  return { blob: new Blob([csv], { type: CSV_TYPE }), name: chartFileName(screen, chart, 'csv') }
}

/** Every chart of the view as a PNG, numbered in page order, in one ZIP. */
export async function viewZipFile(
  screen: ExportScreen,
  charts: readonly ExportableChart[],
  onProgress: OnProgress,
): Promise<ExportFile> {
  requireCharts(screen, charts)
  const { zipFiles } = await import('./zip-files')
  const files = []
  for (const [i, chart] of charts.entries()) {
    onProgress(i + 1, charts.length)
    await nextFrame()
    const blob = await chartPngBlob(imageInput(chart, true), 2)
    const name = numberedFileName(i, charts.length, chartFileName(screen, chart, 'png'))
    files.push({ name, data: new Uint8Array(await blob.arrayBuffer()) })
  }
  const zip = zipFiles(files)
  return { blob: new Blob([zip], { type: 'application/zip' }), name: exportFileName(screen, viewName(screen), 'zip') }
}

/** The view as a 16:9 deck: title slide, one chart per slide with its takeaway as headline, sources slide. */
export async function viewPptxFile(
  screen: ExportScreen,
  charts: readonly ExportableChart[],
  onProgress: OnProgress,
): Promise<ExportFile> {
  requireCharts(screen, charts)
  const { t, filters: f, locale } = screen
  const deck = import('./pptx-deck')
  const size = slideImageSize()
  const images = new Map<string, string>()
  for (const [i, chart] of charts.entries()) {
    onProgress(i + 1, charts.length)
    await nextFrame()
    images.set(chart.key, chartPngDataUrl(imageInput(chart, false, size), SLIDE_PIXEL_RATIO))
  }
  const name = viewName(screen)
  const en = locale === 'en'
  const slides = buildSlidePlan({
    appName: t('app.title'),
    viewName: name,
    filterLines: describeFilters(
      {
        yearText: f.year === 'latest' ? t('export.slides.latestYear') : String(f.year),
        // A profile sets its district against every district of the catalogue, whatever the selection.
        districtNames: (f.view === 'district' ? screen.catalogue.districts.map((d) => d.id) : f.districts).map((id) =>
          districtName(screen, id),
        ),
        extra: f.cumulative ? [t('export.slides.cumulative')] : [],
      },
      {
        year: (year) => t('export.slides.year', { year }),
        districts: (list) => t('export.slides.districts', { list }),
        separator: en ? ', ' : '、',
      },
    ),
    dateText: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date()),
    charts: charts.map((c) => ({
      key: c.key,
      title: c.title,
      takeaway: c.takeaway,
      badge: c.badge,
      footnote: c.footnote,
      sources: sourceTitles(
        resolveMetrics(collectMetricKeys([c.table]), screen.metrics),
        screen.catalogue,
        screen.locale,
        creditOf(screen),
      ),
    })),
    labels: {
      sourcesHeading: t('export.slides.sourcesHeading'),
      noSources: t('export.slides.noSources'),
      exportedOn: (date) => t('export.slides.exportedOn', { date }),
    },
  })
  const { buildPptx } = await deck
  const blob = await buildPptx(
    slides,
    images,
    { title: name, author: t('app.title'), lang: locale },
    notesOf(screen, charts),
  )
  return { blob: new Blob([blob], { type: PPTX_TYPE }), name: exportFileName(screen, name, 'pptx') }
}

/** Each chart's speaker notes: the remarks on the figures it shows (charts without remarks get none). */
function notesOf(screen: ExportScreen, charts: readonly ExportableChart[]): Map<string, string> {
  const notes = new Map<string, string>()
  if (!screen.remarks?.length) return notes
  const { t } = screen
  const labels: RemarkNoteLabels = {
    heading: t('remarks.notes.heading'),
    item: (p) => t('remarks.notes.item', p),
    states: Object.fromEntries(REMARK_STATES.map((s) => [s, t(`remarks.states.${s}`)])) as RemarkNoteLabels['states'],
    ownerNone: t('remarks.ownerNone'),
    dueNone: t('remarks.dueNone'),
    figureName: (f) => {
      const ind = screen.catalogue.indicators.find((i) => i.id === f.indicator)
      return [districtName(screen, f.district), ind ? localName(ind, screen.locale) : f.indicator, f.period].join(' · ')
    },
  }
  for (const c of charts) {
    const figures = resolveMetrics(collectMetricKeys([c.table]), screen.metrics).map(remarkFigureKey)
    const text = remarkNotes(screen.remarks, figures, labels)
    if (text) notes.set(c.key, text)
  }
  return notes
}

function figuresFileName(screen: ExportScreen, extension: string): string {
  // A profile's figures are all of its district's, whatever the year filter.
  const yearText = screen.filters.view === 'district' ? screen.t('export.file.allYears') : undefined
  return exportFileName(screen, screen.t('export.file.figures', { view: viewName(screen) }), extension, { yearText })
}

/** The view's figures as CSV (UTF-8 with BOM). */
export function viewCsvFile(screen: ExportScreen, charts: readonly ExportableChart[]): ExportFile {
  const csv = serializeTableCsv(viewFigures(screen, charts))
  return { blob: new Blob([csv], { type: CSV_TYPE }), name: figuresFileName(screen, 'csv') }
}

/** The view's figures as an Excel workbook with the same columns as the CSV. */
export async function viewXlsxFile(screen: ExportScreen, charts: readonly ExportableChart[]): Promise<ExportFile> {
  const table = viewFigures(screen, charts)
  const { buildXlsx } = await import('./xlsx')
  return {
    blob: new Blob([buildXlsx(table, viewName(screen))], { type: XLSX_TYPE }),
    name: figuresFileName(screen, 'xlsx'),
  }
}
