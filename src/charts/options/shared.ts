import type { BarSeriesOption } from 'echarts/charts'
import type { GraphicComponentOption, TitleComponentOption } from 'echarts/components'
import type { Metric } from '../../types/domain'
import { escapeHtml } from '../../domain/format'
import { readableQuote } from '../../domain/metric'
import type { Locale } from '../../types/locale'
import { localText } from '../../domain/intl'

/** A decal (fill pattern) as ECharts accepts it on itemStyle. */
export type Decal = Exclude<NonNullable<NonNullable<BarSeriesOption['itemStyle']>['decal']>, 'none'>

/** Base font sizes in px at fontScale 1; every builder scales these, so presentation mode grows all text alike. */
export const FONT = {
  axisLabel: 16,
  axisName: 16,
  valueLabel: 18,
  valueMeta: 14,
  legend: 16,
  note: 14,
  tooltip: 14,
  noData: 16,
} as const

/** A font size multiplied by fontScale (clamped to 0.5–4 so a bad setting cannot blow up the layout). */
export function scaled(base: number, fontScale: number): number {
  const s = Number.isFinite(fontScale) && fontScale > 0 ? Math.min(Math.max(fontScale, 0.5), 4) : 1
  return Math.round(base * s)
}

const DECAL_INK = 'rgba(255, 255, 255, 0.6)'

/** One pattern per district in accessible mode; none is a diagonal stripe, which is reserved for multi-year totals. */
export const DISTRICT_DECALS: readonly Decal[] = [
  {
    color: DECAL_INK,
    symbol: 'circle',
    symbolSize: 0.7,
    dashArrayX: [
      [6, 6],
      [0, 6, 6, 0],
    ],
    dashArrayY: [6, 0],
  },
  { color: DECAL_INK, symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 5], rotation: 0 },
  {
    color: DECAL_INK,
    symbol: 'triangle',
    symbolSize: 0.8,
    dashArrayX: [
      [9, 9],
      [0, 9, 9, 0],
    ],
    dashArrayY: [7, 2],
  },
  {
    color: DECAL_INK,
    symbol: 'rect',
    dashArrayX: [
      [1, 0],
      [1, 6],
    ],
    dashArrayY: [1, 0, 6, 0],
  },
  {
    color: DECAL_INK,
    symbol: 'diamond',
    symbolSize: 0.8,
    dashArrayX: [
      [8, 8],
      [0, 8, 8, 0],
    ],
    dashArrayY: [7, 2],
  },
  { color: DECAL_INK, symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 5], rotation: Math.PI / 2 },
]

const STRIPE_ANGLES = [-Math.PI / 4, Math.PI / 4, -Math.PI / 3, Math.PI / 3, -Math.PI / 6, Math.PI / 6]

/** Diagonal stripes marking a multi-year total; in accessible mode the angle also differs per district. */
export function cumulativeDecal(districtIndex: number, accessible: boolean): Decal {
  const angle = accessible ? STRIPE_ANGLES[districtIndex % STRIPE_ANGLES.length] : STRIPE_ANGLES[0]
  return { color: DECAL_INK, symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [4, 4], rotation: angle ?? -Math.PI / 4 }
}

/** The accessible-mode pattern of the district at this index. */
export function districtDecal(districtIndex: number): Decal {
  return DISTRICT_DECALS[districtIndex % DISTRICT_DECALS.length] ?? { color: DECAL_INK }
}

/** Symbols per district for line and radar charts in accessible mode. */
export const DISTRICT_SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow'] as const
/** Line dash per district for line and radar charts in accessible mode. */
export const DISTRICT_DASHES = ['solid', 'dashed', 'dotted', 'solid', 'dashed', 'dotted'] as const

/** Removes the characters ECharts reads as rich-text or template markup, so data text prints literally. */
export function richSafe(s: string): string {
  return s.replace(/[{}|]/g, (c) => (c === '{' ? '（' : c === '}' ? '）' : '/'))
}

/** The part of an ECharts tooltip callback argument the builders read. */
export interface TooltipTarget {
  componentType: string
  dataIndex: number
  name: string
}

function readOne(value: unknown): TooltipTarget | null {
  if (typeof value !== 'object' || value === null) return null
  const componentType =
    'componentType' in value && typeof value.componentType === 'string' ? value.componentType : 'series'
  const dataIndex = 'dataIndex' in value && typeof value.dataIndex === 'number' ? value.dataIndex : -1
  const name = 'name' in value && typeof value.name === 'string' ? value.name : ''
  return { componentType, dataIndex, name }
}

/** Reads what was hovered from a tooltip callback argument (one item, or the first of an axis tooltip's list). */
export function readTooltipTarget(params: unknown): TooltipTarget | null {
  return readOne(Array.isArray(params) ? params[0] : params)
}

/** One escaped 'label: value' line of tooltip HTML. */
export function tooltipRow(label: string, value: string): string {
  return `<div>${escapeHtml(label)}: ${escapeHtml(value)}</div>`
}

/** Wraps tooltip lines in a box that wraps long text and uses the scaled font size. */
export function tooltipBox(lines: string[], fontSize: number): string {
  return `<div style="max-width:28em;white-space:normal;line-height:1.5;font-size:${fontSize}px">${lines.join('')}</div>`
}

/** Longest quote shown in a tooltip; the provenance panel shows it whole. */
export const QUOTE_LIMIT = 140

/** A quote cut to QUOTE_LIMIT characters with an ellipsis. */
export function shortQuote(quote: string): string {
  const chars = [...readableQuote(quote).trim()]
  return chars.length > QUOTE_LIMIT ? `${chars.slice(0, QUOTE_LIMIT).join('')}…` : chars.join('')
}

/** Escaped note and quote lines for a figure (empty when both are blank). */
export function noteAndQuote(m: Metric, locale: Locale = 'zh-CN'): string[] {
  const lines: string[] = []
  // An English reader gets the English note where the data give one; the quote stays the report's own words.
  const note = localText(m.note, m.noteEn.trim(), locale).trim()
  if (note) lines.push(`<div style="opacity:.85">${escapeHtml(note)}</div>`)
  if (m.quote.trim()) lines.push(`<div style="opacity:.85">「${escapeHtml(shortQuote(m.quote))}」</div>`)
  return lines
}

/** Colour used when a district's colour is missing or not a plain CSS colour. */
export const FALLBACK_COLOUR = '#8a94a6'

/** The colour if it is a plain hex, rgb(a)/hsl(a) or named colour; otherwise the fallback (it ends up in HTML style attributes). */
export function safeColour(color: string): string {
  return /^(#[0-9a-f]{3,8}|(rgb|hsl)a?\([\d\s.,%]+\)|[a-z]{3,20})$/i.test(color.trim()) ? color.trim() : FALLBACK_COLOUR
}

/** A coloured dot for a tooltip line. */
export function colourDot(color: string): string {
  return `<span style="display:inline-block;width:.7em;height:.7em;border-radius:50%;margin-right:.4em;background:${escapeHtml(safeColour(color))}"></span>`
}

/** A muted note pinned to the chart's bottom-left (an empty title with the note as subtext). */
export function bottomNote(text: string, fontScale: number, muted: string): TitleComponentOption {
  const size = scaled(FONT.note, fontScale)
  return {
    show: text !== '',
    text: '',
    subtext: text,
    left: 0,
    bottom: 0,
    itemGap: 0,
    padding: 0,
    subtextStyle: { fontSize: size, lineHeight: Math.round(size * 1.4), color: muted },
  }
}

/**
 * The centred 'no data' message: always present with a stable id and hidden with `ignore` when there is data,
 * so option updates never leave a stale message behind.
 */
export function noDataGraphic(
  label: string,
  hidden: boolean,
  fontScale: number,
  muted: string,
): GraphicComponentOption {
  return {
    id: 'no-data',
    type: 'text',
    ignore: hidden,
    left: 'center',
    top: 'middle',
    style: { text: label, fontSize: scaled(FONT.noData, fontScale), fill: muted },
  }
}
