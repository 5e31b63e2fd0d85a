import { ref, type Ref, type ShallowRef } from 'vue'
import type VChart from 'vue-echarts'
import { nextFocus, type SelectableItem } from '../charts/options/selectable-items'

/** Options of useChartKeyboard. */
export interface UseChartKeyboardOptions {
  chart: ShallowRef<InstanceType<typeof VChart> | null>
  /** The chart's data items that stand for a figure, in the order the arrows visit them. */
  items: Readonly<Ref<readonly SelectableItem[]>>
  /** Opens a figure (its provenance). */
  onSelect: (metricKey: string) => void
}

/** What useChartKeyboard gives a chart card. */
export interface UseChartKeyboardReturn {
  /** The item whose tooltip shows (-1: none). */
  focusIndex: Ref<number>
  onKeydown: (e: KeyboardEvent) => void
}

/** Moves through a focused chart's figures with the arrow keys (tooltip as the cursor), Enter opens one, Esc leaves. */
export function useChartKeyboard({ chart, items, onSelect }: UseChartKeyboardOptions): UseChartKeyboardReturn {
  const focusIndex = ref(-1)

  function onKeydown(e: KeyboardEvent): void {
    const step = nextFocus(e.key, focusIndex.value, items.value)
    if (!step) return
    if (step.type === 'focus') {
      const item = items.value[step.index]
      if (!chart.value || !item) return // not drawn yet: nothing to point at
      focusIndex.value = step.index
      chart.value.dispatchAction({ type: 'showTip', seriesIndex: item.seriesIndex, dataIndex: item.dataIndex })
    } else {
      chart.value?.dispatchAction({ type: 'hideTip' })
      if (step.type === 'clear') {
        focusIndex.value = -1
        return // Escape also closes what the page has open
      }
      onSelect(step.item.metricKey)
    }
    e.preventDefault()
  }

  return { focusIndex, onKeydown }
}
