import type { BoundaryChange, Metric, Qualifier, Unit } from '../types/domain'
import type { Locale } from '../types/locale'
import { comparePair, type Difference } from './comparability'
import { formatMetricValue, formatValue, qualifierSymbol } from './format'
import { numberFormat } from './intl'
import { figureKey, isCumulativeMetric } from './metric'
import type { DatasetLayer } from './metric-index'
import { earlierOnOtherBasis, previousFigure, ratioQualifier } from './takeaway'

/** How far a district has come on a target (完成率); a rate only where target and achievement count the same thing. */
export type Completion =
  /** Achieved ÷ target in percent, with how sure it is (at_least when the achievement is a floor, …). */
  | { kind: 'rate'; target: Metric; achieved: Metric; percent: number; qualifier: Qualifier }
  /** No achieved figure for the target's district, indicator and years yet: 未报送, never 0%. */
  | { kind: 'unreported'; target: Metric }
  /** The achieved figure counts something else (basis, measure, span, boundary): no rate. */
  | { kind: 'otherBasis'; target: Metric; achieved: Metric; differences: Difference[] }
  /** A target of zero or less has no meaningful rate. */
  | { kind: 'noRate'; target: Metric; achieved: Metric }

const sameFigure = (a: Metric, b: Metric): boolean =>
  a.district === b.district && a.indicator === b.indicator && a.start === b.start && a.end === b.end

/**
 * The completion of a target by an achieved figure of the same district, indicator and years (null or another
 * figure → unreported). The one comparability rule decides whether they count the same thing: the target is read as
 * the achievement it plans, so measure, basis, span and boundary must all agree.
 */
export function completion(
  achieved: Metric | null,
  target: Metric,
  boundaries: readonly BoundaryChange[] = [],
): Completion {
  if (!achieved || achieved.status === 'target' || !sameFigure(achieved, target)) return { kind: 'unreported', target }
  const verdict = comparePair({ ...target, status: 'achieved' }, achieved, boundaries)
  if (!verdict.comparable) return { kind: 'otherBasis', target, achieved, differences: verdict.differences }
  if (target.value <= 0) return { kind: 'noRate', target, achieved }
  return {
    kind: 'rate',
    target,
    achieved,
    percent: (achieved.value / target.value) * 100,
    qualifier: ratioQualifier(achieved.qualifier, target.qualifier),
  }
}

/**
 * The completion of the district's target for an indicator and years, from all figures of that indicator (targets
 * and achievements mixed); null when no target is loaded for them. Of several, a target and achievement that count the
 * same thing win.
 */
export function completionFor(
  figures: readonly Metric[],
  district: string,
  period: { start: number; end: number },
  boundaries: readonly BoundaryChange[] = [],
): Completion | null {
  const here = figures.filter((m) => m.district === district && m.start === period.start && m.end === period.end)
  const targets = here.filter((m) => m.status === 'target')
  const achieved = here.filter((m) => m.status === 'achieved')
  let fallback: Completion | null = null
  for (const target of targets) {
    for (const a of achieved) {
      const c = completion(a, target, boundaries)
      if (c.kind === 'rate' || c.kind === 'noRate') return c
      fallback ??= c
    }
  }
  const first = targets[0]
  return fallback ?? (first ? completion(null, first, boundaries) : null)
}

/**
 * The targets of the shown layers per indicator (the index leaves plans out). For one district, indicator, period
 * and basis the later layer wins, as imports win over the built-in data.
 */
export function targetsByIndicator(layers: ReadonlyArray<Pick<DatasetLayer, 'metrics'>>): Map<string, Metric[]> {
  const byKey = new Map<string, Metric>()
  for (const layer of layers)
    for (const m of layer.metrics) if (m.status === 'target') byKey.set(`${figureKey(m)}|${m.basis}`, m)
  const out = new Map<string, Metric[]>()
  for (const m of byKey.values()) {
    const list = out.get(m.indicator)
    if (list) list.push(m)
    else out.set(m.indicator, [m])
  }
  return out
}

/** A figure against the district's previous figure on the same basis (较上年), or why none is set against it. */
export type ChangeOnPrevious =
  | { kind: 'none' }
  /** Current − previous, and that as a percentage of the previous figure (null when it is zero or less). */
  | { kind: 'change'; previous: Metric; diff: number; percent: number | null; qualifier: Qualifier }
  /** The previous figure on the same basis lies across a boundary change. */
  | { kind: 'break'; previous: Metric; change: BoundaryChange }
  /** The district's latest earlier figure counts something else and none before it counts the same: 口径调整. */
  | { kind: 'basis'; previous: Metric }
  /** The report states the change itself (较2023年增长75.95%): preferred to any computed one. */
  | { kind: 'stated'; rate: Metric; from: number }

/**
 * The change on the district's previous comparable figure (takeaway's previousFigure: same measure, basis, status
 * and span, no boundary change between). With none on the same basis, an earlier single-year figure on another basis
 * is named as a basis change instead of being subtracted.
 */
export function changeOnPrevious(
  metrics: readonly Metric[],
  m: Metric,
  boundaries: readonly BoundaryChange[] = [],
  /** Figures of the rates reports state for this figure's indicator (indicators whose change_of names it). */
  stated: readonly Metric[] = [],
): ChangeOnPrevious {
  if (m.status === 'target' || isCumulativeMetric(m)) return { kind: 'none' }
  // A rate the report states for this district, year and basis is the report's own word: it wins over arithmetic.
  const rate = stated.find(
    (r) =>
      r.district === m.district &&
      r.start === m.start &&
      r.end === m.end &&
      r.basis === m.basis &&
      r.status === m.status,
  )
  if (rate) return { kind: 'stated', rate, from: m.start - 1 }
  const prev = previousFigure(metrics, m, boundaries)
  if (prev.kind === 'break') return { kind: 'break', previous: prev.metric, change: prev.change }
  if (prev.kind === 'comparable') {
    const diff = m.value - prev.metric.value
    return {
      kind: 'change',
      previous: prev.metric,
      diff,
      percent: prev.metric.value > 0 ? (diff / prev.metric.value) * 100 : null,
      // The difference grows with the current figure and shrinks with the earlier one, like a ratio.
      qualifier: ratioQualifier(m.qualifier, prev.metric.qualifier),
    }
  }
  const other = earlierOnOtherBasis(metrics, m)
  return other ? { kind: 'basis', previous: other } : { kind: 'none' }
}

/** Translated wording of progress lines (the UI's message table fills it; domain code never translates). */
export interface ProgressLabels {
  /** zh '目标 {value}'; en 'target {value}'. */
  target: (value: string) => string
  /** zh '完成 {pct}' / '至少完成 {pct}' …; en '{pct} achieved' / 'at least {pct} achieved' …. */
  rate: Record<Qualifier, (pct: string) => string>
  unreported: string
  otherBasis: string
  noRate: string
  /** zh '较 {year} 年 {amount}' / '较 {year} 年约 {amount}' …; en 'vs {year}: {amount}' …. */
  change: Record<Qualifier, (year: number, amount: string) => string>
  /** zh '{diff}（{pct}）'; en '{diff} ({pct})'. */
  withPercent: (diff: string, pct: string) => string
  /** zh '{n} 个百分点'; en '{n} pts'. */
  points: (n: string) => string
  /** zh '{year} 年区划调整，不与 {from} 年比较'. */
  boundaryBreak: (year: number, from: number) => string
  /** zh '口径调整，不与 {from} 年比较'. */
  basisBreak: (from: number) => string
  /** A change the report states: zh '较 {from} 年 {pct}（报告所述）'; en '{pct} on {from} (as stated)'. */
  stated: (from: number, pct: string) => string
}

/** A percentage rounded so a bound stays true: down for a floor, up for a ceiling. */
function boundedRound(value: number, q: Qualifier, digits: number): number {
  const f = 10 ** digits
  const scaled = value * f
  const r =
    q === 'at_least' ? Math.floor(scaled + 1e-9) : q === 'at_most' ? Math.ceil(scaled - 1e-9) : Math.round(scaled)
  return r / f
}

/** Completion as a whole percent, no finer than the figures support: '88%'. */
export function completionPercent(c: Extract<Completion, { kind: 'rate' }>, locale: Locale): string {
  return `${numberFormat(locale, { maximumFractionDigits: 0 }).format(boundedRound(c.percent, c.qualifier, 0))}%`
}

/** The completion line: '完成 88%', '至少完成 88%', '未报送', or why there is no rate. */
export function completionText(c: Completion, locale: Locale, labels: ProgressLabels): string {
  switch (c.kind) {
    case 'rate':
      return labels.rate[c.qualifier](completionPercent(c, locale))
    case 'unreported':
      return labels.unreported
    case 'otherBasis':
      return labels.otherBasis
    case 'noRate':
      return labels.noRate
  }
}

/** The target and how far it is done: '目标 500家 · 完成 88%'. */
export function progressLine(c: Completion, unit: Unit, locale: Locale, labels: ProgressLabels): string {
  return `${labels.target(formatMetricValue(c.target, unit, locale, 'compact'))} · ${completionText(c, locale, labels)}`
}

const signed = (text: string, value: number): string => (value > 0 ? `+${text}` : value < 0 ? `-${text}` : text)

/** The change line: '较 2023 年 +89家（+16.1%）', percentage points for a '%' indicator, or why it is not compared. */
export function changeText(ch: ChangeOnPrevious, unit: Unit, locale: Locale, labels: ProgressLabels): string | null {
  switch (ch.kind) {
    case 'none':
      return null
    case 'break':
      return labels.boundaryBreak(ch.change.year, ch.previous.start)
    case 'basis':
      return labels.basisBreak(ch.previous.start)
    case 'stated': {
      // The report's own digits, never re-rounded: 75.95% stays 75.95%.
      const pct = numberFormat(locale, { maximumFractionDigits: 6 }).format(Math.abs(ch.rate.value))
      const bound = qualifierSymbol(ch.rate.qualifier)
      return labels.stated(ch.from, `${bound}${signed(`${pct}%`, ch.rate.value)}`)
    }
    case 'change': {
      const pct = numberFormat(locale, { maximumFractionDigits: 1 })
      const abs = Math.abs(ch.diff)
      const amount =
        unit === '%'
          ? labels.points(signed(pct.format(boundedRound(abs, 'exact', 1)), ch.diff))
          : ch.percent === null
            ? signed(formatValue(abs, unit, locale, 'compact'), ch.diff)
            : labels.withPercent(
                signed(formatValue(abs, unit, locale, 'compact'), ch.diff),
                `${signed(pct.format(Math.abs(boundedRound(ch.percent, ch.qualifier, 1))), ch.diff)}%`,
              )
      return labels.change[ch.qualifier](ch.previous.start, amount)
    }
  }
}
