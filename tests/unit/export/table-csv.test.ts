import { describe, expect, it } from 'vitest'
import {
  buildTableExport,
  serializeTableRowsCsv,
  tableFileName,
  TABLE_EXPORT_COLUMNS,
  type TableExportLabels,
} from '../../../src/export/table-csv'
import { toTableRows } from '../../../src/domain/table-rows'
import { FIXTURE_CATALOGUE } from '../dataset/fixtures'
import { makeMetric } from '../domain/metric-fixture'

describe('serializeTableRowsCsv', () => {
  it('writes values as plain decimals, never in exponent notation, under the documented header', () => {
    const rows = toTableRows(
      [makeMetric({ indicator: 'members', value: 0.0000001, quote: '=SUM(A1)' })],
      FIXTURE_CATALOGUE,
      'zh-CN',
    )
    const csv = serializeTableRowsCsv(rows)
    expect(csv.startsWith('\uFEFFdistrict,district_name,indicator,indicator_name,category,period,value,')).toBe(true)
    expect(csv).toContain(',2024,0.0000001,')
    expect(csv).not.toContain('1e-7')
    expect(csv).toContain(",'=SUM(A1),")
  })
})

describe('buildTableExport', () => {
  const labels: TableExportLabels = {
    columns: Object.fromEntries(TABLE_EXPORT_COLUMNS.map((c) => [c, `H-${c}`])) as TableExportLabels['columns'],
    categoryNames: { organising: '组织建设', training: '技能', welfare: '服务保障', rights: '维权', outreach: '宣传' },
    qualifierNames: { exact: '确数', approx: '约', at_least: '以上', at_most: '以下' },
    measureNames: { flow: '期内新增', stock: '期末存量' },
    statusNames: { achieved: '实际完成', nominated: '推荐', target: '目标' },
    methodNames: { reported: '报告原文', derived: '推算' },
    basisDefault: '按指标定义统计',
  }
  it('writes translated headings, codes in words and the value as a number', () => {
    const rows = toTableRows(
      [makeMetric({ indicator: 'members', value: 978900, measure: 'stock', status: 'nominated', method: 'derived' })],
      FIXTURE_CATALOGUE,
      'zh-CN',
    )
    const table = buildTableExport(rows, labels, [], 'zh-CN')
    expect(table.header).toEqual(TABLE_EXPORT_COLUMNS.map((c) => `H-${c}`))
    const row = table.rows[0] ?? []
    const cell = (c: (typeof TABLE_EXPORT_COLUMNS)[number]) => row[TABLE_EXPORT_COLUMNS.indexOf(c)]
    expect(cell('value')).toBe(978900)
    expect(cell('measure')).toBe('期末存量')
    expect(cell('basis')).toBe('按指标定义统计')
    expect(cell('status')).toBe('推荐')
    expect(cell('method')).toBe('推算')
  })
})

describe('tableFileName', () => {
  it('names the year, the districts and every table filter in force', () => {
    const name = {
      subject: '工会数据',
      filters: ['', '', ''],
      yearText: '2024',
      districts: ['萧山区', '富阳区'],
      districtSummary: '2个区',
      extension: 'xlsx' as const,
    }
    expect(tableFileName(name)).toBe('工会数据_2024_萧山区-富阳区.xlsx')
    expect(tableFileName({ ...name, filters: ['新建基层工会', '搜索“体检”'], extension: 'csv' })).toBe(
      '工会数据·新建基层工会·搜索“体检”_2024_萧山区-富阳区.csv',
    )
  })
})
