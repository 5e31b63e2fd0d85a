import type { BarSeriesOption } from 'echarts/charts'
import type { MarkPointComponentOption } from 'echarts/components'
import type { Metric, Unit } from '../../types/domain'
import type { FigureEntry } from '../../domain/compare'
import { axisNumberFormatter, escapeHtml, formatCompact, formatMetricValue, qualifierSymbol } from '../../domain/format'
import type { Locale } from '../../types/locale'
import { isCumulativeMetric, isDerived, metricKey, metricPeriod } from '../../domain/metric'
import { formatPeriod } from '../../domain/periods'
import type { ChartDistrict, ChartOption, ChartSettings, FigureLabels } from './types'
import { paletteOf, seriesColour } from './palette'
import {
  FALLBACK_COLOUR,
  FONT,
  cumulativeDecal,
  districtDecal,
  noteAndQuote,
  readTooltipTarget,
  richSafe,
  safeColour,
  scaled,
  tooltipBox,
  tooltipRow,
  type Decal,
} from './shared'

/** Settings of the comparison chart. */
export interface ComparisonSettings extends ChartSettings {
  /** Latest mode: each value label shows its own period, since districts may differ. */
  showPeriodInLabel: boolean
  /** Horizontal bars, one row a district, in the order given (many districts: names stay readable). */
  horizontal?: boolean
}

/** Input of buildComparisonOption: figures already selected, labels already translated. */
export interface ComparisonInput {
  districts: ChartDistrict[]
  entries: ReadonlyArray<FigureEntry>
  unit: Unit
  locale: Locale
  labels: FigureLabels
  settings: ComparisonSettings
}

/** A bar: a present figure, with what the click handler and keyboard navigation need. */
export interface ComparisonBarItem {
  value: number | '-'
  /** District id. */
  name: string
  /** `district|indicator|period|dataset`, or null for an empty slot. */
  metricKey: string | null
  itemStyle: { color: string; decal?: Decal }
  label: { show: boolean; formatter?: string }
}

/** The 'no data' mark standing in the slot of a district without a figure. */
export type NoDataMark = NonNullable<MarkPointComponentOption['data']>[number]

/** Id of the bar series, stable so ECharts can animate between option updates. */
export const COMPARISON_SERIES_ID = 'comparison'

/** Text on a bar: qualifier + compact value on the first line; period, multi-year and derived markers on a smaller second. */
function barLabel(m: Metric, input: ComparisonInput): { text: string; hasMeta: boolean } {
  const { labels, locale, settings } = input
  const value = qualifierSymbol(m.qualifier) + formatCompact(m.value, locale)
  const period = formatPeriod(metricPeriod(m), locale)
  const meta: string[] = []
  if (isCumulativeMetric(m)) meta.push(labels.cumulative(period))
  else if (settings.showPeriodInLabel) meta.push(`(${period})`)
  if (isDerived(m)) meta.push(labels.derived)
  const first = `{value|${richSafe(value)}}`
  // Horizontal rows are one line high: the meta goes beside the value, not under it into the next row.
  const gap = settings.horizontal ? ' ' : '\n'
  return meta.length
    ? { text: `${first}${gap}{meta|${richSafe(meta.join(' · '))}}`, hasMeta: true }
    : { text: first, hasMeta: false }
}

/** Tooltip HTML for one slot; every piece of data text is escaped. */
function slotTooltip(entry: FigureEntry, input: ComparisonInput, fontSize: number, name: string): string {
  const { labels, locale, unit } = input
  const m = entry.metric
  const head = `<div style="font-weight:700">${escapeHtml(name)}</div>`
  if (!m) return tooltipBox([head, `<div>${escapeHtml(labels.noData)}</div>`], fontSize)
  const period = formatPeriod(metricPeriod(m), locale)
  const lines = [
    head,
    `<div style="font-weight:700;font-size:1.15em">${escapeHtml(formatMetricValue(m, unit, locale, 'exact'))}</div>`,
    tooltipRow(labels.periodLabel, isCumulativeMetric(m) ? labels.cumulative(period) : period),
    tooltipRow(labels.qualifierLabel, labels.qualifierNames[m.qualifier]),
    tooltipRow(labels.sourceLabel, labels.sourceName(m)),
  ]
  if (isDerived(m)) lines.push(`<div style="font-weight:700">${escapeHtml(labels.derived)}</div>`)
  return tooltipBox([...lines, ...noteAndQuote(m, locale)], fontSize)
}

/** Screen-reader summary: every district with its value or 'no data'. */
function ariaDescription(input: ComparisonInput, names: string[]): string {
  const { entries, labels, locale, unit } = input
  const zh = locale === 'zh-CN'
  const parts = entries.map((e, i) => {
    const name = names[i] ?? e.district
    if (!e.metric) return `${name} ${labels.noData}`
    const period = formatPeriod(metricPeriod(e.metric), locale)
    const when = isCumulativeMetric(e.metric) ? labels.cumulative(period) : period
    return `${name} ${formatMetricValue(e.metric, unit, locale, 'compact')}${zh ? `（${when}）` : ` (${when})`}`
  })
  return `${labels.axisName}${zh ? '：' : ': '}${parts.join(zh ? '；' : '; ')}`
}

/** Vertical bars, one slot per requested district in order; a missing figure leaves its slot empty with a 'no data' mark, never a zero bar. */
export function buildComparisonOption(input: ComparisonInput): ChartOption {
  const { districts, entries, labels, locale, settings } = input
  const s = settings.fontScale
  const palette = paletteOf(settings)
  const byId = new Map(districts.map((d, i) => [d.id, { district: d, index: i }]))
  const names = entries.map((e) => byId.get(e.district)?.district.name ?? labels.districtName(e.district))
  let hasMeta = false

  const data = entries.map((e, i): ComparisonBarItem => {
    const known = byId.get(e.district)
    const colour = seriesColour(safeColour(known?.district.color ?? FALLBACK_COLOUR), palette)
    const districtIndex = known?.index ?? i
    const m = e.metric
    if (!m)
      return { value: '-', name: e.district, metricKey: null, itemStyle: { color: colour }, label: { show: false } }
    const label = barLabel(m, input)
    hasMeta ||= label.hasMeta
    const decal = isCumulativeMetric(m)
      ? cumulativeDecal(districtIndex, settings.accessible)
      : settings.accessible
        ? districtDecal(districtIndex)
        : undefined
    return {
      value: m.value,
      name: e.district,
      metricKey: metricKey(m),
      itemStyle: decal ? { color: colour, decal } : { color: colour },
      label: { show: true, formatter: label.text },
    }
  })

  const horizontal = settings.horizontal === true
  const noDataMarks: NoDataMark[] = entries.flatMap((e, i) =>
    e.metric ? [] : [{ name: e.district, coord: horizontal ? [0, i] : [i, 0] }],
  )

  const valueFont = scaled(FONT.valueLabel, s)
  const metaFont = scaled(FONT.valueMeta, s)
  const tooltipFont = scaled(FONT.tooltip, s)
  // The axis name sits above the tallest bar's label, so leave room for both label lines.
  const labelBlock = Math.round(valueFont * 1.3 + (hasMeta ? metaFont * 1.3 : 0) + 6)

  const series: BarSeriesOption = {
    type: 'bar',
    id: COMPARISON_SERIES_ID,
    name: labels.axisName,
    data,
    barMaxWidth: Math.round(96 * Math.min(Math.max(s, 1), 2)),
    barCategoryGap: '40%',
    label: {
      show: true,
      position: horizontal ? 'right' : 'top',
      distance: 6,
      rich: {
        value: { fontSize: valueFont, fontWeight: 'bold', lineHeight: Math.round(valueFont * 1.3) },
        meta: { fontSize: metaFont, lineHeight: Math.round(metaFont * 1.3), color: palette.muted },
      },
    },
    markPoint: {
      symbol: 'rect',
      symbolSize: 1,
      itemStyle: { color: 'transparent' },
      label: {
        show: true,
        position: horizontal ? 'right' : 'top',
        distance: 8,
        formatter: richSafe(labels.noData),
        fontSize: scaled(FONT.noData, s),
        color: palette.muted,
      },
      data: noDataMarks,
    },
  }
  if (horizontal) {
    // Rows instead of columns: the label of a row's meta line sits beside the value, not under it.
    series.barCategoryGap = '30%'
    series.barMaxWidth = Math.round(36 * Math.min(Math.max(s, 1), 2))
  }
  const categoryAxis = {
    type: 'category' as const,
    data: names,
    axisTick: { alignWithLabel: true },
    axisLabel: { interval: 0, fontSize: scaled(FONT.axisLabel, s), fontWeight: 'bold' as const, margin: scaled(12, s) },
  }
  const valueAxis = {
    type: 'value' as const,
    name: labels.axisName,
    nameLocation: 'end' as const,
    nameGap: horizontal ? scaled(10, s) : labelBlock + scaled(10, s),
    nameTextStyle: { fontSize: scaled(FONT.axisName, s), align: horizontal ? ('right' as const) : ('left' as const) },
    axisLabel: {
      fontSize: scaled(FONT.axisLabel, s),
      // One format per axis (never 5000 beside 1万): the largest figure picks it.
      formatter: axisNumberFormatter(Math.max(0, ...entries.map((e) => Math.abs(e.metric?.value ?? 0))), locale),
    },
    splitLine: { lineStyle: { type: 'dashed' as const, opacity: 0.6 } },
  }

  const option = {
    aria: {
      enabled: true,
      label: { enabled: true, description: ariaDescription(input, names) },
      decal: { show: false },
    },
    grid: {
      left: scaled(16, s),
      right: scaled(horizontal ? 130 : 24, s),
      top: scaled(12, s),
      bottom: scaled(8, s),
      // ECharts 6 replacement for containLabel: keep axis labels and the axis name inside the grid box.
      outerBoundsMode: 'same',
      outerBoundsContain: 'all',
    },
    tooltip: {
      trigger: 'item',
      confine: true,
      textStyle: { fontSize: tooltipFont },
      formatter: (params: unknown): string => {
        const target = readTooltipTarget(params)
        if (!target) return ''
        const index =
          target.componentType === 'markPoint'
            ? entries.findIndex((e) => e.district === target.name && !e.metric)
            : target.dataIndex
        const entry = entries[index]
        return entry ? slotTooltip(entry, input, tooltipFont, names[index] ?? entry.district) : ''
      },
    },
    // Horizontal: the first district on top, room on the right for the value labels.
    xAxis: horizontal ? { ...valueAxis, nameLocation: 'middle', nameGap: scaled(30, s) } : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: [series],
  } satisfies ChartOption
  return option
}
