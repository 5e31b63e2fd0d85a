import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { useDatasetsStore } from '../../../src/stores/datasets'
import { useRenderStore } from '../../../src/stores/render'

/** Animation frames that run only when the test says so. */
function controlledFrames(): () => void {
  let frames: Array<() => void> = []
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => frames.push(run))
  return () => {
    const due = frames
    frames = []
    for (const run of due) run()
  }
}

describe('useRenderStore', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => vi.unstubAllGlobals())

  it('says loading until the data are in and the charts begun with them have finished', async () => {
    const render = useRenderStore()
    const datasets = useDatasetsStore()
    render.begin('chart-a')
    datasets.status = 'ready'
    await nextTick()
    expect(render.state).toBe('loading')
    render.end('chart-a')
    await nextTick()
    expect(render.state).toBe('ready')
  })

  it('says error when the data failed, whatever is drawing', async () => {
    const render = useRenderStore()
    useDatasetsStore().status = 'error'
    render.begin('chart-a')
    await nextTick()
    expect(render.state).toBe('error')
  })

  it('leaves ready for a redraw and returns on the frame after the last chart finished', async () => {
    const runFrames = controlledFrames()
    const render = useRenderStore()
    useDatasetsStore().status = 'ready'
    await nextTick()
    expect(render.state).toBe('ready')

    render.begin('chart-a')
    render.begin('chart-b')
    render.end('chart-a')
    render.end('chart-b') // all within one task, as ECharts draws
    await nextTick()
    expect(render.state).toBe('loading')
    runFrames()
    expect(render.state).toBe('ready')
  })

  it('stays loading when another redraw begins before that frame', async () => {
    const runFrames = controlledFrames()
    const render = useRenderStore()
    useDatasetsStore().status = 'ready'
    await nextTick()
    render.begin('chart-a')
    render.end('chart-a')
    render.begin('chart-b')
    runFrames()
    expect(render.state).toBe('loading')
    render.end('chart-b')
    runFrames()
    expect(render.state).toBe('ready')
  })
})
