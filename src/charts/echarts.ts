// The one module that pulls ECharts' runtime for bar charts (the overview, category and indicator comparisons);
// echarts-more.ts adds what trends, radars, exports and slides need. Everything else imports echarts types only.
import { registerTheme, use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { BarChart } from 'echarts/charts'
import { AriaComponent, GridComponent, MarkPointComponent, TooltipComponent } from 'echarts/components'
import { DARK_PALETTE, LIGHT_PALETTE, buildEchartsTheme } from './options/palette'

use([CanvasRenderer, BarChart, AriaComponent, GridComponent, MarkPointComponent, TooltipComponent])

/** Font stack that Chinese Windows and macOS both have, so nothing is downloaded. */
// Single quotes inside: ECharts' SVG renderer writes font-family into a double-quoted attribute unescaped.
export const FONT_FAMILY =
  "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', system-ui, sans-serif"

/** The registered themes of the two chart palettes, by name for vue-echarts' `theme` prop. */
export const THEME_LIGHT = LIGHT_PALETTE.theme
export const THEME_DARK = DARK_PALETTE.theme
registerTheme(THEME_LIGHT, buildEchartsTheme(LIGHT_PALETTE, FONT_FAMILY))
registerTheme(THEME_DARK, buildEchartsTheme(DARK_PALETTE, FONT_FAMILY))
