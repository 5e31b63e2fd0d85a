// The one module that pulls ECharts' runtime for bar charts (the overview, category and indicator comparisons);
// echarts-more.ts adds what trends, radars, exports and slides need. Everything else imports echarts types only.
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { BarChart } from 'echarts/charts'
import { AriaComponent, GridComponent, MarkPointComponent, TooltipComponent } from 'echarts/components'

use([CanvasRenderer, BarChart, AriaComponent, GridComponent, MarkPointComponent, TooltipComponent])

/** Font stack that Chinese Windows and macOS both have, so nothing is downloaded. */
// Single quotes inside: ECharts' SVG renderer writes font-family into a double-quoted attribute unescaped.
export const FONT_FAMILY =
  "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', system-ui, sans-serif"

/** Light theme registered name for vue-echarts' `theme` prop. */
export const THEME_LIGHT = {
  textStyle: { fontFamily: FONT_FAMILY },
  backgroundColor: '#ffffff',
}

/** High-contrast dark "big screen" theme. */
export const THEME_DARK = {
  textStyle: { fontFamily: FONT_FAMILY, color: '#f2f4f7' },
  backgroundColor: '#0b1220',
}
