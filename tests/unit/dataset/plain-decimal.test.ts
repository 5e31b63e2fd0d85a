import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { formatPlainDecimal, parsePlainDecimal } from '../../../src/dataset/plain-decimal'

describe('formatPlainDecimal', () => {
  it('writes numbers without exponent notation', () => {
    expect(formatPlainDecimal(0.000001)).toBe('0.000001')
    expect(formatPlainDecimal(1e-7)).toBe('0.0000001')
    expect(formatPlainDecimal(1.5e-9)).toBe('0.0000000015')
    expect(formatPlainDecimal(1e21)).toBe('1000000000000000000000')
    expect(formatPlainDecimal(1.25e22)).toBe('12500000000000000000000')
    expect(formatPlainDecimal(978900)).toBe('978900')
    expect(formatPlainDecimal(-0)).toBe('0')
    expect(formatPlainDecimal(-2.5e-7)).toBe('-0.00000025')
  })

  it('gives back exactly the same number when read again', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = formatPlainDecimal(value)
        expect(text).toMatch(/^\d+(\.\d+)?$/)
        expect(parsePlainDecimal(text)).toEqual({ ok: true, value: Object.is(value, -0) ? 0 : value })
      }),
    )
  })
})

describe('parsePlainDecimal', () => {
  it('accepts plain non-negative decimals, trimming spaces', () => {
    expect(parsePlainDecimal('978900')).toEqual({ ok: true, value: 978900 })
    expect(parsePlainDecimal('12.5')).toEqual({ ok: true, value: 12.5 })
    expect(parsePlainDecimal(' 0 ')).toEqual({ ok: true, value: 0 })
  })

  it.each([
    ['', 'value-empty', null],
    ['12万', 'value-unit', '120000'],
    ['1.5亿', 'value-unit', '150000000'],
    ['0.3万元', 'value-unit', '3000'],
    ['300人', 'value-unit', '300'],
    ['1,234', 'value-thousands-separator', '1234'],
    ['1,234,567.5', 'value-thousands-separator', '1234567.5'],
    ['12%', 'value-percent', '12'],
    ['NaN', 'value-not-finite', null],
    ['-Infinity', 'value-not-finite', null],
    ['1'.repeat(400), 'value-not-finite', null],
    ['1e5', 'value-exponent', '100000'],
    ['2.5E-3', 'value-exponent', '0.0025'],
    ['+5', 'value-plus-sign', '5'],
    ['-5', 'value-negative', null],
    ['１２３', 'value-not-number', '123'],
    ['.5', 'value-not-number', '0.5'],
    ['12.', 'value-not-number', '12'],
    ['#N/A', 'value-not-number', null],
  ])('refuses %j as %s suggesting %s', (raw, code, suggestion) => {
    expect(parsePlainDecimal(raw)).toEqual({ ok: false, code, suggestion })
  })
})
