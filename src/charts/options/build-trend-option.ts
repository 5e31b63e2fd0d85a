import type { LineSeriesOption } from 'echarts/charts'
import type { Metric, Unit } from '../../types/domain'
import { axisNumberFormatter, escapeHtml, formatCompact, formatMetricValue, qualifierSymbol } from '../../domain/format'
import type { Locale } from '../../types/locale'
import { isCumulativeMetric, isDerived, metricKey, metricPeriod } from '../../domain/metric'
import { formatPeriod, yearsOf } from '../../domain/periods'
import type { ChartDistrict, ChartOption, ChartSettings, FigureLabels } from './types'
import { paletteOf, seriesColour, textColour } from './palette'
import {
  bottomNote,
  noDataGraphic,
  DISTRICT_DASHES,
  DISTRICT_SYMBOLS,
  FONT,
  colourDot,
  readTooltipTarget,
  richSafe,
  safeColour,
  scaled,
  tooltipBox,
} from './shared'

/** Labels of the trend chart: those of any figure chart plus the heading of the multi-year note. */
export interface TrendLabels extends FigureLabels {
  /** Heading of the note listing multi-year totals kept off the yearly lines, e.g. '多年累计（未画入折线）'. */
  notPlotted: string
}

/** Input of buildTrendOption: one indicator's figures, any periods, any districts. */
export interface TrendInput {
  districts: ChartDistrict[]
  metrics: readonly Metric[]
  unit: Unit
  locale: Locale
  labels: TrendLabels
  settings: ChartSettings
  /**
   * What a point counts, as far as a line may join it to the next: points of one district with different epochs
   * (another basis, or either side of a boundary change) stand on separate lines. Default: one line per district.
   */
  epoch?: (m: Metric) => string
  /** Sentences on why some lines break (a boundary change, a change of basis), for screen readers (the card's badge shows them). */
  breakNotes?: readonly string[]
  /** The change of a figure on the district's previous comparable one, worded ('较 2023 年 +89家（+16.1%）'), or null. */
  change?: (m: Metric) => string | null
}

/** The trend option and the multi-year totals it did not draw (a different quantity from a yearly value). */
export interface TrendResult {
  option: ChartOption
  excludedCumulative: Metric[]
}

/** A point on a district's line. */
export interface TrendPointItem {
  value: number
  /** The year. */
  name: string
  metricKey: string
  label: { formatter: string }
}

/** Every year from the first to the last single-year figure, so uneven gaps keep their real width. */
function yearRange(metrics: readonly Metric[]): number[] {
  const years = yearsOf([...metrics])
  const first = years[0]
  const last = years[years.length - 1]
  if (first === undefined || last === undefined) return []
  return Array.from({ length: last - first + 1 }, (_, i) => first + i)
}

/** One line per district over consecutive years; gaps stay gaps, and multi-year totals are listed in a note instead of plotted. */
export function buildTrendOption(input: TrendInput): TrendResult {
  const { districts, labels, locale, unit, settings } = input
  const s = settings.fontScale
  const palette = paletteOf(settings)
  const zh = locale === 'zh-CN'
  const wanted = new Set(districts.map((d) => d.id))
  const own = input.metrics.filter((m) => wanted.has(m.district))
  const singles = own.filter((m) => !isCumulativeMetric(m))
  const excludedCumulative = own.filter((m) => isCumulativeMetric(m))
  const years = yearRange(singles)

  // Later rows win, matching resolveLayers' priority order.
  const grid = new Map<string, Metric>()
  for (const m of singles) grid.set(`${m.district}|${m.start}`, m)
  const cell = (district: string, year: number): Metric | null => grid.get(`${district}|${year}`) ?? null

  const epoch = input.epoch ?? ((): string => '')
  // A line per district and epoch: a change of basis or boundary ends one line and starts the next, never a slope.
  const series: LineSeriesOption[] = districts.flatMap((d, i) => {
    const colour = seriesColour(safeColour(d.color), palette)
    const hasAny = years.some((y) => cell(d.id, y) !== null)
    const epochs: string[] = []
    for (const y of years) {
      const m = cell(d.id, y)
      if (m && !epochs.includes(epoch(m))) epochs.push(epoch(m))
    }
    if (epochs.length === 0) epochs.push('')
    return epochs.map((e, k): LineSeriesOption => ({
      ...lineOf(d, i, colour, k),
      name: hasAny ? d.name : zh ? `${d.name}（${labels.noData}）` : `${d.name} (${labels.noData})`,
      data: years.map((y): TrendPointItem | '-' => {
        const m = cell(d.id, y)
        if (!m || epoch(m) !== e) return '-'
        const text =
          qualifierSymbol(m.qualifier) + formatCompact(m.value, locale) + (isDerived(m) ? ` ${labels.derived}` : '')
        return { value: m.value, name: String(y), metricKey: metricKey(m), label: { formatter: richSafe(text) } }
      }),
    }))
  })
  function lineOf(d: ChartDistrict, i: number, colour: string, k: number): LineSeriesOption {
    return {
      type: 'line',
      // The first line keeps the district's id (tests and clicks rely on it); later epochs add a suffix.
      id: k === 0 ? d.id : `${d.id}~${k}`,
      connectNulls: false,
      color: colour,
      symbol: settings.accessible ? DISTRICT_SYMBOLS[i % DISTRICT_SYMBOLS.length] : 'circle',
      symbolSize: scaled(9, s),
      lineStyle: { width: 3, type: settings.accessible ? DISTRICT_DASHES[i % DISTRICT_DASHES.length] : 'solid' },
      // Value labels are text: the district's colour darkened to 4.5:1 (the line keeps the original).
      label: {
        show: true,
        position: 'top',
        fontSize: scaled(FONT.valueMeta, s),
        fontWeight: 'bold',
        color: textColour(safeColour(d.color), palette),
      },
      // Close values in the same year: shift labels apart rather than hide one (a hidden value reads as missing).
      labelLayout: { moveOverlap: 'shiftY' },
      emphasis: { focus: 'series' },
    }
  }

  const noteLines = excludedCumulative.map((m) => {
    const name = districts.find((d) => d.id === m.district)?.name ?? labels.districtName(m.district)
    return `${name} ${labels.cumulative(formatPeriod(metricPeriod(m), locale))} ${formatMetricValue(m, unit, locale, 'compact')}`
  })
  // Why lines break is said by the card's badge (wrapped, and inside every export); here only to screen readers.
  const breakNotes = input.breakNotes ?? []
  const noteText = noteLines.length ? [labels.notPlotted, ...noteLines].join('\n') : ''
  const noteFont = scaled(FONT.note, s)
  const legendFont = scaled(FONT.legend, s)
  const tooltipFont = scaled(FONT.tooltip, s)
  const noteHeight = noteText ? Math.round((noteLines.length + 1) * noteFont * 1.4) + scaled(8, s) : 0

  const tooltipFormatter = (params: unknown): string => {
    const target = readTooltipTarget(params)
    const year = target ? years[target.dataIndex] : undefined
    if (year === undefined) return ''
    const lines = [`<div style="font-weight:700">${escapeHtml(String(year))}</div>`]
    for (const d of districts) {
      const m = cell(d.id, year)
      const name = `${colourDot(d.color)}${escapeHtml(d.name)}`
      if (!m) {
        lines.push(`<div>${name}: ${escapeHtml(labels.noData)}</div>`)
        continue
      }
      const extras = [
        m.qualifier === 'exact' ? '' : labels.qualifierNames[m.qualifier],
        isDerived(m) ? labels.derived : '',
      ]
        .filter((x) => x !== '')
        .join(zh ? '，' : ', ')
      const value =
        formatMetricValue(m, unit, locale, 'exact') + (extras ? (zh ? `（${extras}）` : ` (${extras})`) : '')
      lines.push(`<div>${name}: <b>${escapeHtml(value)}</b></div>`)
      const change = input.change?.(m)
      if (change) lines.push(`<div style="padding-left:1.1em">${escapeHtml(change)}</div>`)
      lines.push(
        `<div style="opacity:.85;padding-left:1.1em">${escapeHtml(`${labels.sourceLabel}: ${labels.sourceName(m)}`)}</div>`,
      )
      // An English reader gets the English note where the data give one.
      const note = (zh ? m.note : m.noteEn.trim() || m.note).trim()
      if (note) lines.push(`<div style="opacity:.85;padding-left:1.1em">${escapeHtml(note)}</div>`)
    }
    return tooltipBox(lines, tooltipFont)
  }

  const described = districts.map((d) => {
    const points = years.flatMap((y) => {
      const m = cell(d.id, y)
      return m ? [`${y} ${formatMetricValue(m, unit, locale, 'compact')}`] : []
    })
    return `${d.name}${zh ? '：' : ': '}${points.length ? points.join(zh ? '，' : ', ') : labels.noData}`
  })

  const option = {
    aria: {
      enabled: true,
      label: {
        enabled: true,
        description: [labels.axisName, ...described, ...noteLines, ...breakNotes].join(zh ? '；' : '; '),
      },
      decal: { show: false },
    },
    legend: {
      top: 0,
      left: 'center',
      textStyle: { fontSize: legendFont },
      itemWidth: scaled(28, s),
      itemHeight: scaled(14, s),
    },
    grid: {
      left: scaled(16, s),
      right: scaled(32, s),
      top: Math.round(legendFont * 1.6) + scaled(12, s),
      bottom: noteHeight + scaled(8, s),
      outerBoundsMode: 'same',
      outerBoundsContain: 'all',
    },
    tooltip: { trigger: 'axis', confine: true, textStyle: { fontSize: tooltipFont }, formatter: tooltipFormatter },
    xAxis: {
      type: 'category',
      data: years.map(String),
      boundaryGap: true,
      axisLabel: { fontSize: scaled(FONT.axisLabel, s), hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      name: labels.axisName,
      nameLocation: 'end',
      nameGap: scaled(FONT.valueMeta, s) * 2,
      nameTextStyle: { fontSize: scaled(FONT.axisName, s), align: 'left' },
      axisLabel: {
        fontSize: scaled(FONT.axisLabel, s),
        // One format per axis (never 5000 beside 1万): the largest plotted figure picks it.
        formatter: axisNumberFormatter(Math.max(0, ...singles.map((m) => Math.abs(m.value))), locale),
      },
      splitLine: { lineStyle: { type: 'dashed', opacity: 0.6 } },
    },
    title: bottomNote(noteText, s, palette.muted),
    graphic: [noDataGraphic(labels.noData, years.length > 0, s, palette.muted)],
    series,
  } satisfies ChartOption
  return { option, excludedCumulative }
}
