import type { Basis, BoundaryChange, Measure, Status } from '../types/domain'
import type { SetReason } from './comparability'
import type { Locale } from '../types/locale'
import { basisName } from './source'
import { localText } from './intl'

/** Translated wording of comparability reasons (the UI's message table fills it; builders never translate). */
export interface ReasonLabels {
  /** zh '口径不同：{parts}'; en 'Different basis: {parts}'. */
  basis: (parts: string) => string
  /** zh '{district}为{basis}'; en '{district} counts {basis}'. */
  basisPart: (district: string, basis: string) => string
  /** Name of the empty basis: the indicator as defined. */
  basisDefault: string
  measure: (parts: string) => string
  measurePart: (district: string, measure: string) => string
  measureNames: Record<Measure, string>
  status: (parts: string) => string
  statusPart: (district: string, status: string) => string
  statusNames: Record<Status, string>
  span: (parts: string) => string
  spanPart: (district: string, period: string) => string
  /** zh '{district} {year} 年起{change}'. */
  boundary: (district: string, year: number, change: string) => string
  years: (parts: string) => string
  yearsPart: (district: string, period: string) => string
  /** Short name of each kind of difference, for a sentence that points to the badge: zh '口径'. */
  kindNames: Record<SetReason['kind'], string>
  /** zh '{kinds}不同，不作比较'; en 'different {kinds}; not compared'. */
  notCompared: (kinds: string) => string
  /** A long list of districts cut short: zh '{names}等 {count} 个区县'; en '{names} and {more} more'. */
  manyNames: (names: string, count: number, more: number) => string
}

/** Past this many districts sharing a value, a reason names the first few and says how many. */
const NAMES_SHOWN = 3
const NAMES_CUT_FROM = 6

/** What describeReasons needs besides the reasons: names, the bases catalogue and the language. */
export interface ReasonContext {
  labels: ReasonLabels
  districtName: (id: string) => string
  bases: readonly Basis[]
  locale: Locale
  /** Formats a period ('2018-2022' → '2018–2022'). */
  period: (period: string) => string
}

/** One reason in words, e.g. '口径不同：萧山区为“萧工学堂”公益课程，富阳区为仅就业技能培训'. */
export function describeReason(reason: SetReason, ctx: ReasonContext): string {
  const { labels, districtName, locale } = ctx
  const en = locale === 'en'
  const join = (parts: string[]): string => parts.join(en ? ', ' : '，')
  // Districts that share a value are named together: '萧山区、富阳区 2024，西湖区 2018–2022'.
  const grouped = <T extends string>(
    byDistrict: ReadonlyArray<{ district: string; value: T }>,
    part: (names: string, value: T) => string,
  ): string => {
    const groups = new Map<T, string[]>()
    for (const e of byDistrict) groups.set(e.value, [...(groups.get(e.value) ?? []), districtName(e.district)])
    const list = (names: string[]): string =>
      names.length >= NAMES_CUT_FROM
        ? labels.manyNames(names.slice(0, NAMES_SHOWN).join(en ? ', ' : '、'), names.length, names.length - NAMES_SHOWN)
        : names.join(en ? ', ' : '、')
    return join([...groups].map(([value, names]) => part(list(names), value)))
  }
  switch (reason.kind) {
    case 'basis':
      return labels.basis(
        grouped(reason.byDistrict, (names, v) =>
          labels.basisPart(names, basisName(ctx.bases, v, locale, labels.basisDefault)),
        ),
      )
    case 'measure':
      return labels.measure(grouped(reason.byDistrict, (names, v) => labels.measurePart(names, labels.measureNames[v])))
    case 'status':
      return labels.status(grouped(reason.byDistrict, (names, v) => labels.statusPart(names, labels.statusNames[v])))
    case 'span':
      return labels.span(grouped(reason.byDistrict, (names, v) => labels.spanPart(names, ctx.period(v))))
    case 'years':
      return labels.years(grouped(reason.byDistrict, (names, v) => labels.yearsPart(names, ctx.period(v))))
    case 'boundary':
      return boundaryText(reason.change, ctx)
  }
}

/** A boundary change in words: zh '萧山区 2021 年起…'. */
export function boundaryText(change: BoundaryChange, ctx: ReasonContext): string {
  const text = localText(change.changeZh, change.changeEn, ctx.locale)
  // The sentence ends where the reasons are joined, not inside the data's own text ('此前各年。；').
  return ctx.labels.boundary(ctx.districtName(change.district), change.year, text.replace(/[。.．\s]+$/u, ''))
}

/** Every reason in words, joined with the language's separator ('' when there are none). */
export function describeReasons(reasons: readonly SetReason[], ctx: ReasonContext): string {
  return reasons.map((r) => describeReason(r, ctx)).join(ctx.locale === 'en' ? '; ' : '；')
}

/** The kinds of difference in a few words, e.g. '口径、统计方式不同，不作比较' (the badge gives the details). */
export function summariseReasons(reasons: readonly SetReason[], ctx: ReasonContext): string {
  const kinds = [...new Set(reasons.map((r) => ctx.labels.kindNames[r.kind]))]
  if (kinds.length === 0) return ''
  const en = ctx.locale === 'en'
  const list =
    en && kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}` : kinds.join(en ? ', ' : '、')
  return ctx.labels.notCompared(list)
}
