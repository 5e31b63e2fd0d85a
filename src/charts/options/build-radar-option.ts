import type { RadarSeriesOption } from 'echarts/charts'
import type { Unit } from '../../types/domain'
import { escapeHtml, formatMetricValue } from '../../domain/format'
import type { Locale } from '../../types/locale'
import { numberFormat } from '../../domain/intl'
import { joinWith, mark } from '../../domain/punctuation'
import { paletteOf, seriesColour } from './palette'
import { metricKey, metricPeriod } from '../../domain/metric'
import { formatPeriod } from '../../domain/periods'
import type { Profile } from '../../domain/rank'
import type { ChartDistrict, ChartOption, ChartSettings } from './types'
import {
  bottomNote,
  noDataGraphic,
  DISTRICT_DASHES,
  DISTRICT_SYMBOLS,
  FONT,
  colourDot,
  readTooltipTarget,
  safeColour,
  scaled,
  tooltipBox,
} from './shared'

/** Translated labels of the radar chart. */
export interface RadarLabels {
  /** What the axes mean, e.g. '各指标以有该数据的最高区为 100%'. */
  note: string
  /** Shown when no district can be drawn. */
  noData: string
  /** Why a district is left off, e.g. (d, list) => `${d}缺少${list.join('、')}数据，未绘出`. */
  notDrawn: (district: string, indicators: string[]) => string
}

/** Settings of the radar chart. */
export interface RadarSettings extends ChartSettings {
  /** District id drawn stronger than the others (the district page's own district). */
  highlight?: string
}

/** Input of buildRadarOption: a profile from normaliseProfile plus display names. */
export interface RadarInput {
  districts: ChartDistrict[]
  profile: Profile
  indicatorNames: Record<string, string>
  labels: RadarLabels
  settings: RadarSettings
  /** Locale of the actual values in the tooltip (default 'zh-CN'). */
  locale?: Locale
  /** Unit per indicator id; when given, tooltips show each actual figure next to its share. */
  units?: Record<string, Unit>
}

/** A district left off the radar because it lacks some figures (ECharts would draw a gap as 0 at the centre). */
export interface NotDrawn {
  district: string
  /** Indicator ids the district has no figure for. */
  missing: string[]
}

/** The radar option and the districts it could not draw honestly. */
export interface RadarResult {
  option: ChartOption
  notDrawn: NotDrawn[]
}

/** One district's polygon. */
export interface RadarItem {
  value: number[]
  /** Display name (shown in legend and tooltip). */
  name: string
  districtId: string
  /** One `district|indicator|period|dataset` per axis. */
  metricKeys: string[]
  itemStyle: { color: string }
  lineStyle: { color: string; width: number; type: 'solid' | 'dashed' | 'dotted'; opacity: number }
  areaStyle: { color: string; opacity: number }
  symbol: string
}

/** Radar of values scaled 0..1 per indicator; a district missing any axis is left off (and named in the note) rather than drawn through 0. */
export function buildRadarOption(input: RadarInput): RadarResult {
  const { districts, profile, indicatorNames, labels, settings } = input
  const locale = input.locale ?? 'zh-CN'
  const zh = locale === 'zh-CN'
  const s = settings.fontScale
  const palette = paletteOf(settings)
  const axisName = (id: string): string => indicatorNames[id] ?? id
  const percent = numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })

  const drawn: Array<{ district: ChartDistrict; index: number; values: number[] }> = []
  const notDrawn: NotDrawn[] = []
  districts.forEach((d, index) => {
    const raw = profile.values[d.id] ?? profile.axes.map(() => null)
    const missing = profile.axes.filter((_, i) => raw[i] === null || raw[i] === undefined).map((a) => a.indicator)
    if (missing.length > 0 || profile.axes.length === 0) notDrawn.push({ district: d.id, missing })
    else drawn.push({ district: d, index, values: raw.map((v) => v ?? 0) })
  })

  const dimmed = settings.highlight !== undefined
  const data = drawn.map(({ district: d, index, values }): RadarItem => {
    const colour = seriesColour(safeColour(d.color), palette)
    const strong = !dimmed || settings.highlight === d.id
    return {
      value: values,
      name: d.name,
      districtId: d.id,
      metricKeys: (profile.metrics[d.id] ?? []).flatMap((m) => (m ? [metricKey(m)] : [])),
      itemStyle: { color: colour },
      lineStyle: {
        color: colour,
        width: strong ? 3 : 2,
        type: settings.accessible ? (DISTRICT_DASHES[index % DISTRICT_DASHES.length] ?? 'solid') : 'solid',
        opacity: strong ? 1 : 0.45,
      },
      areaStyle: { color: colour, opacity: strong ? (dimmed ? 0.25 : 0.12) : 0.04 },
      symbol: settings.accessible ? (DISTRICT_SYMBOLS[index % DISTRICT_SYMBOLS.length] ?? 'circle') : 'circle',
    }
  })

  const tooltipFont = scaled(FONT.tooltip, s)
  const tooltipFormatter = (params: unknown): string => {
    const target = readTooltipTarget(params)
    const item = target ? data[target.dataIndex] : undefined
    if (!item) return ''
    const figures = profile.metrics[item.districtId] ?? []
    const lines = [`<div style="font-weight:700">${colourDot(item.itemStyle.color)}${escapeHtml(item.name)}</div>`]
    profile.axes.forEach((axis, i) => {
      const share = item.value[i]
      const m = figures[i]
      const unit = input.units?.[axis.indicator]
      const actual =
        m && unit ? `${formatMetricValue(m, unit, locale, 'exact')}, ${formatPeriod(metricPeriod(m), locale)}` : ''
      const shareText = share === undefined ? labels.noData : percent.format(share)
      const detail = actual ? (zh ? `（${actual}）` : ` (${actual})`) : ''
      lines.push(`<div>${escapeHtml(`${axisName(axis.indicator)}: ${shareText}${detail}`)}</div>`)
    })
    lines.push(`<div style="opacity:.85">${escapeHtml(labels.note)}</div>`)
    return tooltipBox(lines, tooltipFont)
  }

  const noteLines = [
    labels.note,
    ...notDrawn.map((n) => {
      const name = districts.find((d) => d.id === n.district)?.name ?? n.district
      return labels.notDrawn(name, n.missing.map(axisName))
    }),
  ].filter((line) => line !== '')
  const legendFont = scaled(FONT.legend, s)

  const series: RadarSeriesOption = {
    type: 'radar',
    id: 'profile',
    data,
    symbolSize: scaled(7, s),
    emphasis: { focus: 'series' },
  }

  const option = {
    aria: {
      enabled: true,
      label: {
        enabled: true,
        description: [
          ...drawn.map(
            ({ district: d, values }) =>
              `${d.name}${mark('colon', locale)}${joinWith(
                profile.axes.map((a, i) => `${axisName(a.indicator)} ${percent.format(values[i] ?? 0)}`),
                'comma',
                locale,
              )}`,
          ),
          ...noteLines,
        ].join(mark('clause', locale)),
      },
      decal: { show: false },
    },
    legend: { top: 0, left: 'center', data: data.map((d) => d.name), textStyle: { fontSize: legendFont } },
    tooltip: { trigger: 'item', confine: true, textStyle: { fontSize: tooltipFont }, formatter: tooltipFormatter },
    radar: {
      indicator: profile.axes.map((a) => ({ name: axisName(a.indicator), min: 0, max: 1 })),
      // Leave room below for the axis names at the bottom and the note under them.
      center: ['50%', '50%'],
      radius: '52%',
      splitNumber: 4,
      axisName: { fontSize: scaled(FONT.axisLabel, s), width: scaled(130, s), overflow: 'break' },
      axisLabel: { show: false },
      splitLine: { lineStyle: { opacity: 0.5 } },
      splitArea: { show: false },
    },
    title: bottomNote(noteLines.join('\n'), s, palette.muted),
    graphic: [noDataGraphic(labels.noData, data.length > 0, s, palette.muted)],
    series: [series],
  } satisfies ChartOption
  return { option, notDrawn }
}
