import { contrastRatio, fromHsl, parseHex, toHex, toHsl } from './colour'

/** Contrast text must reach on its background: WCAG 2 AA for normal-size text (1.4.3). */
export const TEXT_MIN_CONTRAST = 4.5

/**
 * The colour to write text in on a light background: unchanged when it already contrasts enough, otherwise
 * darkened in HSL with its hue and saturation kept, so a district's label still reads as its colour. Bars and
 * swatches keep the original fill; anything that is not a hex colour falls back to the page's text colour.
 */
export function toTextColour(colour: string, background = '#ffffff', minContrast = TEXT_MIN_CONTRAST): string {
  const rgb = parseHex(colour)
  if (!rgb) return '#1b2430'
  if (contrastRatio(colour, background) >= minContrast) return toHex(rgb)
  const { h, s, l } = toHsl(rgb)
  for (let next = l - 0.01; next >= 0; next -= 0.01) {
    const candidate = toHex(fromHsl(h, s, next))
    if (contrastRatio(candidate, background) >= minContrast) return candidate
  }
  return '#000000'
}
