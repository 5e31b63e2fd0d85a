import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { EChartsType } from 'echarts/core'
import type { ChartOption } from '../charts/options/types'
import type { ChartTable } from '../components/chart/chart-table'

/** What exporters and the presentation mode need to know about a chart on screen. */
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
  /** Charts sorted by their position in the document. */
  const charts = computed(() => {
    const order = (key: string): number => {
      if (typeof document === 'undefined') return 0
      const el = document.querySelector(`[data-chart-key="${CSS.escape(key)}"]`)
      return el ? [...document.querySelectorAll('[data-chart-key]')].indexOf(el) : Number.MAX_SAFE_INTEGER
    }
    return [...entries.value].sort((a, b) => order(a.key) - order(b.key))
  })
  return { entries, charts, register, unregister }
})
