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

/** What a key does to a chart's keyboard focus: show an item's tooltip, open its figure, let go, or nothing. */
export type FocusStep =
  { type: 'focus'; index: number } | { type: 'select'; item: SelectableItem } | { type: 'clear' } | null

/**
 * The step for `key` when item `current` of `items` has focus (-1: none). Arrows move and wrap around (from none,
 * → and ↓ go to the first item, ← and ↑ to the last); Enter and Space open the focused item; Escape lets go.
 */
export function nextFocus(key: string, current: number, items: readonly SelectableItem[]): FocusStep {
  const n = items.length
  const move = (step: 1 | -1): FocusStep => {
    if (!n) return null
    if (current < 0 || current >= n) return { type: 'focus', index: step === 1 ? 0 : n - 1 }
    return { type: 'focus', index: (current + step + n) % n }
  }
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return move(1)
    case 'ArrowLeft':
    case 'ArrowUp':
      return move(-1)
    case 'Enter':
    case ' ': {
      const item = items[current]
      return item ? { type: 'select', item } : null
    }
    case 'Escape':
      return { type: 'clear' }
    default:
      return null
  }
}
