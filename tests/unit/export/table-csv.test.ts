import { describe, expect, it } from 'vitest'
import { serializeTableRowsCsv } from '../../../src/export/table-csv'
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
