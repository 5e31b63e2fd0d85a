// Floor reference for the benchmark: the first screen's work with the least code. Fetch the built-in CSVs,
// parse them with PapaParse, show the headline figures and draw the comparison charts the overview shows first at
// 1440×900 (two), with Vue and the app's tree-shaken ECharts modules. No validation, stores, i18n or worker.
import { createApp, defineComponent, h, nextTick, onMounted, ref, shallowRef } from 'vue'
import Papa from 'papaparse'
import { init } from 'echarts/core'
// Every ECharts module the app registers, eager (echarts.ts) or on first use (echarts-more.ts).
import '../../../src/charts/echarts-more'
import { BUILT_IN_NAMES } from '../../../src/types/domain'

performance.mark('phase:code')

type Row = Record<string, string>
const CATEGORIES = ['organising', 'training', 'welfare', 'rights', 'outreach']
const HEADLINES = ['unions_founded', 'members_recruited', 'workers_trained', 'hardship_aid_amount']
const CHARTS_IN_VIEW = 2

// Every file the app fetches (as src/dataset/builtin-load.ts), by name; one a deployment lacks reads as empty.
const data = Promise.all(
  BUILT_IN_NAMES.map(async (name) => {
    const response = await fetch(`./data/${name}.csv`)
    const text = response.ok ? await response.text() : ''
    return [name, Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data] as const
  }),
).then((files) => new Map<string, Row[]>(files))

/** Each district's latest single-year figure of an indicator. */
function latest(metrics: Row[], indicator: string): Map<string, number> {
  const best = new Map<string, { year: number; value: number }>()
  for (const m of metrics) {
    if (m.indicator !== indicator || !/^\d{4}$/.test(m.period ?? '')) continue
    const year = Number(m.period)
    const seen = best.get(m.district ?? '')
    if (!seen || year > seen.year) best.set(m.district ?? '', { year, value: Number(m.value) })
  }
  return new Map([...best].map(([d, f]) => [d, f.value]))
}

/** The overview's first charts: indicators two or more districts report, most reported first, by category. */
function firstCharts(indicators: Row[], metrics: Row[]): Row[] {
  const reporters = new Map<string, Set<string>>()
  for (const m of metrics)
    reporters.set(m.indicator ?? '', (reporters.get(m.indicator ?? '') ?? new Set()).add(m.district ?? ''))
  const count = (i: Row): number => reporters.get(i.id ?? '')?.size ?? 0
  const shared = indicators.filter((i) => count(i) >= 2).sort((a, b) => count(b) - count(a))
  return CATEGORIES.flatMap((c) => shared.filter((i) => i.category === c)).slice(0, CHARTS_IN_VIEW)
}

const Floor = defineComponent({
  setup() {
    const state = ref('loading')
    const districts = shallowRef<Row[]>([])
    const headlines = shallowRef<Array<{ district: Row; values: string[] }>>([])
    const charts = shallowRef<Array<{ indicator: Row; values: Map<string, number> }>>([])
    const grid = ref<HTMLElement | null>(null)

    function draw(el: Element, chart: { indicator: Row; values: Map<string, number> }): Promise<void> {
      const instance = init(el as HTMLElement)
      const drawn = new Promise<void>((resolve) => instance.on('finished', () => resolve()))
      instance.setOption({
        animation: false, // as the dashboard's charts: ready means drawn, not mid-animation
        title: { text: chart.indicator.name_zh },
        tooltip: {},
        xAxis: { type: 'category', data: districts.value.map((d) => d.name_zh) },
        yAxis: { type: 'value', name: chart.indicator.unit },
        series: [
          {
            type: 'bar',
            data: districts.value.map((d) => ({
              value: chart.values.get(d.id ?? '') ?? null,
              itemStyle: { color: d.color },
            })),
          },
        ],
      })
      return drawn
    }

    onMounted(async () => {
      const files = await data
      const [ds, inds, metrics] = (['districts', 'indicators', 'metrics'] as const).map((n) => files.get(n) ?? [])
      if (!ds || !inds || !metrics) return
      performance.mark('phase:data')
      districts.value = ds
      headlines.value = ds.map((d) => ({
        district: d,
        values: HEADLINES.map((id) => String(latest(metrics, id).get(d.id ?? '') ?? '—')),
      }))
      charts.value = firstCharts(inds, metrics).map((indicator) => ({
        indicator,
        values: latest(metrics, indicator.id ?? ''),
      }))
      await nextTick()
      performance.mark('phase:rendered')
      const boxes = [...(grid.value?.children ?? [])]
      await Promise.all(charts.value.map((c, i) => (boxes[i] ? draw(boxes[i], c) : Promise.resolve())))
      state.value = 'ready'
      performance.mark('app-ready')
    })

    return () =>
      h('div', { class: 'app', 'data-state': state.value }, [
        h(
          'section',
          { style: 'display:flex;gap:16px' },
          headlines.value.map((r) =>
            h('dl', { key: r.district.id }, [
              h('dt', r.district.name_zh),
              ...r.values.map((v, i) => h('dd', { key: i }, v)),
            ]),
          ),
        ),
        h(
          'div',
          { ref: grid, style: 'display:grid;grid-template-columns:1fr 1fr;gap:16px' },
          charts.value.map((c) =>
            h('div', { key: c.indicator.id, 'data-chart': `comparison-${c.indicator.id}`, style: 'height:360px' }),
          ),
        ),
      ])
  },
})

createApp(Floor).mount('#app')
