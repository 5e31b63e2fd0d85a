import type { Catalogue } from '../../types/domain'
import type { Locale } from '../../types/locale'
import { normaliseProfile } from '../../domain/rank'
import type { YearChoice } from '../../domain/compare'
import type { FigureSource } from '../../domain/metric-index'
import { buildRadarOption } from './build-radar-option'
import { cardContext } from './build-comparison-card'
import type { ChartOption, ChartTable } from './types'
import { localName, numberFormat } from '../../domain/intl'
import { joinWith, mark } from '../../domain/punctuation'
import { sourceLabel } from '../../domain/source'

/** Translated strings of the radar card. */
export interface RadarCardLabels {
  title: string
  note: string
  noData: string
  /** Districts left off because they lack a figure on some axis (details are in the table). */
  notDrawn: (districts: string) => string
  districtLabel: string
  indicatorLabel: string
  shareLabel: string
  sources: (list: string) => string
}

/**
 * Radar axes for a district profile. A radar cannot show a gap, so a district is drawn only if it has every axis:
 * greedily add the partner districts that keep the most indicators in common with the highlighted one (at least
 * three), then keep those common indicators, most widely reported first, at most `max`.
 */
export function pickRadarAxes(
  metrics: FigureSource,
  candidates: readonly string[],
  districts: readonly string[],
  year: YearChoice,
  highlight: string | undefined,
  max = 8,
): string[] {
  const profile = normaliseProfile(metrics, [...districts], [...candidates], year, highlight)
  const has = (d: string, i: number): boolean => profile.axes[i]?.districtsWithFigure.includes(d) ?? false
  const own = highlight ?? districts[0] ?? ''
  let axes = profile.axes
    .map((_, i) => i)
    .filter((i) => has(own, i) && (profile.axes[i]?.districtsWithFigure.length ?? 0) >= 2)
  const others = districts.filter((d) => d !== own)
  let chosen: string[] = []
  for (;;) {
    const best = others
      .filter((d) => !chosen.includes(d))
      .map((d) => ({ d, common: axes.filter((i) => has(d, i)) }))
      .sort((a, b) => b.common.length - a.common.length)[0]
    if (!best || best.common.length < 3) break
    chosen = [...chosen, best.d]
    axes = best.common
  }
  if (!chosen.length) return []
  return axes
    .sort(
      (a, b) =>
        (profile.axes[b]?.districtsWithFigure.length ?? 0) - (profile.axes[a]?.districtsWithFigure.length ?? 0) ||
        a - b,
    )
    .slice(0, max)
    .map((i) => profile.axes[i]?.indicator ?? '')
}

/** Radar of districts' standing on shared indicators, each axis scaled to the highest district that has the figure. */
export function buildRadarCard(input: {
  /** Figures per indicator (MetricIndex.byIndicator) or one flat list. */
  metrics: FigureSource
  catalogue: Catalogue
  /** The axes, already chosen (pickRadarAxes): the builder draws them as given. */
  indicatorIds: string[]
  districts: string[]
  year: YearChoice
  locale: Locale
  labels: RadarCardLabels
  settings: { accessible: boolean; fontScale: number; highlight?: string }
}): {
  title: string
  option: ChartOption
  takeaway: string
  footnote: string
  table: ChartTable
} {
  const { catalogue, locale, labels } = input
  const { name, districts } = cardContext(catalogue, locale, input.districts)
  const indicatorNames: Record<string, string> = {}
  const units: Record<string, (typeof catalogue.indicators)[number]['unit']> = {}
  for (const i of catalogue.indicators) {
    indicatorNames[i.id] = localName(i, locale)
    units[i.id] = i.unit
  }
  const profile = normaliseProfile(
    input.metrics,
    input.districts,
    input.indicatorIds,
    input.year,
    input.settings.highlight,
  )
  const { option, notDrawn } = buildRadarOption({
    districts,
    profile,
    indicatorNames,
    labels: {
      note: labels.note,
      noData: labels.noData,
      notDrawn: () => '',
    },
    settings: input.settings,
    locale,
    units,
  })
  const percent = numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
  return {
    title: labels.title,
    option,
    takeaway: notDrawn.length
      ? labels.notDrawn(
          joinWith(
            notDrawn.map((n) => name(n.district)),
            'enumeration',
            locale,
          ),
        )
      : '',
    footnote: labels.sources(
      [
        ...new Set(
          Object.values(profile.metrics)
            .flat()
            .flatMap((m) => {
              if (!m) return []
              const s = catalogue.sources.find((x) => x.id === m.source)
              return [s ? sourceLabel(s, locale) : m.source]
            }),
        ),
      ].join(mark('clause', locale)),
    ),
    table: {
      columns: [labels.districtLabel, labels.indicatorLabel, labels.shareLabel],
      rows: input.districts.flatMap((d) =>
        profile.axes.map((axis, i) => {
          const v = profile.values[d]?.[i]
          return {
            cells: [
              name(d),
              indicatorNames[axis.indicator] ?? axis.indicator,
              v === null || v === undefined ? labels.noData : percent.format(v),
            ],
            metricKey: null,
          }
        }),
      ),
    },
  }
}
