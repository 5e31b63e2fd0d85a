import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { EChartsType } from 'echarts/core'
import type { ChartOption, ChartTable } from '../charts/options/types'

/** What exporters and the presentation mode need to know about a chart on screen; fields read the card's current props. */
export interface RegisteredChart {
  /** Unique per mounted card (a chart id may repeat across views, never within one). */
  key: string
  chartId: string
  title: string
  takeaway: string
  badge: string
  footnote: string
  option: ChartOption
  table: ChartTable
  /** The live ECharts instance, when the card shows its chart (not its table). */
  instance: () => EChartsType | null
}

/** The charts of the current view, in page order: the source for "export the whole view" and for slides. */
export const useChartRegistryStore = defineStore('chart-registry', () => {
  const entries = shallowRef<RegisteredChart[]>([])

  function register(entry: RegisteredChart): void {
    entries.value = [...entries.value.filter((e) => e.key !== entry.key), entry]
  }
  function unregister(key: string): void {
    entries.value = entries.value.filter((e) => e.key !== key)
  }
  /** Charts sorted by their position in the document (one DOM query, not one per chart). */
  const charts = computed(() => {
    if (typeof document === 'undefined') return entries.value
    const order = new Map<string, number>()
    document
      .querySelectorAll('[data-chart-key]')
      .forEach((el, i) => order.set(el.getAttribute('data-chart-key') ?? '', i))
    const pos = (key: string): number => order.get(key) ?? Number.MAX_SAFE_INTEGER
    return [...entries.value].sort((a, b) => pos(a.key) - pos(b.key))
  })
  return { entries, charts, register, unregister }
})
