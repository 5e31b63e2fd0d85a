import { describe, expect, it } from 'vitest'
import { contrastRatio, parseHex, toHsl } from '../../../../src/charts/options/colour'
import { TEXT_MIN_CONTRAST, toTextColour } from '../../../../src/charts/options/text-colour'

const DISTRICT_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#F0E442', '#56B4E9', '#ffffff']

describe('toTextColour', () => {
  it.each(DISTRICT_COLOURS)('gives %s a text colour of at least 4.5:1 on white', (colour) => {
    expect(contrastRatio(toTextColour(colour), '#ffffff')).toBeGreaterThanOrEqual(TEXT_MIN_CONTRAST)
  })

  it('keeps a colour that already contrasts enough', () => {
    expect(toTextColour('#0072B2')).toBe('#0072b2')
  })

  it('darkens a light colour only as far as needed, keeping its hue', () => {
    const text = toTextColour('#E69F00')
    const before = toHsl(parseHex('#E69F00') ?? { r: 0, g: 0, b: 0 })
    const after = toHsl(parseHex(text) ?? { r: 0, g: 0, b: 0 })
    expect(Math.abs(after.h - before.h)).toBeLessThan(2)
    expect(after.l).toBeLessThan(before.l)
    expect(contrastRatio(text, '#ffffff')).toBeLessThan(TEXT_MIN_CONTRAST + 0.4)
  })

  it('meets another background or a stricter ratio when asked', () => {
    expect(contrastRatio(toTextColour('#009E73', '#f4f6f9', 7), '#f4f6f9')).toBeGreaterThanOrEqual(7)
  })

  it('falls back to the page text colour for anything that is not hex', () => {
    expect(toTextColour('rgb(1, 2, 3)')).toBe('#1b2430')
    expect(toTextColour('transparent')).toBe('#1b2430')
  })
})
