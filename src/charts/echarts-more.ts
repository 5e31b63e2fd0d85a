// The rest of the app's ECharts modules, registered on first use: line (trend) and radar charts, their legend, and
// the title component their notes and exported images use. Imported by the charts, exporters and slides that draw them.
import { use } from 'echarts/core'
import { LineChart, RadarChart } from 'echarts/charts'
import { LegendComponent, RadarComponent, TitleComponent } from 'echarts/components'
import './echarts'

use([LineChart, RadarChart, LegendComponent, RadarComponent, TitleComponent])
