import type { ChartDistrict, FigureLabels } from '../../../../src/charts/options/types'

/** The four districts with their chart colours. */
export const DISTRICTS: ChartDistrict[] = [
  { id: 'xiaoshan', name: '萧山', color: '#0072B2' },
  { id: 'xihu', name: '西湖', color: '#E69F00' },
  { id: 'qiantang', name: '钱塘', color: '#009E73' },
  { id: 'fuyang', name: '富阳', color: '#CC79A7' },
]

/** Chinese labels as the i18n layer would pass them. */
export const LABELS: FigureLabels = {
  axisName: '新建基层工会（家）',
  noData: '无数据',
  cumulative: (p) => `${p} 累计`,
  derived: '推算',
  sourceName: (m) => m.source,
  districtName: (id) => id,
  periodLabel: '期间',
  qualifierLabel: '限定',
  sourceLabel: '来源',
  qualifierNames: { exact: '准确', approx: '约数', at_least: '至少', at_most: '至多' },
}

/** Markup that must never reach the tooltip unescaped. */
export const XSS = '<img src=x onerror=alert(1)>'
