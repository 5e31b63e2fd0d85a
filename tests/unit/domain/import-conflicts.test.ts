import { describe, expect, it } from 'vitest'
import { resolveLayers } from '../../../src/domain/metric-index'
import { buildConflictRows, countConflictsByDataset, type ConflictLabels } from '../../../src/domain/import-conflicts'
import { makeMetric } from './metric-fixture'

const labels = (locale: ConflictLabels['locale']): ConflictLabels => ({
  locale,
  districtName: (id) => ({ xiaoshan: '萧山区', xihu: '西湖区' })[id] ?? id,
  indicator: (id) => (id === 'unions_founded' ? { name: '新建基层工会', unit: '家' } : undefined),
  datasetName: (id) => (id === 'builtin' ? '内置数据' : `导入 ${id}`),
})

const builtIn = [
  makeMetric({ value: 442 }),
  makeMetric({ district: 'xihu', period: '2018-2022', value: 931 }),
  makeMetric({ indicator: 'unknown_one', value: 5 }),
]

describe('buildConflictRows', () => {
  it('lists the built-in value and the imported value that replaces it, with names and units', () => {
    const { conflicts } = resolveLayers([
      { datasetId: 'builtin', metrics: builtIn },
      { datasetId: 'a', metrics: [makeMetric({ value: 500, qualifier: 'at_least', dataset: 'a' })] },
    ])
    const { rows, more } = buildConflictRows(conflicts, labels('zh-CN'))
    expect(more).toBe(0)
    expect(rows).toEqual([
      {
        key: 'xiaoshan|unions_founded|2024',
        district: '萧山区',
        indicator: '新建基层工会',
        period: '2024',
        steps: [
          { value: '442家', datasetId: 'builtin', dataset: '内置数据' },
          { value: '≥500家', datasetId: 'a', dataset: '导入 a' },
        ],
        sameValue: false,
      },
    ])
  })

  it('shows every layer when two imports give the same figure, the last one used', () => {
    const { conflicts } = resolveLayers([
      { datasetId: 'builtin', metrics: builtIn },
      { datasetId: 'a', metrics: [makeMetric({ value: 500, dataset: 'a' })] },
      { datasetId: 'b', metrics: [makeMetric({ value: 1500, dataset: 'b' })] },
    ])
    const [row] = buildConflictRows(conflicts, labels('en')).rows
    expect(row?.steps.map((s) => [s.value, s.datasetId])).toEqual([
      ['442 orgs', 'builtin'],
      ['500 orgs', 'a'],
      ['1,500 orgs', 'b'],
    ])
  })

  it('marks a conflict whose values agree, and uses the canonical period text', () => {
    const { conflicts } = resolveLayers([
      { datasetId: 'builtin', metrics: builtIn },
      { datasetId: 'a', metrics: [makeMetric({ district: 'xihu', period: '2018-2022', value: 931, dataset: 'a' })] },
    ])
    const [row] = buildConflictRows(conflicts, labels('zh-CN')).rows
    expect(row?.sameValue).toBe(true)
    expect(row?.period).toBe('2018-2022')
  })

  it('falls back to ids and plain numbers for an indicator the catalogue lacks', () => {
    const { conflicts } = resolveLayers([
      { datasetId: 'builtin', metrics: builtIn },
      { datasetId: 'a', metrics: [makeMetric({ indicator: 'unknown_one', value: 6, dataset: 'a' })] },
    ])
    const [row] = buildConflictRows(conflicts, labels('zh-CN')).rows
    expect(row?.indicator).toBe('unknown_one')
    expect(row?.steps.map((s) => s.value)).toEqual(['5', '6'])
  })

  it('keeps at most `limit` rows and counts the rest', () => {
    const many = Array.from({ length: 5 }, (_, i) => makeMetric({ period: String(2010 + i), value: i }))
    const { conflicts } = resolveLayers([
      { datasetId: 'builtin', metrics: many },
      { datasetId: 'a', metrics: many.map((m) => ({ ...m, value: m.value + 1, dataset: 'a' })) },
    ])
    const list = buildConflictRows(conflicts, labels('zh-CN'), 2)
    expect(list.rows.map((r) => r.period)).toEqual(['2010', '2011'])
    expect(list.more).toBe(3)
  })
})

describe('countConflictsByDataset', () => {
  it('counts the conflicts each dataset wins', () => {
    const { conflicts } = resolveLayers([
      { datasetId: 'builtin', metrics: builtIn },
      { datasetId: 'a', metrics: [makeMetric({ value: 1, dataset: 'a' })] },
      {
        datasetId: 'b',
        metrics: [
          makeMetric({ value: 2, dataset: 'b' }),
          makeMetric({ district: 'xihu', period: '2018-2022', value: 3, dataset: 'b' }),
        ],
      },
    ])
    expect(Object.fromEntries(countConflictsByDataset(conflicts))).toEqual({ b: 2 })
  })
})
