import type { Catalogue, Metric } from '../../types/domain'
import type { Locale } from '../../domain/format'
import { normaliseProfile } from '../../domain/rank'
import type { YearChoice } from '../../domain/compare'
import { buildRadarOption } from './build-radar-option'
import type { ChartOption } from './types'

/** Translated strings of the radar card. */
export interface RadarCardLabels {
  title: string
  note: string
  noData: string
  notDrawn: (district: string, list: string) => string
  districtLabel: string
  indicatorLabel: string
  shareLabel: string
}

/** Radar of districts' standing on shared indicators, each axis scaled to the highest district that has the figure. */
export function buildRadarCard(input: {
  metrics: Metric[]
  catalogue: Catalogue
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
  table: { columns: string[]; rows: Array<{ cells: string[]; metricKey: null }> }
} {
  const { catalogue, locale, labels } = input
  const en = locale === 'en'
  const name = (id: string): string => {
    const d = catalogue.districts.find((x) => x.id === id)
    return d ? (en ? d.nameEn : d.nameZh) : id
  }
  const indicatorNames: Record<string, string> = {}
  const units: Record<string, (typeof catalogue.indicators)[number]['unit']> = {}
  for (const i of catalogue.indicators) {
    indicatorNames[i.id] = en ? i.nameEn : i.nameZh
    units[i.id] = i.unit
  }
  const profile = normaliseProfile(input.metrics, input.districts, input.indicatorIds, input.year)
  const { option, notDrawn } = buildRadarOption({
    districts: input.districts.map((id) => ({
      id,
      name: name(id),
      color: catalogue.districts.find((d) => d.id === id)?.color ?? '#888888',
    })),
    profile,
    indicatorNames,
    labels: {
      note: labels.note,
      noData: labels.noData,
      notDrawn: (d, list) => labels.notDrawn(d, list.join(en ? ', ' : '、')),
    },
    settings: input.settings,
    locale,
    units,
  })
  const sep = en ? '; ' : '；'
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
  return {
    title: labels.title,
    option,
    takeaway: notDrawn
      .map((n) =>
        labels.notDrawn(name(n.district), n.missing.map((i) => indicatorNames[i] ?? i).join(en ? ', ' : '、')),
      )
      .join(sep),
    footnote: labels.note,
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
