// What every picture of a chart shares, exported or printed. Kept apart from export-option.ts (loaded on first
// export) because printing draws its pictures in beforeprint, which cannot wait for a chunk to load.
import type { ChartOption } from '../charts/options/types'

/**
 * Fonts Windows and macOS ship (then Linux), so text in an exported SVG stays text and still looks right.
 * Single quotes: the SVG renderer writes this into a double-quoted style attribute without escaping.
 */
export const EXPORT_FONT_FAMILY =
  "'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Segoe UI', Arial, sans-serif"

/** Sizes (CSS px) and colours of the text an export adds around the chart. */
export const EXPORT_TEXT = {
  padding: 16,
  titleSize: 18,
  titleLine: 24,
  subtitleSize: 14,
  subtitleLine: 20,
  noteSize: 12,
  noteLine: 17,
  titleColour: '#1b2430',
  subtitleColour: '#2f3a48',
  noteColour: '#5b6675',
  warnColour: '#7a4b00',
  background: '#ffffff',
} as const

/** The chart alone as a picture shows it: drawn at once (no animation), on an opaque background, in those fonts. */
export function bareExportOption(option: ChartOption): ChartOption {
  return {
    ...option,
    animation: false,
    backgroundColor: EXPORT_TEXT.background,
    textStyle: { ...(option.textStyle ?? {}), fontFamily: EXPORT_FONT_FAMILY },
  }
}
