/** Where the stated figure sits in a quote, so the provenance panel can highlight it. */
export interface FigureSpan {
  start: number
  end: number
}

const NUMBER_WITH_SCALE = /(\d+(?:\.\d+)?)[\s*]*(亿|万)?/g
const SCALE: Record<string, number> = { 万: 1e4, 亿: 1e8 }

/** Finds the number in `quote` that states `value` (97.89万 ↔ 978900); null when none matches. */
export function locateFigure(quote: string, value: number): FigureSpan | null {
  for (const m of quote.matchAll(NUMBER_WITH_SCALE)) {
    const digits = m[1] ?? ''
    const scale = m[2] ? (SCALE[m[2]] ?? 1) : 1
    const stated = Number(digits) * scale
    if (Math.abs(stated - value) <= Math.max(1e-9, Math.abs(value) * 1e-9)) {
      const start = m.index ?? 0
      return { start, end: start + m[0].length }
    }
  }
  return null
}
