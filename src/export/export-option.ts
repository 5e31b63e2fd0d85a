import type { ChartOption } from '../charts/options/types'
import { bareExportOption, EXPORT_FONT_FAMILY, EXPORT_TEXT } from './export-base'
import { estimateTextWidth, wrapText, type MeasureText } from './wrap-text'

export { estimateTextWidth, wrapText, type MeasureText } from './wrap-text'

/** What an export adds to the on-screen option, and at which size the chart is drawn. */
export interface ExportOptionInput {
  /** Chart width in CSS px. */
  width: number
  /** Height of the chart itself in CSS px (the export grows by the heading and footnote). */
  chartHeight: number
  /** Add the heading (title, takeaway) and the footer (badge, footnote); off for slides, which carry these as text. */
  decorate: boolean
  title?: string
  takeaway?: string
  badge?: string
  footnote?: string
  measure?: MeasureText
}

/** An option ready to draw off-screen, and the size to draw it at. */
export interface ExportChart {
  option: ChartOption
  width: number
  height: number
}

type Edge = number | string | undefined

/** Moves a top/bottom position by offset; percentages become pixels of the chart band. Keywords ('middle') stay. */
export function shiftEdge(value: Edge, offset: number, span: number, fallback?: number): number | string | undefined {
  if (value === undefined) return fallback === undefined ? undefined : offset + fallback
  if (typeof value === 'number') return value + offset
  const pct = /^(-?\d+(?:\.\d+)?)%$/.exec(value.trim())
  if (pct) return offset + (Number(pct[1]) / 100) * span
  if (/^-?\d+(?:\.\d+)?(?:px)?$/.test(value.trim())) return Number.parseFloat(value) + offset
  return value
}

function toArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return []
  return Array.isArray(value) ? value : [value]
}

/** Percent of a length, or the number itself. */
function resolveLength(value: number | string | undefined, base: number, fallback: number): number {
  if (typeof value === 'number') return value
  const pct = typeof value === 'string' ? /^(\d+(?:\.\d+)?)%$/.exec(value.trim()) : null
  if (pct) return (Number(pct[1]) / 100) * base
  if (typeof value === 'string' && /^\d+(?:\.\d+)?(?:px)?$/.test(value.trim())) return Number.parseFloat(value)
  return fallback
}

interface Band {
  top: number
  bottom: number
  width: number
  height: number
}

type Positioned = { top?: Edge; bottom?: Edge }

function shiftBox<T extends Positioned>(box: T, band: Band, defaults: { top?: number; bottom?: number } = {}): T {
  const top = shiftEdge(box.top, band.top, band.height, defaults.top)
  // `bottom` counts up from the foot of the canvas, so it moves by the footer band.
  const bottom = shiftEdge(box.bottom, band.bottom, band.height, defaults.bottom)
  const out: T = { ...box }
  if (top !== undefined) out.top = top
  if (bottom !== undefined) out.bottom = bottom
  return out
}

type RadarOption = Extract<NonNullable<ChartOption['radar']>, { center?: unknown }>
type GraphicOption = Exclude<NonNullable<ChartOption['graphic']>, unknown[]>

function shiftRadar(radar: RadarOption, band: Band): RadarOption {
  const [cx, cy] = Array.isArray(radar.center) ? radar.center : ['50%', '50%']
  const y = band.top + resolveLength(cy, band.height, band.height / 2)
  const base = Math.min(band.width, band.height) / 2
  const radius = Array.isArray(radar.radius)
    ? radar.radius.map((r) => resolveLength(r, base, base * 0.75))
    : resolveLength(radar.radius, base, base * 0.75)
  return { ...radar, center: [cx ?? '50%', y], radius } as RadarOption
}

function shiftGraphic(g: GraphicOption, band: Band): GraphicOption {
  if ('elements' in g && Array.isArray(g.elements))
    return { ...g, elements: g.elements.map((e) => shiftBox(e as Positioned, band)) } as GraphicOption
  return shiftBox(g as GraphicOption & Positioned, band)
}

/**
 * The option an export draws: the on-screen option plus a white background, no animation, fonts every
 * computer has, and — when decorated — the title and takeaway above the chart and the badge and source
 * footnote below it, with the chart's own components moved down to make room. The input is not changed.
 */
export function buildExportOption(option: ChartOption, input: ExportOptionInput): ExportChart {
  const T = EXPORT_TEXT
  const width = Math.max(1, Math.round(input.width))
  const chartHeight = Math.max(1, Math.round(input.chartHeight))
  const base = bareExportOption(option)
  if (!input.decorate) return { option: base, width, height: chartHeight }

  const measure = input.measure ?? estimateTextWidth
  const inner = width - 2 * T.padding
  const wrap = (text: string | undefined, size: number, bold: boolean): string[] =>
    text && text.trim() ? wrapText(text.trim(), inner, size, bold, measure) : []
  const titleLines = wrap(input.title, T.titleSize, true)
  const takeawayLines = wrap(input.takeaway, T.subtitleSize, false)
  const badgeLines = wrap(input.badge, T.noteSize, false)
  const noteLines = wrap(input.footnote, T.noteSize, false)

  const gap = 6
  const headText = titleLines.length * T.titleLine + takeawayLines.length * T.subtitleLine
  const headGap = titleLines.length && takeawayLines.length ? gap : 0
  const top = headText ? T.padding + headText + headGap + 10 : T.padding / 2
  const noteHeight = noteLines.length * T.noteLine
  const badgeHeight = badgeLines.length * T.noteLine
  const footText = noteHeight + badgeHeight + (noteHeight && badgeHeight ? 4 : 0)
  const bottom = footText ? footText + 8 + T.padding * 0.75 : T.padding / 2
  const band: Band = { top, bottom, width, height: chartHeight }

  const heading =
    headText > 0
      ? [
          {
            id: 'export-heading',
            text: titleLines.join('\n'),
            subtext: takeawayLines.join('\n'),
            left: T.padding,
            top: T.padding,
            padding: 0,
            itemGap: headGap,
            textStyle: {
              fontSize: T.titleSize,
              fontWeight: 'bold' as const,
              lineHeight: T.titleLine,
              color: T.titleColour,
              fontFamily: EXPORT_FONT_FAMILY,
            },
            subtextStyle: {
              fontSize: T.subtitleSize,
              lineHeight: T.subtitleLine,
              color: T.subtitleColour,
              fontFamily: EXPORT_FONT_FAMILY,
            },
          },
        ]
      : []
  const footBottom = T.padding * 0.75
  const footer: GraphicOption[] = []
  if (noteLines.length)
    footer.push({
      id: 'export-footnote',
      type: 'text',
      left: T.padding,
      bottom: footBottom,
      silent: true,
      style: {
        text: noteLines.join('\n'),
        fontSize: T.noteSize,
        lineHeight: T.noteLine,
        fill: T.noteColour,
        fontFamily: EXPORT_FONT_FAMILY,
      },
    })
  if (badgeLines.length)
    footer.push({
      id: 'export-badge',
      type: 'text',
      left: T.padding,
      bottom: footBottom + (noteHeight ? noteHeight + 4 : 0),
      silent: true,
      style: {
        text: badgeLines.join('\n'),
        fontSize: T.noteSize,
        lineHeight: T.noteLine,
        fill: T.warnColour,
        fontFamily: EXPORT_FONT_FAMILY,
      },
    })

  const out: ChartOption = {
    ...base,
    // A title or legend placed by neither edge sits at the top (ECharts' default): keep it below the heading.
    title: [
      ...heading,
      ...toArray(option.title).map((t) => {
        const moved = shiftBox(t, band, t.bottom === undefined ? { top: 0 } : {})
        // On screen a note sits flush left in the card's padding; the export has its own margin.
        return typeof t.left === 'number' ? { ...moved, left: t.left + T.padding } : moved
      }),
    ],
    graphic: [...toArray(option.graphic).map((g) => shiftGraphic(g, band)), ...footer],
  }
  // ECharts' default grid is 60px from the top and bottom of the canvas; keep that inside the chart band.
  if (option.grid !== undefined || option.xAxis !== undefined || option.yAxis !== undefined) {
    const grids = toArray(option.grid)
    const shifted = (grids.length ? grids : [{}]).map((g) => shiftBox(g, band, { top: 60, bottom: 60 }))
    out.grid = Array.isArray(option.grid) ? shifted : shifted[0]
  }
  if (option.legend !== undefined) {
    const legends = toArray(option.legend).map((l) => shiftBox(l, band, l.bottom === undefined ? { top: 0 } : {}))
    out.legend = Array.isArray(option.legend) ? legends : legends[0]
  }
  if (option.radar !== undefined) {
    const radars = toArray(option.radar).map((r) => shiftRadar(r as RadarOption, band))
    out.radar = Array.isArray(option.radar) ? radars : radars[0]
  }
  return { option: out, width, height: Math.round(top + chartHeight + bottom) }
}
