import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { effectScope, nextTick, ref } from 'vue'
import { useBatchedMount } from '../../../src/composables/useBatchedMount'
import { useRenderStore } from '../../../src/stores/render'

beforeEach(() => {
  setActivePinia(createPinia())
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('useBatchedMount', () => {
  it('mounts fewer items than a batch at once and never makes the page wait', () => {
    const scope = effectScope()
    const shown = scope.run(() => useBatchedMount(5, { renderKey: 'k', batch: 10 }))
    expect(shown?.value).toBe(5)
    expect(useRenderStore().busy).toBe(false)
    scope.stop()
  })

  it('adds the rest a batch per task, keeping the page busy until all are in', () => {
    const scope = effectScope()
    const shown = scope.run(() => useBatchedMount(25, { renderKey: 'k', batch: 10 }))
    const render = useRenderStore()
    expect(shown?.value).toBe(10)
    expect(render.busy).toBe(true)
    vi.advanceTimersToNextTimer()
    expect(shown?.value).toBe(20)
    vi.advanceTimersToNextTimer()
    expect(shown?.value).toBe(25)
    expect(render.busy).toBe(false)
    scope.stop()
  })

  it('follows a total that grows or shrinks', async () => {
    const total = ref(8)
    const scope = effectScope()
    const shown = scope.run(() => useBatchedMount(total, { renderKey: 'k', batch: 10 }))
    total.value = 30
    await nextTick()
    expect(shown?.value).toBe(10)
    vi.runAllTimers()
    expect(shown?.value).toBe(30)
    total.value = 3
    await nextTick()
    expect(shown?.value).toBe(3)
    scope.stop()
  })

  it('stops adding and releases the page when its scope ends', () => {
    const scope = effectScope()
    scope.run(() => useBatchedMount(50, { renderKey: 'k', batch: 10 }))
    scope.stop()
    expect(useRenderStore().busy).toBe(false)
    expect(vi.getTimerCount()).toBe(0)
  })
})
