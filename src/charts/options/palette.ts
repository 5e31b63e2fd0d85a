import { isDark, lightenToContrast } from './colour'
import { toTextColour, TEXT_MIN_CONTRAST } from './text-colour'

/**
 * The colours a chart is drawn in, part of the chart settings: builders take text and district colours from it,
 * and charts/echarts.ts registers the matching ECharts theme (axes, legend, tooltip), so no option is recoloured
 * after it is built. Component colours left out keep ECharts' defaults.
 */
export interface ChartPalette {
  /** The registered ECharts theme with this palette's component colours. */
  theme: 'union-light' | 'union-dark'
  background: string
  /** Muted text: year tags, 无数据, notes. */
  muted: string
  /** Contrast a district colour must reach on the background, or null to draw district colours as given. */
  seriesMinContrast: number | null
  /** Text, axis and component colours for the theme; absent ones keep ECharts' defaults. */
  text?: string
  axisLine?: string
  splitLine?: string
  tooltipBackground?: string
  tooltipBorder?: string
  legendInactive?: string
}

/** The page's palette: white, with district colours as the data gives them. */
export const LIGHT_PALETTE: ChartPalette = {
  theme: 'union-light',
  background: '#ffffff',
  // The page's --muted, 5.8:1 on white.
  muted: '#5b6675',
  seriesMinContrast: null,
}

/** The dark "big screen" palette; district colours are lightened to 5.5:1, above WCAG AA, as projectors wash them out. */
export const DARK_PALETTE: ChartPalette = {
  theme: 'union-dark',
  background: '#0b1220',
  text: '#f2f4f7',
  muted: '#b8c2d1',
  seriesMinContrast: 5.5,
  axisLine: '#8a94a6',
  splitLine: '#334155',
  tooltipBackground: '#1b2436',
  tooltipBorder: '#475569',
  legendInactive: '#4b5563',
}

/** The palette of a builder's settings: the light one unless the settings name another. */
export function paletteOf(settings: { palette?: ChartPalette }): ChartPalette {
  return settings.palette ?? LIGHT_PALETTE
}

/** A district's colour as bars, lines and areas show it on the palette's background (its hue kept). */
export function seriesColour(colour: string, palette: ChartPalette): string {
  return palette.seriesMinContrast === null
    ? colour
    : lightenToContrast(colour, palette.background, palette.seriesMinContrast)
}

/** A district's colour for text on the palette's background: darkened on light, lightened on dark, to AA or more. */
export function textColour(colour: string, palette: ChartPalette): string {
  if (!isDark(palette.background)) return toTextColour(colour, palette.background)
  return lightenToContrast(colour, palette.background, Math.max(TEXT_MIN_CONTRAST, palette.seriesMinContrast ?? 0))
}

/** The ECharts theme of a palette: background, text and the component colours builders leave to the theme. */
export function buildEchartsTheme(palette: ChartPalette, fontFamily: string): Record<string, unknown> {
  const { text, axisLine, splitLine } = palette
  const line = (color: string | undefined) => (color ? { lineStyle: { color } } : {})
  const axis = {
    axisLine: line(axisLine),
    axisTick: line(axisLine),
    splitLine: line(splitLine),
    ...(text ? { axisLabel: { color: text }, nameTextStyle: { color: text } } : {}),
  }
  const label = text ? { label: { color: text } } : {}
  return {
    backgroundColor: palette.background,
    textStyle: text ? { fontFamily, color: text } : { fontFamily },
    ...(text
      ? {
          categoryAxis: axis,
          valueAxis: axis,
          legend: { textStyle: { color: text }, inactiveColor: palette.legendInactive },
          tooltip: {
            backgroundColor: palette.tooltipBackground,
            borderColor: palette.tooltipBorder,
            textStyle: { color: text },
          },
          title: { textStyle: { color: text }, subtextStyle: { color: palette.muted } },
          // 'radar' themes both the radar component and radar series (whose subtype has the same name).
          radar: { axisName: { color: text }, axisLine: line(axisLine), splitLine: line(splitLine), ...label },
          bar: label,
          line: label,
        }
      : {}),
  }
}
