import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useChartRegistryStore, type RegisteredChart } from '../../../src/stores/chart-registry'
import { usePresentationStore } from '../../../src/stores/presentation'

function chart(chartId: string): RegisteredChart {
  return {
    key: `${chartId}#1`,
    chartId,
    title: chartId,
    takeaway: '',
    badge: '',
    footnote: '',
    option: {},
    table: { columns: [], rows: [] },
    instance: () => null,
  }
}

describe('usePresentationStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    const registry = useChartRegistryStore()
    for (const id of ['a', 'b', 'c', 'd']) registry.register(chart(id))
  })

  it('makes every chart of the view a slide, in order, and enlarges chart type only while active', () => {
    const store = usePresentationStore()
    expect(store.slides.map((s) => s.chartId)).toEqual(['a', 'b', 'c', 'd'])
    expect(store.fontScale).toBe(1)
    store.start()
    expect(store.active).toBe(true)
    expect(store.fontScale).toBe(1.6)
    expect(store.current?.chartId).toBe('a')
    store.stop()
    expect(store.fontScale).toBe(1)
  })

  it('leaves out unticked charts and ticks them all again', () => {
    const store = usePresentationStore()
    store.setIncluded('b', false)
    expect(store.slides.map((s) => s.chartId)).toEqual(['a', 'c', 'd'])
    store.includeAll(false)
    expect(store.count).toBe(0)
    store.includeAll(true)
    expect(store.count).toBe(4)
  })

  it('navigates within the deck', () => {
    const store = usePresentationStore()
    store.start()
    store.go({ type: 'end' })
    expect(store.current?.chartId).toBe('d')
    store.go({ type: 'next' })
    expect(store.slideIndex).toBe(3)
    store.go({ type: 'home' })
    expect(store.slideIndex).toBe(0)
  })

  it('keeps the index in the deck when slides are left out while presenting', () => {
    const store = usePresentationStore()
    store.start(3)
    store.setIncluded('d', false)
    expect(store.current?.chartId).toBe('c')
  })

  it('auto-advances and pauses itself on the last slide', () => {
    const store = usePresentationStore()
    store.setAutoAdvance(10)
    store.start()
    expect(store.autoAdvanceOn).toBe(true)
    store.tick()
    store.tick()
    expect(store.paused).toBe(false)
    store.tick()
    expect(store.slideIndex).toBe(3)
    expect(store.paused).toBe(true)
    expect(store.autoAdvanceOn).toBe(false)
  })

  it('accepts only the offered auto-advance intervals', () => {
    const store = usePresentationStore()
    store.setAutoAdvance(7)
    expect(store.autoAdvanceSeconds).toBe(0)
    store.setAutoAdvance(30)
    expect(store.autoAdvanceSeconds).toBe(30)
  })

  it('toggles the theme', () => {
    const store = usePresentationStore()
    expect(store.theme).toBe('light')
    store.toggleTheme()
    expect(store.theme).toBe('dark')
  })
})
