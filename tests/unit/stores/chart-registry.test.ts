import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useChartRegistryStore, type RegisteredChart } from '../../../src/stores/chart-registry'

function entry(key: string, title = key): RegisteredChart {
  return {
    key,
    chartId: key.split('#')[0] ?? key,
    title,
    takeaway: '',
    badge: '',
    footnote: '',
    option: {},
    table: { columns: [], rows: [] },
    instance: () => null,
  }
}

/** A document whose cards carry these data-chart-key values, in this order. */
function pageWithCards(...keys: string[]): void {
  const cards = keys.map((key) => ({ getAttribute: (name: string) => (name === 'data-chart-key' ? key : null) }))
  vi.stubGlobal('document', { querySelectorAll: (selector: string) => (selector === '[data-chart-key]' ? cards : []) })
}

describe('useChartRegistryStore', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => vi.unstubAllGlobals())

  it('lists charts in page order, whatever order they registered in', () => {
    pageWithCards('a#1', 'b#2', 'c#3')
    const registry = useChartRegistryStore()
    for (const key of ['c#3', 'a#1', 'b#2']) registry.register(entry(key))
    expect(registry.charts.map((c) => c.key)).toEqual(['a#1', 'b#2', 'c#3'])
  })

  it('puts charts not (yet) in the page last, in the order they registered', () => {
    pageWithCards('b#2')
    const registry = useChartRegistryStore()
    for (const key of ['x#9', 'b#2', 'y#8']) registry.register(entry(key))
    expect(registry.charts.map((c) => c.key)).toEqual(['b#2', 'x#9', 'y#8'])
  })

  it('keeps one entry per key: registering again replaces it, unregistering removes it', () => {
    pageWithCards('a#1', 'b#2')
    const registry = useChartRegistryStore()
    registry.register(entry('a#1', 'old'))
    registry.register(entry('b#2'))
    registry.register(entry('a#1', 'new'))
    expect(registry.charts.map((c) => `${c.key} ${c.title}`)).toEqual(['a#1 new', 'b#2 b#2'])
    registry.unregister('a#1')
    expect(registry.charts.map((c) => c.key)).toEqual(['b#2'])
  })

  it('keeps registration order where there is no document to read the page order from', () => {
    const registry = useChartRegistryStore()
    for (const key of ['c#3', 'a#1']) registry.register(entry(key))
    expect(registry.charts.map((c) => c.key)).toEqual(['c#3', 'a#1'])
  })
})
