// Floor reference for the benchmark: Vue + the app's tree-shaken ECharts modules drawing one bar chart from an
// inline array. Our dashboard's bundle size and time-to-ready are reported as ratios against this page.
import { createApp, defineComponent, h, onMounted, ref } from 'vue'
import { init } from 'echarts/core'
// Every ECharts module the app registers, eager (echarts.ts) or on first use (echarts-more.ts).
import '../../../src/charts/echarts-more'

// The same first phase mark as the app's src/main.ts, so the bench can show when each page's code has run.
performance.mark('phase:code')

const Floor = defineComponent({
  setup() {
    const el = ref<HTMLDivElement | null>(null)
    const state = ref('loading')
    onMounted(() => {
      if (!el.value) return
      const chart = init(el.value)
      chart.on('finished', () => {
        if (state.value === 'ready') return
        state.value = 'ready'
        performance.mark('app-ready')
      })
      chart.setOption({
        animation: false, // as the dashboard's charts: ready means drawn, not mid-animation
        xAxis: { type: 'category', data: ['萧山', '西湖', '钱塘', '富阳'] },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', data: [442, 310, 128, 642] }],
      })
    })
    return () =>
      h('div', { class: 'app', 'data-state': state.value }, [h('div', { ref: el, style: 'width:800px;height:400px' })])
  },
})

createApp(Floor).mount('#app')
