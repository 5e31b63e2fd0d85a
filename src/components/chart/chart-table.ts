/** A table view of a chart's figures (the accessible alternative, and what data exports take). */
export interface ChartTable {
  columns: string[]
  rows: Array<{ cells: string[]; metricKey: string | null }>
}
