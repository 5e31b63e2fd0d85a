import type { Basis, BoundaryChange, Indicator, Metric, Unit } from '../types/domain'
import type { Locale } from '../types/locale'
import { formatMetricValue, formatYearCount } from './format'
import { localName } from './intl'
import { metricKey } from './metric'
import { perHeadFormula, perHeadText, type PerHeadCell, type PerHeadLabels } from './per-head'
import { changeText, progressLine, type ProgressLabels } from './progress'
import { describeReasons, summariseReasons, type ReasonContext } from './reason-text'
import { cellReasons, type CellState, type ScorecardCell } from './scorecard'
import { basisName } from './source'

/** Translated wording of a scorecard cell (the UI's message table fills it; domain code never translates). */
export interface ScorecardViewLabels {
  /** zh '{of} 区中第 {rank}'. */
  rankOf: (rank: number, of: number) => string
  /** zh '{years}累计' with years '五年'. */
  spanYears: (years: string) => string
  /** Each state in a few words ('none' is the empty cell's text: 未报送). */
  state: Record<CellState, string>
  /** zh '每万名会员 {of} 区中第 {rank}'. */
  perHeadRankOf: (rank: number, of: number) => string
  /** zh '有区缺少会员总数，不排名'. */
  perHeadNoRank: string
  /** zh '缺少 {year} 年{district}{indicator}'. */
  perHeadMissing: (year: number, district: string, indicator: string) => string
}

/** What the cell view needs besides the cell: language, catalogue pieces, wording and the per-head setting. */
export interface ScorecardViewContext {
  locale: Locale
  boundaries: readonly BoundaryChange[]
  bases: readonly Basis[]
  reasons: ReasonContext
  labels: ScorecardViewLabels
  /** Wording of targets and changes; absent: those lines stay empty. */
  progress?: ProgressLabels
  /** Wording of per-head values, with the denominator's indicator; absent: the per-head view is off. */
  perHead?: { labels: PerHeadLabels; denominator: Indicator | undefined; indicatorId: string }
  districtName: (id: string) => string
  /** Remarks kept on a figure. */
  remarkCount: (m: Metric) => number
}

/** The per-head line of a cell, shown while the per-head view is on. */
export interface PerHeadView {
  text: string
  /** How it was derived ('' when missing). */
  formula: string
  missing: boolean
}

/** Everything a scorecard cell shows, as text. */
export interface ScorecardCellView {
  district: string
  state: CellState
  /** Metric key for the provenance panel; null for an empty cell. */
  key: string | null
  remarks: number
  value: string
  exact: string
  period: string
  /** Its rank among how many, or why it is not ranked, in a few words. */
  note: string
  /** What the figure counts when the indicator alone does not say it. */
  basis: string
  /** Why it is not compared, in full ('' when it is). */
  reason: string
  progress: string
  change: string
  perHead: PerHeadView | null
}

function perHeadView(p: PerHeadCell | undefined, unit: Unit, ctx: ScorecardViewContext): PerHeadView | null {
  const per = ctx.perHead
  if (!p || !per) return null
  switch (p.perHead.kind) {
    case 'notApplicable':
      return null
    case 'missing':
      return {
        text: ctx.labels.perHeadMissing(
          p.perHead.year,
          ctx.districtName(p.perHead.district),
          per.denominator ? localName(per.denominator, ctx.locale) : p.perHead.indicator,
        ),
        formula: '',
        missing: true,
      }
    case 'value':
      return {
        text: perHeadText(p.perHead, unit, ctx.locale, per.labels),
        formula: perHeadFormula(p.perHead, unit, per.denominator?.unit ?? '人', ctx.locale, per.labels),
        missing: false,
      }
  }
}

/** A cell as the scorecard shows it: value and year, rank or the reason it has none, and the derived lines. */
export function scorecardCellView(
  c: ScorecardCell,
  unit: Unit,
  ctx: ScorecardViewContext,
  perCell?: PerHeadCell,
): ScorecardCellView {
  const m = c.metric
  const { labels, locale } = ctx
  const span = m ? m.end - m.start + 1 : 0
  const why = cellReasons(c, ctx.boundaries)
  const note =
    perCell?.rank != null
      ? labels.perHeadRankOf(perCell.rank, perCell.of)
      : perCell?.unranked
        ? labels.perHeadNoRank
        : c.state === 'comparable' && c.rank !== null
          ? labels.rankOf(c.rank, c.of)
          : c.state === 'total'
            ? labels.spanYears(formatYearCount(span, locale))
            : c.state === 'otherBasis' && why.length
              ? summariseReasons(why, ctx.reasons)
              : c.state === 'none'
                ? ''
                : labels.state[c.state]
  return {
    district: c.district,
    state: c.state,
    key: m ? metricKey(m) : null,
    remarks: m ? ctx.remarkCount(m) : 0,
    value: m ? formatMetricValue(m, unit, locale, 'compact') : labels.state.none,
    exact: m ? formatMetricValue(m, unit, locale, 'exact') : '',
    period: m ? (span > 1 ? `${m.start}–${m.end}` : String(m.start)) : '',
    note,
    basis: m?.basis ? basisName(ctx.bases, m.basis, locale, '') : '',
    reason: describeReasons(why, ctx.reasons),
    progress: c.completion && ctx.progress ? progressLine(c.completion, unit, locale, ctx.progress) : '',
    change: c.change && ctx.progress ? (changeText(c.change, unit, locale, ctx.progress) ?? '') : '',
    perHead: perHeadView(perCell, unit, ctx),
  }
}
