import type { Metric, Qualifier, Unit } from '../types/domain'
import type { Locale } from '../types/locale'
import { numberFormat } from './intl'

/** How much of a number to show: compact (97.89万 / 978.9K) or every digit (978,900). */
export type FormatMode = 'compact' | 'exact'

/** A compact number split into digits and magnitude suffix ('97.89' + '万', '978.9' + 'K'). */
export interface CompactParts {
  number: string
  suffix: string
}

const WAN = 1e4
const YI = 1e8

const plainZh = (): Intl.NumberFormat => numberFormat('zh-CN', { useGrouping: false, maximumFractionDigits: 2 })
const compactEn = (): Intl.NumberFormat => numberFormat('en', { notation: 'compact', maximumFractionDigits: 2 })
const groupedEn = (): Intl.NumberFormat => numberFormat('en', { maximumFractionDigits: 2 })

/** Below this, English shows every digit (3,255, 99,999): '3.26K' hides the figure a reader wants to quote. */
export const EN_FULL_DIGITS_BELOW = 100_000

/** Rounds to two decimals the way the formatter will, so 9999.999 is treated as 1万, not '10000'. */
function round2(n: number): number {
  return Math.round(n * 100) / 100
}

/**
 * Splits a value into compact digits and suffix: zh uses 万 / 亿 (no grouping below 万); en shows every digit with
 * thousands separators below 100,000 (3,255) and Intl compact from there (120K, 1.75M).
 */
export function compactParts(value: number, locale: Locale): CompactParts {
  if (!Number.isFinite(value)) return { number: String(value), suffix: '' }
  if (locale === 'en') {
    if (Math.abs(round2(value)) < EN_FULL_DIGITS_BELOW) return { number: groupedEn().format(value), suffix: '' }
    const parts = compactEn().formatToParts(value)
    const suffix = parts
      .filter((p) => p.type === 'compact')
      .map((p) => p.value)
      .join('')
    const number = parts
      .filter((p) => p.type !== 'compact' && p.type !== 'literal')
      .map((p) => p.value)
      .join('')
    return { number, suffix }
  }
  const sign = value < 0 ? '-' : ''
  const abs = Math.abs(value)
  if (round2(abs / YI) >= 1 || round2(abs / WAN) >= WAN) {
    return { number: sign + plainZh().format(abs / YI), suffix: '亿' }
  }
  if (round2(abs / WAN) >= 1 || round2(abs) >= WAN) {
    return { number: sign + plainZh().format(abs / WAN), suffix: '万' }
  }
  return { number: sign + plainZh().format(abs), suffix: '' }
}

/** Short form of a number: zh '1244', '97.89万', '1.75亿'; en '3,255', '978.9K', '1.75M' (≤ 2 decimals, zeros trimmed). */
export function formatCompact(value: number, locale: Locale): string {
  const { number, suffix } = compactParts(value, locale)
  return number + suffix
}

const AXIS_SCALES: Record<Locale, ReadonlyArray<{ divisor: number; suffix: string }>> = {
  'zh-CN': [
    { divisor: YI, suffix: '亿' },
    { divisor: WAN, suffix: '万' },
  ],
  en: [
    { divisor: 1e9, suffix: 'B' },
    { divisor: 1e6, suffix: 'M' },
    { divisor: 1e3, suffix: 'K' },
  ],
}

/**
 * One number format for every tick of an axis, chosen from the largest value it shows: zh 0, 0.5万, 1万, 1.5万
 * rather than 5000 beside 1万; en every digit up to 99,999 (0, 50,000, 100,000 would mix with 150K, so the
 * largest value decides), else one suffix for all ticks (0, 50K, 100K, 150K).
 */
export function axisNumberFormatter(maxAbs: number, locale: Locale): (value: number) => string {
  const top = Number.isFinite(maxAbs) ? Math.abs(maxAbs) : 0
  const limit = locale === 'en' ? EN_FULL_DIGITS_BELOW : WAN
  const scale = top >= limit ? AXIS_SCALES[locale].find((s) => top >= s.divisor) : undefined
  const plain = locale === 'en' ? groupedEn() : plainZh()
  if (!scale) return (value) => (Number.isFinite(value) ? plain.format(value) : String(value))
  return (value) => {
    if (!Number.isFinite(value)) return String(value)
    return value === 0 ? '0' : plain.format(value / scale.divisor) + scale.suffix
  }
}

/** Decimal places in the shortest text form of a number, so 12.5 keeps one and 978900 none. */
function decimalsOf(value: number): number {
  const text = String(Math.abs(value))
  if (text.includes('e')) return 0
  return Math.min(text.split('.')[1]?.length ?? 0, 20)
}

/** Every digit with grouping ('978,900'); decimals kept exactly as given (12.5). */
export function formatExact(value: number, locale: Locale): string {
  if (!Number.isFinite(value)) return String(value)
  const digits = decimalsOf(value)
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)
}

const UNIT_EN: Record<Unit, { one: string; other: string }> = {
  元: { one: 'yuan', other: 'yuan' },
  人: { one: 'person', other: 'people' },
  人次: { one: 'person-time', other: 'person-times' },
  户: { one: 'household', other: 'households' },
  家: { one: 'org', other: 'orgs' },
  个: { one: '', other: '' },
  场: { one: 'event', other: 'events' },
  次: { one: 'time', other: 'times' },
  项: { one: 'item', other: 'items' },
  份: { one: 'copy', other: 'copies' },
  支: { one: 'team', other: 'teams' },
  '%': { one: '%', other: '%' },
}

/** Display word for a unit: zh the unit itself; en a plural noun, singular when count is exactly 1. */
export function unitLabel(unit: Unit, locale: Locale, count?: number): string {
  if (locale === 'zh-CN') return unit
  const forms = UNIT_EN[unit]
  return count === 1 ? forms.one : forms.other
}

/** Joins a formatted number and its unit: zh without a space ('642家'), en with one ('642 orgs'), '%' always tight. */
export function joinUnit(number: string, unit: Unit, locale: Locale, count: number): string {
  const label = unitLabel(unit, locale, count)
  if (label === '') return number
  if (locale === 'zh-CN' || unit === '%') return number + label
  return `${number} ${label}`
}

/** A value with its unit: zh '97.89万元', '642家', '85%'; en '978.9K yuan', '642 orgs', '85%'. */
export function formatValue(value: number, unit: Unit, locale: Locale, mode: FormatMode = 'compact'): string {
  const number = mode === 'compact' ? formatCompact(value, locale) : formatExact(value, locale)
  return joinUnit(number, unit, locale, value)
}

const ZH_COUNTS = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十']

/** A number of years as a multi-year total names it: zh '五年' (digits past ten), en '5-year'. */
export function formatYearCount(years: number, locale: Locale): string {
  if (locale === 'en') return `${years}-year`
  return `${ZH_COUNTS[years] ?? String(years)}年`
}

/** Symbol shown before a qualified figure: ≥ at least, ≈ approx, ≤ at most, nothing when exact. */
export function qualifierSymbol(q: Qualifier): '' | '≥' | '≈' | '≤' {
  switch (q) {
    case 'exact':
      return ''
    case 'approx':
      return '≈'
    case 'at_least':
      return '≥'
    case 'at_most':
      return '≤'
  }
}

/** A figure with qualifier symbol and unit: '≥11万人', '≈97.89万元'. */
export function formatMetricValue(
  m: Pick<Metric, 'value' | 'qualifier'>,
  unit: Unit,
  locale: Locale,
  mode: FormatMode = 'compact',
): string {
  return qualifierSymbol(m.qualifier) + formatValue(m.value, unit, locale, mode)
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes & < > " ' so data text can be placed in tooltip HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c)
}

/** A storage size in kB or MB with one decimal ('7.7 MB'); the same units in both languages. */
export function formatBytes(bytes: number, locale: Locale): string {
  const [value, unit] = bytes >= 1e6 ? [bytes / 1e6, 'MB'] : [Math.max(bytes, 100) / 1e3, 'kB']
  return `${numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)} ${unit}`
}
