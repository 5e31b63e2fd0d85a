import type { ChartOption } from './types'

/** Colours of the dark "big screen" theme. */
export const DARK = {
  background: '#0b1220',
  text: '#f2f4f7',
  muted: '#b8c2d1',
  axisLine: '#8a94a6',
  splitLine: '#334155',
  tooltipBackground: '#1b2436',
  tooltipBorder: '#475569',
  legendInactive: '#4b5563',
} as const

/** Contrast a district colour must reach on the dark background: above WCAG AA, as projectors wash colours out. */
export const DARK_MIN_CONTRAST = 5.5

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

/**
 * The colour as it should show on the dark background: unchanged when it already contrasts enough,
 * otherwise lightened in HSL with its hue and saturation kept (so each district keeps its hue).
 * Anything that is not a hex colour (rgba decals, 'transparent', gradients) is returned as is.
 */
export function toDarkColour(colour: string, background: string = DARK.background): string {
  const rgb = parseHex(colour)
  if (!rgb || contrastRatio(colour, background) >= DARK_MIN_CONTRAST) return colour
  const { h, s, l } = toHsl(rgb)
  for (let next = l + 0.01; next <= 1; next += 0.01) {
    const candidate = toHex(fromHsl(h, s, next))
    if (contrastRatio(candidate, background) >= DARK_MIN_CONTRAST) return candidate
  }
  return DARK.text
}

type Plain = Record<string, unknown>

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const COLOUR_KEYS = new Set(['color', 'fill', 'borderColor', 'textBorderColor'])

/** Deep copy of plain objects and arrays with every low-contrast hex colour lightened; functions are kept by reference. */
function recolour(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(recolour)
  if (!isPlain(value)) return value
  const out: Plain = {}
  for (const [k, v] of Object.entries(value)) {
    if (COLOUR_KEYS.has(k) && typeof v === 'string') out[k] = toDarkColour(v)
    else if (COLOUR_KEYS.has(k) && Array.isArray(v))
      out[k] = v.map((c: unknown) => (typeof c === 'string' ? toDarkColour(c) : c))
    else out[k] = recolour(v)
  }
  return out
}

/** Applies `patch` to a component that may be one object or a list of them (xAxis, legend …). */
function eachComponent(option: Plain, key: string, patch: (c: Plain) => Plain): void {
  const c = option[key]
  if (Array.isArray(c)) option[key] = c.map((x: unknown) => (isPlain(x) ? patch(x) : x))
  else if (isPlain(c)) option[key] = patch(c)
}

const sub = (c: Plain, key: string): Plain => (isPlain(c[key]) ? c[key] : {})

function withLineColour(c: Plain, key: string, colour: string): Plain {
  const part = sub(c, key)
  return { ...part, lineStyle: { ...sub(part, 'lineStyle'), color: colour } }
}

function darkAxis(axis: Plain): Plain {
  return {
    ...axis,
    axisLabel: { ...sub(axis, 'axisLabel'), color: DARK.text },
    axisLine: withLineColour(axis, 'axisLine', DARK.axisLine),
    axisTick: withLineColour(axis, 'axisTick', DARK.axisLine),
    splitLine: withLineColour(axis, 'splitLine', DARK.splitLine),
    nameTextStyle: { ...sub(axis, 'nameTextStyle'), color: DARK.text },
  }
}

/** A label gets the light text colour unless the builder chose one; rich-text styles likewise. */
function darkLabel(label: Plain): Plain {
  const rich = isPlain(label.rich)
    ? Object.fromEntries(
        Object.entries(label.rich).map(([k, v]) => [
          k,
          isPlain(v) ? { ...v, color: typeof v.color === 'string' ? v.color : DARK.text } : v,
        ]),
      )
    : undefined
  return {
    ...label,
    color: typeof label.color === 'string' ? label.color : DARK.text,
    ...(rich ? { rich } : {}),
  }
}

function darkSeries(series: Plain): Plain {
  const out: Plain = { ...series }
  if (isPlain(series.label)) out.label = darkLabel(series.label)
  const markPoint = series.markPoint
  if (isPlain(markPoint) && isPlain(markPoint.label))
    out.markPoint = { ...markPoint, label: darkLabel(markPoint.label) }
  return out
}

/**
 * The option restyled for the dark "big screen" theme: dark background, light text, axis lines, split lines
 * and labels recoloured, low-contrast district colours lightened with their hue kept. Pure: the input is not changed.
 */
export function toDarkOption(option: ChartOption): ChartOption {
  const o = recolour(option) as Plain
  o.backgroundColor = DARK.background
  o.textStyle = { ...sub(o, 'textStyle'), color: DARK.text }
  eachComponent(o, 'xAxis', darkAxis)
  eachComponent(o, 'yAxis', darkAxis)
  eachComponent(o, 'legend', (l) => ({
    ...l,
    textStyle: { ...sub(l, 'textStyle'), color: DARK.text },
    inactiveColor: DARK.legendInactive,
  }))
  eachComponent(o, 'radar', (r) => ({
    ...r,
    axisName: { ...sub(r, 'axisName'), color: DARK.text },
    axisLine: withLineColour(r, 'axisLine', DARK.axisLine),
    splitLine: withLineColour(r, 'splitLine', DARK.splitLine),
  }))
  eachComponent(o, 'title', (t) => ({
    ...t,
    textStyle: { ...sub(t, 'textStyle'), color: DARK.text },
    subtextStyle: { ...sub(t, 'subtextStyle'), color: DARK.muted },
  }))
  eachComponent(o, 'tooltip', (t) => ({
    ...t,
    backgroundColor: DARK.tooltipBackground,
    borderColor: DARK.tooltipBorder,
    textStyle: { ...sub(t, 'textStyle'), color: DARK.text },
  }))
  eachComponent(o, 'series', darkSeries)
  // The cast is the one place the walked copy is read back as the builders' option type; its shape is unchanged.
  return o as ChartOption
}
