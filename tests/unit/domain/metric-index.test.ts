import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { resolveLayers, type Conflict, type DatasetLayer } from '../../../src/domain/metric-index'
import {
  addLayerRows,
  createLayerGroups,
  findMetric,
  flattenLayers,
  indexLayers,
  layerGroups,
  rememberLayerGroups,
} from '../../../src/domain/metric-index'
import { figureKey, metricKey } from '../../../src/domain/metric'
import type { Metric } from '../../../src/types/domain'
import { makeMetric } from './metric-fixture'

/** The plain rule, one string key per row: what the index must agree with. */
function reference(layers: ReadonlyArray<DatasetLayer>): { metrics: Metric[]; conflicts: Conflict[] } {
  const stacks = new Map<string, Metric[]>()
  for (const layer of layers)
    for (const m of layer.metrics) {
      const key = figureKey(m)
      stacks.set(key, [...(stacks.get(key) ?? []), m])
    }
  const metrics: Metric[] = []
  const conflicts: Conflict[] = []
  for (const [key, stack] of stacks) {
    const used = stack[stack.length - 1] as Metric
    metrics.push(used)
    if (stack.length > 1) {
      const overridden = stack.slice(0, -1)
      conflicts.push({
        key,
        district: used.district,
        indicator: used.indicator,
        period: used.period,
        used,
        overridden,
        sameValue: overridden.every((o) => o.value === used.value && o.qualifier === used.qualifier),
      })
    }
  }
  return { metrics, conflicts }
}

const arbRow = fc.record({
  district: fc.constantFrom('xiaoshan', 'xihu', 'fuyang'),
  indicator: fc.constantFrom('a', 'b', 'c'),
  start: fc.integer({ min: 2020, max: 2022 }),
  span: fc.integer({ min: 0, max: 1 }),
  value: fc.integer({ min: 0, max: 3 }),
})

/** Layers of random rows; a layer marked keysUnique keeps only the first row of each key, as validation would. */
const arbLayers = fc.array(fc.tuple(fc.array(arbRow, { maxLength: 12 }), fc.boolean()), { maxLength: 4 }).map((raw) =>
  raw.map(([rows, unique], i): DatasetLayer => {
    let metrics = rows.map((r, line) =>
      makeMetric({
        district: r.district,
        indicator: r.indicator,
        period: r.span ? `${r.start}-${r.start + r.span}` : String(r.start),
        value: r.value,
        line,
        dataset: `d${i}`,
      }),
    )
    if (unique) {
      const seen = new Set<string>()
      metrics = metrics.filter((m) => !seen.has(figureKey(m)) && Boolean(seen.add(figureKey(m))))
    }
    return { datasetId: `d${i}`, metrics, keysUnique: unique }
  }),
)

describe('indexLayers', () => {
  const builtin = [
    makeMetric({ value: 442 }),
    makeMetric({ district: 'fuyang', value: 642 }),
    makeMetric({ district: 'xihu', indicator: 'members', period: '2016-2020', value: 9 }),
    makeMetric({ district: 'xihu', indicator: 'members', period: '2023', value: 5 }),
  ]

  it('groups the figures in force by indicator, the highest layer winning', () => {
    const index = indexLayers([
      { datasetId: 'builtin', metrics: builtin, keysUnique: true },
      { datasetId: 'a', metrics: [makeMetric({ value: 450, dataset: 'a' })], keysUnique: true },
    ])
    expect(index.byIndicator.get('unions_founded')?.map((m) => [m.district, m.value])).toEqual([
      ['xiaoshan', 450],
      ['fuyang', 642],
    ])
    expect(index.byIndicator.get('members')?.map((m) => m.value)).toEqual([9, 5])
    expect(index.conflicts.map((c) => c.key)).toEqual(['xiaoshan|unions_founded|2024'])
  })

  it('lists the districts of each indicator and the single years present', () => {
    const index = indexLayers([
      { datasetId: 'builtin', metrics: builtin },
      { datasetId: 'a', metrics: [makeMetric({ district: 'qiantang', period: '2019', dataset: 'a' })] },
    ])
    expect([...(index.districtsByIndicator.get('unions_founded') ?? [])].sort()).toEqual([
      'fuyang',
      'qiantang',
      'xiaoshan',
    ])
    expect([...(index.districtsByIndicator.get('members') ?? [])]).toEqual(['xihu'])
    expect(index.years).toEqual([2019, 2023, 2024])
  })

  it('hands back a lone validated layer’s rows for an indicator without copying them', () => {
    const imported = [makeMetric({ indicator: 'only_here', dataset: 'a' })]
    const index = indexLayers([
      { datasetId: 'builtin', metrics: builtin, keysUnique: true },
      { datasetId: 'a', metrics: imported, keysUnique: true },
    ])
    expect(index.byIndicator.get('only_here')).toBe(layerGroups(imported).byIndicator.get('only_here')?.rows)
  })

  it('still finds duplicates inside a layer not marked keysUnique', () => {
    const index = indexLayers([{ datasetId: 'a', metrics: [makeMetric({ value: 1 }), makeMetric({ value: 2 })] }])
    expect(index.byIndicator.get('unions_founded')?.map((m) => m.value)).toEqual([2])
    expect(index.conflicts[0]?.overridden.map((m) => m.value)).toEqual([1])
  })

  it('agrees with the plain rule on figures, their order and conflicts', () => {
    fc.assert(
      fc.property(arbLayers, (layers) => {
        const expected = reference(layers)
        const index = indexLayers(layers)
        expect(index.conflicts).toEqual(expected.conflicts)
        for (const [indicator, rows] of index.byIndicator) {
          expect(rows).toEqual(expected.metrics.filter((m) => m.indicator === indicator))
          expect(index.singlesByIndicator.get(indicator)).toEqual(rows.filter((m) => m.start === m.end))
        }
        expect([...index.byIndicator.values()].flat()).toHaveLength(expected.metrics.length)
        expect(flattenLayers(layers, index.conflicts)).toEqual(expected.metrics)
        expect(resolveLayers(layers)).toEqual(expected)
      }),
    )
  })

  it('returns nothing for no layers', () => {
    expect(indexLayers([])).toEqual({
      byIndicator: new Map(),
      singlesByIndicator: new Map(),
      districtsByIndicator: new Map(),
      years: [],
      conflicts: [],
    })
  })
})

describe('layerGroups', () => {
  it('uses a grouping built in slices and remembered for the same array', () => {
    const rows = [makeMetric({ indicator: 'a' }), makeMetric({ indicator: 'b' }), makeMetric({ indicator: 'a' })]
    const groups = createLayerGroups()
    addLayerRows(groups, rows, 0, 2)
    addLayerRows(groups, rows, 2, 3)
    rememberLayerGroups(rows, groups)
    expect(layerGroups(rows)).toBe(groups)
    expect(groups.byIndicator.get('a')?.at).toEqual([0, 2])
  })

  it('ignores a grouping that does not cover every row', () => {
    const rows = [makeMetric(), makeMetric({ period: '2023' })]
    const partial = createLayerGroups()
    addLayerRows(partial, rows, 0, 1)
    rememberLayerGroups(rows, partial)
    expect(layerGroups(rows)).not.toBe(partial)
    expect(layerGroups(rows).count).toBe(2)
  })
})

describe('flattenLayers', () => {
  it('puts a replaced figure where its key was first read', () => {
    const layers: DatasetLayer[] = [
      { datasetId: 'builtin', metrics: [makeMetric({ value: 1 }), makeMetric({ district: 'xihu', value: 2 })] },
      {
        datasetId: 'a',
        metrics: [makeMetric({ district: 'fuyang', dataset: 'a' }), makeMetric({ value: 9, dataset: 'a' })],
      },
    ]
    const flat = flattenLayers(layers, indexLayers(layers).conflicts)
    expect(flat.map((m) => [m.district, m.value])).toEqual([
      ['xiaoshan', 9],
      ['xihu', 2],
      ['fuyang', 1],
    ])
  })
})

describe('findMetric', () => {
  it('finds the figure in force by its metric key, or null', () => {
    const m = makeMetric({ district: 'xihu', value: 7 })
    const index = indexLayers([{ datasetId: 'builtin', metrics: [makeMetric(), m] }])
    expect(findMetric(index, metricKey(m))).toBe(m)
    expect(findMetric(index, 'xihu|unions_founded|2024|other')).toBeNull()
    expect(findMetric(index, 'nonsense')).toBeNull()
  })
})
