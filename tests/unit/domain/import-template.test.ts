import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { loadCatalogue, loadMetricsCsv } from '../../../src/dataset/load'
import { serializeCsv } from '../../../src/dataset/export-csv'
import { METRIC_COLUMNS } from '../../../src/dataset/validators/metrics'
import {
  TEMPLATE_COLUMNS,
  buildDistrictTable,
  buildIndicatorTable,
  buildMetricsTemplate,
  nextReportYear,
} from '../../../src/domain/import-template'

const catalogue = loadCatalogue({
  districts: readFileSync('data/districts.csv'),
  indicators: readFileSync('data/indicators.csv'),
  sources: readFileSync('data/sources.csv'),
}).catalogue

describe('buildMetricsTemplate', () => {
  it('has exactly the columns a metrics CSV accepts, required ones first', () => {
    expect(TEMPLATE_COLUMNS).toEqual([...METRIC_COLUMNS.required, ...METRIC_COLUMNS.optional])
    expect(buildMetricsTemplate(catalogue, 2025).header).toEqual([...TEMPLATE_COLUMNS])
  })

  it('gives one example row for the year asked, naming a real district and indicator', () => {
    const { rows } = buildMetricsTemplate(catalogue, 2025)
    expect(rows).toHaveLength(1)
    expect(rows[0]?.slice(0, 5)).toEqual(['xiaoshan', 'unions_founded', '2025', '123', 'exact'])
    expect(rows[0]?.[6]).toBe('示例：2025年新建基层工会123家')
  })

  it('is accepted by the importer once serialised with a BOM, as a downloaded copy would be', () => {
    const table = buildMetricsTemplate(catalogue, 2025)
    const text = serializeCsv(table.header, table.rows)
    expect(
      text.startsWith(
        '\uFEFFdistrict,indicator,period,value,qualifier,source,quote,note,measure,basis,status,method,note_en,place\r\n',
      ),
    ).toBe(true)
    const result = loadMetricsCsv(new TextEncoder().encode(text), catalogue, { fileName: 't.csv', datasetId: 't' })
    expect(result.ok).toBe(true)
    expect(result.issues).toEqual([])
    expect(result.encoding).toBe('utf-8-bom')
    expect(result.rows).toHaveLength(1)
  })

  it('picks an example value in the unit of the indicator when the common one is missing', () => {
    const money = catalogue.indicators.find((i) => i.unit === '元')
    if (!money) throw new Error('no 元 indicator in the catalogue')
    const { rows } = buildMetricsTemplate({ districts: catalogue.districts, indicators: [money] }, 2030)
    expect(rows[0]?.[1]).toBe(money.id)
    expect(rows[0]?.[3]).toBe('978900')
  })
})

describe('buildIndicatorTable', () => {
  it('lists id, names, unit and category of every indicator', () => {
    const table = buildIndicatorTable(catalogue.indicators)
    expect(table.header).toEqual(['id', 'name_zh', 'name_en', 'unit', 'category'])
    expect(table.rows).toHaveLength(catalogue.indicators.length)
    expect(table.rows[0]).toEqual(['unions_founded', '新建基层工会', 'New base-level unions', '家', 'organising'])
  })
})

describe('buildDistrictTable', () => {
  it('lists id and names of every district', () => {
    expect(buildDistrictTable(catalogue.districts)).toEqual({
      header: ['id', 'name_zh', 'name_en'],
      rows: [
        ['xiaoshan', '萧山区', 'Xiaoshan'],
        ['xihu', '西湖区', 'Xihu'],
        ['qiantang', '钱塘区', 'Qiantang'],
        ['fuyang', '富阳区', 'Fuyang'],
      ],
    })
  })
})

describe('nextReportYear', () => {
  it('is the year after the latest period end', () => {
    expect(nextReportYear([{ end: 2020 }, { end: 2025 }, { end: 2024 }], 1999)).toBe(2026)
  })

  it('falls back when there are no figures', () => {
    expect(nextReportYear([], 2026)).toBe(2026)
  })
})
