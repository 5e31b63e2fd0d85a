/** A chart as a slide needs it: the registry's texts plus the sources of its figures. */
export interface SlideChartInput {
  key: string
  title: string
  takeaway: string
  badge: string
  footnote: string
  /** Titles of the reports its figures come from (empty when the chart shows no figures of its own). */
  sources: readonly string[]
}

/** Translated words for the title and closing slides. */
export interface SlidePlanLabels {
  /** e.g. '数据来源'. */
  sourcesHeading: string
  /** Shown when no chart names a source. */
  noSources: string
  /** e.g. d => `导出日期：${d}`. */
  exportedOn: (date: string) => string
}

/** Everything the deck is made from; plain data, already translated. */
export interface SlidePlanInput {
  appName: string
  viewName: string
  /** The filters in words, one line each ('年份：2024', '区县：萧山、西湖'). */
  filterLines: readonly string[]
  /** Today's date, formatted for the current language. */
  dateText: string
  charts: readonly SlideChartInput[]
  labels: SlidePlanLabels
}

/** The opening slide. */
export interface TitleSlide {
  kind: 'title'
  title: string
  subtitle: string
  lines: string[]
  date: string
}

/** One chart per slide: the takeaway is the headline, the figure is an image, the texts stay editable. */
export interface ChartSlide {
  kind: 'chart'
  chartKey: string
  headline: string
  title: string
  badge: string
  footnote: string
}

/** The closing slide listing every source once. */
export interface SourcesSlide {
  kind: 'sources'
  heading: string
  items: string[]
}

/** A slide of the deck. */
export type Slide = TitleSlide | ChartSlide | SourcesSlide

/** The slides, in order: title, one per chart in page order, sources. */
export function buildSlidePlan(input: SlidePlanInput): Slide[] {
  const { labels } = input
  const title: TitleSlide = {
    kind: 'title',
    title: input.viewName,
    subtitle: input.appName,
    lines: [...input.filterLines],
    date: labels.exportedOn(input.dateText),
  }
  const charts = input.charts.map((c): ChartSlide => ({
    kind: 'chart',
    chartKey: c.key,
    // A chart without a computed takeaway (the radar) still gets a headline: its title.
    headline: c.takeaway.trim() || c.title,
    title: c.title,
    badge: c.badge,
    footnote: c.footnote,
  }))
  return [title, ...charts, { kind: 'sources', heading: labels.sourcesHeading, items: closingSources(input) }]
}

/** Every source once: the reports behind the figures, and the footnote of any chart without figures of its own. */
export function closingSources(input: Pick<SlidePlanInput, 'charts' | 'labels'>): string[] {
  const items = new Set<string>()
  for (const c of input.charts) {
    const own = c.sources.map((s) => s.trim()).filter(Boolean)
    if (own.length) own.forEach((s) => items.add(s))
    else if (c.footnote.trim()) items.add(c.footnote.trim())
  }
  return items.size ? [...items] : [input.labels.noSources]
}

/** The filters in words for the title slide. */
export function describeFilters(
  filters: { yearText: string; districtNames: readonly string[]; extra: readonly string[] },
  labels: { year: (year: string) => string; districts: (list: string) => string; separator: string },
): string[] {
  return [
    labels.year(filters.yearText),
    labels.districts(filters.districtNames.join(labels.separator)),
    ...filters.extra.filter(Boolean),
  ]
}

/** Slide geometry in inches on PowerPoint's 16:9 page (13.333 × 7.5). */
export const SLIDE = {
  width: 13.333,
  height: 7.5,
  margin: 0.5,
  headline: { y: 0.35, h: 1.0 },
  title: { y: 1.35, h: 0.45 },
  image: { y: 1.85, h: 4.6 },
  /** Badge and source footnote, one text box so wrapped lines never collide. */
  notes: { y: 6.5, h: 0.85 },
} as const

/** CSS px per inch for slide charts: at 72, a 16px label shows at 16pt, readable across a meeting room. */
export const PX_PER_INCH = 72

/** Pixel ratio of slide charts: 72 px per inch × 3 keeps them sharp on a projector. */
export const SLIDE_PIXEL_RATIO = 3

/** The chart image's box on a chart slide, in inches. */
export function slideImageBox(): { x: number; y: number; w: number; h: number } {
  return { x: SLIDE.margin, y: SLIDE.image.y, w: SLIDE.width - 2 * SLIDE.margin, h: SLIDE.image.h }
}

/** Size in CSS px at which a chart is drawn for a slide, so it fills the image box without distortion. */
export function slideImageSize(): { width: number; height: number } {
  const box = slideImageBox()
  return { width: Math.round(box.w * PX_PER_INCH), height: Math.round(box.h * PX_PER_INCH) }
}
