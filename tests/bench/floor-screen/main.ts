// Floor reference for the benchmark: the first screen's work with the least code. Fetch the built-in CSVs,
// parse them with PapaParse, show the headline figures and the scorecard table (indicators two or more districts
// report × districts, each cell a district's latest figure and its year), with Vue and the app's tree-shaken ECharts
// modules loaded. At 1440×900 the overview's charts stand below the scorecard, out of view, so neither page draws one
// before it is ready. No validation, comparability rule, stores, i18n or worker.
import { createApp, defineComponent, h, nextTick, onMounted, ref, shallowRef } from 'vue'
import Papa from 'papaparse'
// Every ECharts module the app registers, eager (echarts.ts) or on first use (echarts-more.ts).
import '../../../src/charts/echarts-more'
import { BUILT_IN_NAMES } from '../../../src/types/domain'

performance.mark('phase:code')

type Row = Record<string, string>
const CATEGORIES = ['organising', 'training', 'welfare', 'rights', 'outreach']
const HEADLINES = ['unions_founded', 'members_recruited', 'workers_trained', 'hardship_aid_amount']

// Every file the app fetches (as src/dataset/builtin-load.ts), by name; one a deployment lacks reads as empty.
const data = Promise.all(
  BUILT_IN_NAMES.map(async (name) => {
    const response = await fetch(`./data/${name}.csv`)
    const text = response.ok ? await response.text() : ''
    return [name, Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data] as const
  }),
).then((files) => new Map<string, Row[]>(files))

/** Each district's latest single-year figure of an indicator, as 'value year'. */
function latest(metrics: Row[], indicator: string): Map<string, string> {
  const best = new Map<string, { year: number; value: number }>()
  for (const m of metrics) {
    if (m.indicator !== indicator || !/^\d{4}$/.test(m.period ?? '')) continue
    const year = Number(m.period)
    const seen = best.get(m.district ?? '')
    if (!seen || year > seen.year) best.set(m.district ?? '', { year, value: Number(m.value) })
  }
  return new Map([...best].map(([d, f]) => [d, `${f.value} ${f.year}`]))
}

/** The scorecard's rows: indicators two or more districts report, most reported first, by category. */
function scorecardRows(indicators: Row[], metrics: Row[]): Row[] {
  const reporters = new Map<string, Set<string>>()
  for (const m of metrics)
    reporters.set(m.indicator ?? '', (reporters.get(m.indicator ?? '') ?? new Set()).add(m.district ?? ''))
  const count = (i: Row): number => reporters.get(i.id ?? '')?.size ?? 0
  const shared = indicators.filter((i) => count(i) >= 2).sort((a, b) => count(b) - count(a))
  return CATEGORIES.flatMap((c) => shared.filter((i) => i.category === c))
}

const Floor = defineComponent({
  setup() {
    const state = ref('loading')
    const districts = shallowRef<Row[]>([])
    const headlines = shallowRef<Array<{ district: Row; values: string[] }>>([])
    const rows = shallowRef<Array<{ indicator: Row; values: Map<string, string> }>>([])

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
      rows.value = scorecardRows(inds, metrics).map((indicator) => ({
        indicator,
        values: latest(metrics, indicator.id ?? ''),
      }))
      await nextTick()
      performance.mark('phase:rendered')
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
        h('table', [
          h('thead', h('tr', [h('th', '指标'), ...districts.value.map((d) => h('th', { key: d.id }, d.name_zh))])),
          h(
            'tbody',
            rows.value.map((r) =>
              h('tr', { key: r.indicator.id }, [
                h('th', r.indicator.name_zh),
                ...districts.value.map((d) => h('td', { key: d.id }, r.values.get(d.id ?? '') ?? '未报送')),
              ]),
            ),
          ),
        ]),
      ])
  },
})

createApp(Floor).mount('#app')
