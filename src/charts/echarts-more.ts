// The rest of the app's ECharts modules, registered on first use: line (trend) and radar charts, their legend, the
// title component their notes and exported images use, the graphic component of their 'no data' notes and of an
// export's footer, and the label layout that keeps the trend's end labels apart (bar charts need neither).
// Imported by the charts, exporters and slides that draw them.
import { use } from 'echarts/core'
import { LineChart, RadarChart } from 'echarts/charts'
import { GraphicComponent, LegendComponent, RadarComponent, TitleComponent } from 'echarts/components'
import { LabelLayout } from 'echarts/features'
import './echarts'

use([LineChart, RadarChart, GraphicComponent, LegendComponent, RadarComponent, TitleComponent, LabelLayout])
