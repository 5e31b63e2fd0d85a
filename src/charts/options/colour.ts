// Colour arithmetic for the chart palettes (palette.ts): contrast, and lightening or darkening a colour with its hue kept.

interface Rgb {
  r: number
  g: number
  b: number
}

/** Parses #rgb, #rrggbb or #rrggbbaa (alpha ignored); null for anything else. */
export function parseHex(colour: string): Rgb | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(colour.trim())
  if (!m?.[1]) return null
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1].slice(0, 6)
  return { r: parseInt(hex.slice(0, 2), 16), g: parseInt(hex.slice(2, 4), 16), b: parseInt(hex.slice(4, 6), 16) }
}

/** #rrggbb of an RGB triple (channels rounded and clamped to 0…255). */
export function toHex({ r, g, b }: Rgb): string {
  return `#${[r, g, b]
    .map((v) =>
      Math.round(Math.min(Math.max(v, 0), 255))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`
}

function luminance({ r, g, b }: Rgb): number {
  const lin = (v: number): number => {
    const c = v / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/** WCAG contrast ratio of two hex colours (1 when either cannot be parsed). */
export function contrastRatio(a: string, b: string): number {
  const x = parseHex(a)
  const y = parseHex(b)
  if (!x || !y) return 1
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** Hue in degrees, saturation and lightness in 0…1. */
export function toHsl({ r, g, b }: Rgb): { h: number; s: number; l: number } {
  const [R, G, B] = [r / 255, g / 255, b / 255]
  const max = Math.max(R, G, B)
  const min = Math.min(R, G, B)
  const l = (max + min) / 2
  const d = max - min
  if (d === 0) return { h: 0, s: 0, l }
  const s = d / (1 - Math.abs(2 * l - 1))
  const h = max === R ? ((G - B) / d) % 6 : max === G ? (B - R) / d + 2 : (R - G) / d + 4
  return { h: (h * 60 + 360) % 360, s, l }
}

/** RGB (0…255) of a hue in degrees and saturation and lightness in 0…1. */
export function fromHsl(h: number, s: number, l: number): Rgb {
  const c = (1 - Math.abs(2 * l - 1)) * s
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1))
  const m = l - c / 2
  const [r, g, b] =
    h < 60
      ? [c, x, 0]
      : h < 120
        ? [x, c, 0]
        : h < 180
          ? [0, c, x]
          : h < 240
            ? [0, x, c]
            : h < 300
              ? [x, 0, c]
              : [c, 0, x]
  return { r: (r + m) * 255, g: (g + m) * 255, b: (b + m) * 255 }
}

/** True when light text reads better on the colour than dark text (a dark background). */
export function isDark(colour: string): boolean {
  const rgb = parseHex(colour)
  return rgb !== null && luminance(rgb) < 0.18
}

/**
 * The colour as it should show on a dark background: unchanged when it already contrasts enough,
 * otherwise lightened in HSL with its hue and saturation kept (so each district keeps its hue).
 * Anything that is not a hex colour (rgba decals, 'transparent', gradients) is returned as is.
 */
export function lightenToContrast(colour: string, background: string, minContrast: number): string {
  const rgb = parseHex(colour)
  if (!rgb || contrastRatio(colour, background) >= minContrast) return colour
  const { h, s, l } = toHsl(rgb)
  for (let next = l + 0.01; next <= 1; next += 0.01) {
    const candidate = toHex(fromHsl(h, s, next))
    if (contrastRatio(candidate, background) >= minContrast) return candidate
  }
  return '#ffffff'
}
