// The rest of the app's ECharts modules, registered on first use: line (trend) and radar charts, their legend, the
// title component their notes and exported images use, and the label layout that keeps the trend's end labels apart
// (bar labels never need it). Imported by the charts, exporters and slides that draw them.
import { use } from 'echarts/core'
import { LineChart, RadarChart } from 'echarts/charts'
import { LegendComponent, RadarComponent, TitleComponent } from 'echarts/components'
import { LabelLayout } from 'echarts/features'
import './echarts'

use([LineChart, RadarChart, LegendComponent, RadarComponent, TitleComponent, LabelLayout])
