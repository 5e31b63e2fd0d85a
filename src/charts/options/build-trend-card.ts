import type { Catalogue, Indicator, Metric } from '../../types/domain'
import type { Locale } from '../../types/locale'
import { formatMetricValue } from '../../domain/format'
import { isDerived, metricKey } from '../../domain/metric'
import { buildTrendOption } from './build-trend-option'
import { changeOnPrevious, changeText, type ProgressLabels } from '../../domain/progress'
import {
  cardContext,
  figureLabels,
  reasonContext,
  type ComparisonCard,
  type ComparisonCardLabels,
} from './build-comparison-card'
import { basisKey, judgeSet, type SetReason } from '../../domain/comparability'
import { selectFigures, type FigureEntry } from '../../domain/compare'
import { describeReasons } from '../../domain/reason-text'
import type { BoundaryChange } from '../../types/domain'
import { localName } from '../../domain/intl'

/**
 * Why a district's yearly figures do not form one line: a boundary change inside the years it reports, or a change
 * of what it counts from one figure to the next. One reason per district and kind.
 */
export function trendBreaks(singles: readonly Metric[], boundaries: readonly BoundaryChange[]): SetReason[] {
  const out: SetReason[] = []
  const byDistrict = new Map<string, Metric[]>()
  for (const m of singles) byDistrict.set(m.district, [...(byDistrict.get(m.district) ?? []), m])
  for (const [district, list] of byDistrict) {
    const years = list.map((m) => m.start)
    const first = Math.min(...years)
    const last = Math.max(...years)
    for (const change of boundaries)
      if (change.district === district && change.year > first && change.year <= last)
        out.push({ kind: 'boundary', change })
    const sorted = [...list].sort((a, b) => a.start - b.start)
    const changed = sorted.find((m, i) => i > 0 && basisKey(m) !== basisKey(sorted[i - 1] as Metric))
    if (changed) {
      const before = sorted[sorted.indexOf(changed) - 1] as Metric
      if (before.basis !== changed.basis)
        out.push({ kind: 'basis', byDistrict: [before, changed].map((m) => ({ district, value: m.basis })) })
      else if (before.measure !== changed.measure)
        out.push({ kind: 'measure', byDistrict: [before, changed].map((m) => ({ district, value: m.measure })) })
      else if (before.status !== changed.status)
        out.push({ kind: 'status', byDistrict: [before, changed].map((m) => ({ district, value: m.status })) })
    }
  }
  return out
}

/** Labels of the trend card on top of the comparison card's. */
export interface TrendCardLabels extends ComparisonCardLabels {
  trendTitle: (indicator: string) => string
  notPlotted: string
  /** zh '图中画出最新数据最高的 {drawn} 个区县，其余 {rest} 个见表格。' */
  trendSummarised: (drawn: number, rest: number) => string
  /** Wording of targets and change on the previous year; the tooltip shows the change when given. */
  progress?: ProgressLabels
}

/** Past this many districts a trend chart draws only a few lines; the table keeps them all. */
export const TREND_LINES_MAX = 8
const TREND_LINES_SUMMARY = 5

/**
 * The districts a trend chart draws: all of them up to eight; past that the five with the highest latest figures among
 * those that count the same thing (then others with figures, in the order given), so ninety lines never tangle.
 */
export function trendDistricts(latest: readonly FigureEntry[], ranked: readonly string[]): string[] {
  if (latest.length <= TREND_LINES_MAX) return latest.map((e) => e.district)
  const rankedSet = new Set(ranked)
  const top = latest
    .filter((e) => e.metric && rankedSet.has(e.district))
    .sort((a, b) => (b.metric?.value ?? 0) - (a.metric?.value ?? 0))
  const rest = latest.filter((e) => e.metric && !rankedSet.has(e.district))
  return [...top, ...rest].slice(0, TREND_LINES_SUMMARY).map((e) => e.district)
}

/** Everything a ChartCard shows for one indicator over time, one line per district. */
export function buildTrendCard(input: {
  /** The indicator's figures (others are ignored). */
  metrics: readonly Metric[]
  indicator: Indicator
  catalogue: Catalogue
  districts: string[]
  locale: Locale
  labels: TrendCardLabels
  settings: { accessible: boolean; fontScale: number }
  /** Who a figure is credited to (see cardContext). */
  credit?: (m: Metric) => string
  /** Rates the reports state for this indicator (preferred to a computed change in the tooltip). */
  stated?: readonly Metric[]
}): Omit<ComparisonCard, 'takeaway'> & { excludedCumulative: Metric[] } {
  const { indicator, catalogue, locale, labels } = input
  const { name, sourceName, districts } = cardContext(catalogue, locale, input.districts, input.credit)
  const own = input.metrics
    .filter((m) => m.indicator === indicator.id && input.districts.includes(m.district))
    .sort(
      (a, b) =>
        a.start - b.start || a.end - b.end || input.districts.indexOf(a.district) - input.districts.indexOf(b.district),
    )
  const indicatorName = localName(indicator, locale)
  const { boundaries } = catalogue
  // A line runs only between figures the rule would compare: same basis and no boundary change between them.
  const epoch = (m: Metric): string =>
    `${basisKey(m)}#${boundaries.filter((c) => c.district === m.district && c.year <= m.start).length}`
  const singles = own.filter((m) => m.start === m.end)
  const reasons = reasonContext(catalogue, locale, labels.reasons, name)
  // Lines of districts whose figures count different things stand on one axis: say so, as the comparison does.
  const latest = selectFigures(singles, {
    year: 'latest',
    includeCumulative: false,
    districts: input.districts,
    indicator: indicator.id,
  })
  const latestVerdict = judgeSet(latest, [])
  const drawn = new Set(trendDistricts(latest, latestVerdict.ranked))
  const across = latestVerdict.reasons.filter((r) => r.kind === 'basis' || r.kind === 'measure' || r.kind === 'status')
  const breakNotes = [...across, ...trendBreaks(singles, boundaries)].map((r) => describeReasons([r], reasons))
  const words = labels.progress
  const { option, excludedCumulative } = buildTrendOption({
    districts: districts.filter((d) => drawn.has(d.id)),
    metrics: own.filter((m) => drawn.has(m.district)),
    unit: indicator.unit,
    locale,
    labels: { ...figureLabels(indicator, locale, labels, name, sourceName), notPlotted: labels.notPlotted },
    settings: input.settings,
    epoch,
    breakNotes,
    // Derived from the figures by the one rule: no change across a basis or boundary change, which is named instead.
    change: words
      ? (m) => changeText(changeOnPrevious(own, m, boundaries, input.stated), indicator.unit, locale, words)
      : undefined,
  })
  const sourceList = [...new Set(own.map(sourceName))]
  return {
    title: labels.trendTitle(indicatorName),
    option,
    excludedCumulative,
    badge: breakNotes.join(locale === 'en' ? '; ' : '；'),
    footnote: [
      drawn.size < input.districts.length
        ? labels.trendSummarised(drawn.size, input.districts.length - drawn.size)
        : '',
      sourceList.length ? labels.sources(sourceList.join(locale === 'en' ? '; ' : '；')) : '',
    ]
      .filter(Boolean)
      .join(' '),
    table: {
      columns: [labels.districtLabel, labels.valueLabel, labels.periodLabel, labels.qualifierLabel],
      rows: own.map((m) => ({
        cells: [
          name(m.district),
          formatMetricValue(m, indicator.unit, locale, 'exact') + (isDerived(m) ? ` (${labels.derived})` : ''),
          m.start === m.end ? m.period : labels.cumulative(m.period),
          labels.qualifierNames[m.qualifier],
        ],
        metricKey: metricKey(m),
      })),
    },
  }
}
