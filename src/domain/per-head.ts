import type { BoundaryChange, Metric, Qualifier, Unit } from '../types/domain'
import type { Locale } from '../types/locale'
import { judgeSet } from './comparability'
import { formatCompact, formatMetricValue, joinUnit, qualifierSymbol } from './format'
import { numberFormat } from './intl'
import { isCumulativeMetric } from './metric'
import { ratioQualifier } from './takeaway'

/** What a figure can be divided by, and per how many heads a leader reads it (每万名会员). */
export const PER_HEAD_BASES = {
  members: { indicator: 'members_total', scale: 10_000 },
} as const
/** A per-head denominator the dashboard offers (the URL's `per` key). */
export type PerHeadBase = keyof typeof PER_HEAD_BASES

/** Whether a URL value names a per-head denominator. */
export function isPerHeadBase(value: string | undefined): value is PerHeadBase {
  return value !== undefined && Object.hasOwn(PER_HEAD_BASES, value)
}

/** A figure per head of the district's denominator of the same year, or why there is none. */
export type PerHead =
  /** figure ÷ denominator × scale, rounded no finer than the inputs support (digits), derived. */
  | {
      kind: 'value'
      figure: Metric
      denominator: Metric
      scale: number
      value: number
      /** Decimals kept (1 at most); negative: rounded to tens, hundreds …. */
      digits: number
      qualifier: Qualifier
      method: 'derived'
    }
  /** No denominator of the figure's district and year: said in words, never a silent fallback. */
  | { kind: 'missing'; district: string; year: number; indicator: string }
  /** A share, a multi-year total, a target or the denominator itself: dividing it by heads means nothing. */
  | { kind: 'notApplicable' }

/** Significant digits a stated number carries: 359000 → 3, 350000 → 2, 442 → 3, 12.5 → 3. */
export function significantDigits(value: number): number {
  const digits = String(Math.abs(value)).replace('.', '').replace(/^0+/, '').replace(/0+$/, '')
  return Math.max(1, digits.length)
}

/** A ratio rounded so a bound stays true: down for a floor, up for a ceiling. */
function boundedRound(value: number, q: Qualifier, digits: number): number {
  const f = 10 ** Math.abs(digits)
  const scaled = digits >= 0 ? value * f : value / f
  const r =
    q === 'at_least' ? Math.floor(scaled + 1e-9) : q === 'at_most' ? Math.ceil(scaled - 1e-9) : Math.round(scaled)
  return digits >= 0 ? r / f : r * f
}

/**
 * The district's denominator for a figure: the stock of the same district at the end of the figure's own year
 * (a stock at year end for a flow of that year). Same year means same territory, so no boundary change lies between.
 * Of several, the indicator's own definition (basis '') and a reported figure win.
 */
export function denominatorFor(figure: Metric, denominators: readonly Metric[], per: PerHeadBase): Metric | null {
  const { indicator } = PER_HEAD_BASES[per]
  const fits = denominators.filter(
    (d) =>
      d.indicator === indicator &&
      d.district === figure.district &&
      d.start === figure.end &&
      d.end === figure.end &&
      d.status === 'achieved' &&
      d.value > 0,
  )
  const rank = (d: Metric): number => (d.basis === '' ? 0 : 2) + (d.method === 'reported' ? 0 : 1)
  return [...fits].sort((a, b) => rank(a) - rank(b))[0] ?? null
}

/**
 * A figure per head: figure ÷ the district's denominator of the same year × the base's scale. Derived, with how sure
 * it is carried from both qualifiers (a floor over an exact count stays a floor); at most one decimal and no more
 * significant digits than the less precise input states.
 */
export function perHead(figure: Metric, denominators: readonly Metric[], per: PerHeadBase, unit: Unit): PerHead {
  const base = PER_HEAD_BASES[per]
  if (unit === '%' || isCumulativeMetric(figure) || figure.status === 'target' || figure.indicator === base.indicator)
    return { kind: 'notApplicable' }
  const denominator = denominatorFor(figure, denominators, per)
  if (!denominator) return { kind: 'missing', district: figure.district, year: figure.end, indicator: base.indicator }
  const raw = (figure.value / denominator.value) * base.scale
  const qualifier = ratioQualifier(figure.qualifier, denominator.qualifier)
  const sig = Math.min(significantDigits(figure.value), significantDigits(denominator.value))
  const magnitude = raw > 0 ? Math.floor(Math.log10(raw)) + 1 : 1
  // Negative digits round whole units too: 442 ÷ 35万 supports two digits, so 12.6 reads 13 and 3678 reads 3700.
  const digits = Math.min(1, sig - magnitude)
  return {
    kind: 'value',
    figure,
    denominator,
    scale: base.scale,
    value: boundedRound(raw, qualifier, digits),
    digits,
    qualifier,
    method: 'derived',
  }
}

/**
 * Ranks of per-head values among the cells the comparability rule ranks (competition ranking, 1, 2, 2, 4); null when
 * any ranked cell lacks its denominator or the denominators themselves do not count the same thing.
 */
export function perHeadRanks(
  ranked: ReadonlyArray<{ district: string; perHead: PerHead }>,
  boundaries: readonly BoundaryChange[],
): Map<string, number> | null {
  const values = ranked.flatMap((c) => (c.perHead.kind === 'value' ? [{ district: c.district, p: c.perHead }] : []))
  if (values.length < 2 || values.length !== ranked.length) return null
  const verdict = judgeSet(
    values.map((v) => ({ district: v.district, metric: v.p.denominator })),
    boundaries,
  )
  if (!verdict.likeForLike) return null
  return new Map(values.map((v) => [v.district, 1 + values.filter((o) => o.p.value > v.p.value).length]))
}

/** Translated wording of per-head lines (the UI's message table fills it; domain code never translates). */
export interface PerHeadLabels {
  /** zh '每万名会员 {value}'; en '{value} per 10,000 members'. */
  value: (value: string) => string
  /** zh '{perValue} = {figure} ÷ {denominator} × {scale}'. */
  formula: (perValue: string, figure: string, denominator: string, scale: string) => string
  /** zh '缺少 {year} 年{district}{indicator}'. */
  missing: (year: number, district: string, indicator: string) => string
}

/** The per-head value with its qualifier and unit, no finer than it was rounded: '≥12.3家'. */
export function formatPerHeadValue(p: Extract<PerHead, { kind: 'value' }>, unit: Unit, locale: Locale): string {
  const shown = Math.max(0, p.digits)
  const number = numberFormat(locale, { maximumFractionDigits: shown, minimumFractionDigits: shown })
  // formatValue would re-round to two decimals; the number is formatted here at the digits the inputs support.
  return qualifierSymbol(p.qualifier) + joinUnit(number.format(p.value), unit, locale, p.value)
}

/** The per-head line shown in the cell: '每万名会员 12.3家'. */
export function perHeadText(
  p: Extract<PerHead, { kind: 'value' }>,
  unit: Unit,
  locale: Locale,
  labels: PerHeadLabels,
): string {
  return labels.value(formatPerHeadValue(p, unit, locale))
}

/** How it was derived: '每万名会员 12.3家 = 442家 ÷ 35.9万人 × 1万'. */
export function perHeadFormula(
  p: Extract<PerHead, { kind: 'value' }>,
  unit: Unit,
  denominatorUnit: Unit,
  locale: Locale,
  labels: PerHeadLabels,
): string {
  return labels.formula(
    perHeadText(p, unit, locale, labels),
    formatMetricValue(p.figure, unit, locale, 'compact'),
    formatMetricValue(p.denominator, denominatorUnit, locale, 'compact'),
    formatCompact(p.scale, locale),
  )
}

/** A scorecard cell seen per head: its value (or why none) and its rank among the row's per-head values. */
export interface PerHeadCell {
  perHead: PerHead
  /** Rank among the per-head values of the cells the comparability rule ranks; null when not ranked. */
  rank: number | null
  of: number
  /** The cell is ranked on its figure but the row's per-head values are not (a denominator is missing or differs). */
  unranked: boolean
}

/**
 * One scorecard row per head: every cell with a figure is divided by its own denominator; the cells the comparability
 * rule ranks (state comparable) are ranked on their per-head values only when all of them have one.
 */
export function perHeadRow(
  cells: ReadonlyArray<{ district: string; metric: Metric | null; state: string }>,
  denominators: readonly Metric[],
  per: PerHeadBase,
  unit: Unit,
  boundaries: readonly BoundaryChange[],
): Map<string, PerHeadCell> {
  const out = new Map<string, PerHeadCell>()
  const ranked: Array<{ district: string; perHead: PerHead }> = []
  for (const c of cells) {
    if (!c.metric) continue
    const p = perHead(c.metric, denominators, per, unit)
    out.set(c.district, { perHead: p, rank: null, of: 0, unranked: false })
    if (c.state === 'comparable') ranked.push({ district: c.district, perHead: p })
  }
  // A row per head does not apply to (shares, the denominator itself) keeps its ranks on the figures.
  if (ranked.every((r) => r.perHead.kind === 'notApplicable')) return out
  const ranks = perHeadRanks(ranked, boundaries)
  for (const r of ranked) {
    const cell = out.get(r.district)
    if (!cell) continue
    const rank = ranks?.get(r.district)
    if (rank !== undefined) Object.assign(cell, { rank, of: ranked.length })
    else cell.unranked = true
  }
  return out
}
