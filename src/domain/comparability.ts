import type { BoundaryChange, Measure, Metric, Status } from '../types/domain'

/** The attributes of a figure the comparability rule reads: what it counts, where and when. */
export type Counted = Pick<
  Metric,
  'district' | 'indicator' | 'start' | 'end' | 'measure' | 'basis' | 'status' | 'method' | 'period'
>

/** One way two figures differ in what they count; every kind comes from columns, never from a note. */
export type Difference =
  | { kind: 'indicator' }
  | { kind: 'measure'; measures: [Measure, Measure] }
  | { kind: 'basis'; bases: [string, string] }
  | { kind: 'status'; statuses: [Status, Status] }
  | { kind: 'span'; years: [number, number] }
  | { kind: 'boundary'; change: BoundaryChange }

/** The rule's answer for two figures. */
export type PairVerdict =
  | { comparable: true; sameYears: true }
  /** Same basis, other years: may be set side by side with the years named, never ranked. */
  | { comparable: true; sameYears: false }
  | { comparable: false; differences: Difference[] }

const spanOf = (m: Pick<Counted, 'start' | 'end'>): number => m.end - m.start + 1

/** The boundary changes of a's or b's district that fall between the two figures (none for figures of one year). */
export function breaksBetween(
  a: Pick<Counted, 'district' | 'start' | 'end'>,
  b: Pick<Counted, 'district' | 'start' | 'end'>,
  boundaries: readonly BoundaryChange[],
): BoundaryChange[] {
  const from = Math.min(a.start, b.start)
  const to = Math.max(a.end, b.end)
  return boundaries.filter(
    (c) => (c.district === a.district || c.district === b.district) && c.year > from && c.year <= to,
  )
}

/**
 * The one comparability rule. Two figures count the same thing when they share the indicator, the measure (flow or
 * stock), the basis key and the status (a target is never set against anything but its own achievement), cover
 * periods of the same length, and no boundary change of either district falls between them. Same basis but other
 * years is comparable only with the years named. Derived figures compare like reported ones; they are labelled.
 */
export function comparePair(a: Counted, b: Counted, boundaries: readonly BoundaryChange[] = []): PairVerdict {
  const differences: Difference[] = []
  if (a.indicator !== b.indicator) differences.push({ kind: 'indicator' })
  if (a.measure !== b.measure) differences.push({ kind: 'measure', measures: [a.measure, b.measure] })
  if (a.basis !== b.basis) differences.push({ kind: 'basis', bases: [a.basis, b.basis] })
  if (a.status !== b.status || a.status === 'target')
    differences.push({ kind: 'status', statuses: [a.status, b.status] })
  if (spanOf(a) !== spanOf(b)) differences.push({ kind: 'span', years: [spanOf(a), spanOf(b)] })
  for (const change of breaksBetween(a, b, boundaries)) differences.push({ kind: 'boundary', change })
  if (differences.length > 0) return { comparable: false, differences }
  return a.start === b.start && a.end === b.end
    ? { comparable: true, sameYears: true }
    : { comparable: true, sameYears: false }
}

/** Figures that may be ranked against each other share this key: what they count and the exact period. */
export function cohortKey(m: Counted): string {
  return `${m.indicator}|${m.measure}|${m.basis}|${m.status}|${m.start}-${m.end}`
}

/** What a figure counts, without its years: figures with equal keys are comparable once their years are named. */
export function basisKey(m: Counted): string {
  return `${m.indicator}|${m.measure}|${m.basis}|${m.status}|${spanOf(m)}`
}

/** Splits figures into cohorts of like-for-like figures of one period, largest first (ties keep first-seen order). Targets never form a cohort. */
export function cohorts<T extends Counted>(figures: readonly T[]): T[][] {
  const groups = new Map<string, T[]>()
  for (const m of figures) {
    const key = m.status === 'target' ? `target|${groups.size}` : cohortKey(m)
    const list = groups.get(key)
    if (list) list.push(m)
    else groups.set(key, [m])
  }
  return [...groups.values()].sort((a, b) => b.length - a.length)
}

/** A figure of a set, tagged with its district, as the set reasons name it. */
export interface DistrictValue<T> {
  district: string
  value: T
}

/** Why the figures of one comparison do not all count the same thing, attribute by attribute (display order). */
export type SetReason =
  | { kind: 'basis'; byDistrict: Array<DistrictValue<string>> }
  | { kind: 'measure'; byDistrict: Array<DistrictValue<Measure>> }
  | { kind: 'status'; byDistrict: Array<DistrictValue<Status>> }
  | { kind: 'span'; byDistrict: Array<DistrictValue<string>> }
  | { kind: 'boundary'; change: BoundaryChange }
  /** Same basis, different years: shown with the years named, not ranked. */
  | { kind: 'years'; byDistrict: Array<DistrictValue<string>> }

/** The verdict on a set of figures shown together (a chart, a slide, a row of a table). */
export interface SetVerdict {
  /** Every pair compares plainly: same basis and the same years. */
  likeForLike: boolean
  /** Present figures that may be ranked together: the largest cohort, when it has two or more. */
  ranked: string[]
  reasons: SetReason[]
}

function varying<T extends string>(
  present: ReadonlyArray<{ district: string; metric: Counted }>,
  read: (m: Counted) => T,
): Array<DistrictValue<T>> | null {
  const values = new Set(present.map((e) => read(e.metric)))
  return values.size > 1 ? present.map((e) => ({ district: e.district, value: read(e.metric) })) : null
}

/** Judges the figures of one comparison with comparePair's rule and says, in structured reasons, what differs. */
export function judgeSet(
  entries: ReadonlyArray<{ district: string; metric: Counted | null }>,
  boundaries: readonly BoundaryChange[] = [],
): SetVerdict {
  const present = entries.flatMap((e) => (e.metric ? [{ district: e.district, metric: e.metric }] : []))
  const reasons: SetReason[] = []
  const basis = varying(present, (m) => m.basis)
  if (basis) reasons.push({ kind: 'basis', byDistrict: basis })
  const measure = varying(present, (m) => m.measure)
  if (measure) reasons.push({ kind: 'measure', byDistrict: measure })
  const status = varying(present, (m) => m.status)
  if (status) reasons.push({ kind: 'status', byDistrict: status })
  else if (present.some((e) => e.metric.status === 'target') && present.length > 1)
    reasons.push({ kind: 'status', byDistrict: present.map((e) => ({ district: e.district, value: e.metric.status })) })
  const span = varying(present, (m) => String(spanOf(m)))
  if (span)
    reasons.push({ kind: 'span', byDistrict: present.map((e) => ({ district: e.district, value: e.metric.period })) })
  const seen = new Set<BoundaryChange>()
  for (let i = 0; i < present.length; i++) {
    for (let j = i + 1; j < present.length; j++) {
      const a = present[i]
      const b = present[j]
      if (!a || !b) continue
      for (const change of breaksBetween(a.metric, b.metric, boundaries)) {
        if (seen.has(change)) continue
        seen.add(change)
        reasons.push({ kind: 'boundary', change })
      }
    }
  }
  const years = varying(present, (m) => `${m.start}-${m.end}`)
  if (reasons.length === 0 && years)
    reasons.push({ kind: 'years', byDistrict: present.map((e) => ({ district: e.district, value: e.metric.period })) })
  const biggest = cohorts(present.map((e) => ({ ...e.metric, district: e.district })))[0] ?? []
  return {
    likeForLike: reasons.length === 0,
    ranked: biggest.length > 1 ? biggest.map((m) => m.district) : [],
    reasons,
  }
}
