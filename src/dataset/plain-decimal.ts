/** A value accepted as a plain decimal, or why not with a corrected form when one can be guessed. */
export type PlainDecimalCheck =
  { ok: true; value: number } | { ok: false; code: PlainDecimalProblem; suggestion: string | null }

/** Why a value is not a plain decimal; each is an issue code. */
export type PlainDecimalProblem =
  | 'value-empty'
  | 'value-not-finite'
  | 'value-negative'
  | 'value-plus-sign'
  | 'value-exponent'
  | 'value-percent'
  | 'value-thousands-separator'
  | 'value-unit'
  | 'value-not-number'

const PLAIN = /^\d+(?:\.\d+)?$/
const LOOSE_NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/
const NOT_FINITE = /^[+-]?(?:nan|inf|infinity|∞)$/i
const EXPONENT = /^(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+$/
const PERCENT = /^(\d+(?:\.\d+)?)\s*[%％]$/
const THOUSANDS = /^\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?$/
const WITH_UNIT = /^(\d+(?:\.\d+)?)\s*(百万|千万|万|亿|千|百|[kKwW])?\s*([\p{Script=Han}a-zA-Z]+)?$/u
const MULTIPLIERS: Record<string, number> = {
  百: 1e2,
  千: 1e3,
  k: 1e3,
  K: 1e3,
  万: 1e4,
  w: 1e4,
  W: 1e4,
  百万: 1e6,
  千万: 1e7,
  亿: 1e8,
}

/** Writes a finite number as a plain decimal, never in exponent notation (1e-7 → "0.0000001"). */
export function formatPlainDecimal(value: number): string {
  if (!Number.isFinite(value)) return ''
  if (Object.is(value, -0)) return '0'
  const text = String(value)
  const e = text.indexOf('e')
  if (e === -1) return text
  const negative = text.startsWith('-')
  const mantissa = text.slice(negative ? 1 : 0, e)
  const exponent = Number(text.slice(e + 1))
  const point = mantissa.indexOf('.')
  const digits = mantissa.replace('.', '')
  const shifted = (point === -1 ? mantissa.length : point) + exponent
  let plain: string
  if (shifted <= 0) plain = `0.${'0'.repeat(-shifted)}${digits}`
  else if (shifted >= digits.length) plain = digits + '0'.repeat(shifted - digits.length)
  else plain = `${digits.slice(0, shifted)}.${digits.slice(shifted)}`
  return negative ? `-${plain}` : plain
}

function scaled(numberText: string, factor: number): string {
  return formatPlainDecimal(Number((Number(numberText) * factor).toPrecision(15)))
}

function fullWidthToAscii(text: string): string {
  return text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}

/**
 * Accepts a finite non-negative plain decimal (978900, 12.5, 0); refuses units, separators, percent signs,
 * exponents, signs and non-numbers, suggesting the plain form where it can (12万 → 120000).
 */
export function parsePlainDecimal(raw: string): PlainDecimalCheck {
  const text = raw.trim()
  if (PLAIN.test(text)) {
    const value = Number(text)
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, code: 'value-not-finite', suggestion: null }
  }
  const fail = (code: PlainDecimalProblem, suggestion: string | null = null): PlainDecimalCheck => ({
    ok: false,
    code,
    suggestion,
  })
  if (text === '') return fail('value-empty')
  if (NOT_FINITE.test(text)) return fail('value-not-finite')
  if (text.startsWith('-')) return fail('value-negative')
  if (text.startsWith('+')) {
    const rest = text.slice(1)
    return fail('value-plus-sign', LOOSE_NUMBER.test(rest) ? formatPlainDecimal(Number(rest)) : null)
  }
  if (EXPONENT.test(text)) {
    const value = Number(text)
    return fail('value-exponent', Number.isFinite(value) ? formatPlainDecimal(value) : null)
  }
  const percent = PERCENT.exec(text)
  if (percent) return fail('value-percent', percent[1] ?? null)
  if (THOUSANDS.test(text)) return fail('value-thousands-separator', text.replace(/[,，]/g, ''))
  const unit = WITH_UNIT.exec(text)
  if (unit && (unit[2] !== undefined || unit[3] !== undefined)) {
    const factor = unit[2] === undefined ? 1 : (MULTIPLIERS[unit[2]] ?? 1)
    return fail('value-unit', scaled(unit[1] ?? '0', factor))
  }
  const ascii = fullWidthToAscii(text)
  if (ascii !== text && PLAIN.test(ascii)) return fail('value-not-number', ascii)
  if (LOOSE_NUMBER.test(text)) return fail('value-not-number', formatPlainDecimal(Number(text)))
  return fail('value-not-number')
}
