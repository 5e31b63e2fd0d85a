import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption, LineSeriesOption, RadarSeriesOption } from 'echarts/charts'
import type {
  AriaComponentOption,
  DatasetComponentOption,
  GraphicComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkPointComponentOption,
  RadarComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components'
import type { Metric, Qualifier } from '../../types/domain'
import type { ChartPalette } from './palette'

/** The ECharts option every builder returns: only the series and components registered in charts/echarts.ts. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | RadarSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | GraphicComponentOption
  | MarkPointComponentOption
  | AriaComponentOption
  | RadarComponentOption
  | DatasetComponentOption
>

/** A district as a chart needs it: id, display name (already translated) and colour. */
export interface ChartDistrict {
  id: string
  name: string
  color: string
}

/** Rendering switches shared by every builder. */
export interface ChartSettings {
  /** Distinct decal patterns / symbols / dash styles per district, for colour-blind viewers and greyscale print. */
  accessible: boolean
  /** Multiplier for every font size: 1 normal, 1.6 presentation. */
  fontScale: number
  /** The colours to draw in (LIGHT_PALETTE when absent; DARK_PALETTE on the dark big screen). */
  palette?: ChartPalette
}

/** Translated labels for charts that show individual figures (builders never translate). */
export interface FigureLabels {
  /** Value-axis name, e.g. '新建基层工会（家）'. */
  axisName: string
  /** Shown where a district has no figure, e.g. '无数据'. */
  noData: string
  /** Marks a multi-year total, e.g. p => `${p} 累计`; receives '2016–2020'. */
  cumulative: (period: string) => string
  /** Marks a figure computed by the data team, e.g. '推算'. */
  derived: string
  sourceName: (m: Metric) => string
  districtName: (id: string) => string
  periodLabel: string
  qualifierLabel: string
  sourceLabel: string
  qualifierNames: Record<Qualifier, string>
}

/** A table view of a chart's figures (the accessible alternative, and what data exports take). */
export interface ChartTable {
  columns: readonly string[]
  /** Text cells, with the key of the figure behind the row (null for rows that are not one figure). */
  rows: ReadonlyArray<{ cells: readonly string[]; metricKey: string | null }>
}
