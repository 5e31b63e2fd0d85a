import type { ChartOption } from './types'

/** A data item the keyboard can move to: where it is in the option and which figure it stands for. */
export interface SelectableItem {
  seriesIndex: number
  dataIndex: number
  metricKey: string
}

/** Lists every data item that carries a metricKey, in series then data order. */
export function listSelectableItems(option: ChartOption): SelectableItem[] {
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : []
  const out: SelectableItem[] = []
  series.forEach((s, seriesIndex) => {
    const data: unknown = (s as { data?: unknown }).data
    if (!Array.isArray(data)) return
    data.forEach((d: unknown, dataIndex) => {
      if (d && typeof d === 'object' && 'metricKey' in d && typeof d.metricKey === 'string') {
        out.push({ seriesIndex, dataIndex, metricKey: d.metricKey })
      }
    })
  })
  return out
}
