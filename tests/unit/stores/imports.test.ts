import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { watch } from 'vue'
import { readFileSync } from 'node:fs'
import type { MemoryIdb } from '../idb-memory'
import { loadMetricsCsv } from '../../../src/dataset/load'
import type { loadMetricsInWorker } from '../../../src/dataset/worker-client'
import { SAVED_IMPORTS_GRACE_MS, useDatasetsStore } from '../../../src/stores/datasets'
import { useImportsStore } from '../../../src/stores/imports'

const idb = vi.hoisted((): MemoryIdb => ({ data: new Map(), failGet: null, failSet: null }))
vi.mock('idb-keyval', async () => (await import('../idb-memory')).memoryIdbModule(idb))

// The worker's work, done inline: same loader, same abort behaviour.
const worker = vi.hoisted(() => ({
  load: null as null | typeof loadMetricsInWorker,
}))
// (Node has no Worker, so the built-in data are parsed on the main thread, as in a browser without workers.)
vi.mock(import('../../../src/dataset/worker-client'), async (importOriginal) => ({
  ...(await importOriginal()),
  loadMetricsInWorker: (...args: Parameters<typeof loadMetricsInWorker>) => {
    if (!worker.load) throw new Error('worker not set')
    return worker.load(...args)
  },
}))
const inlineLoad: typeof loadMetricsInWorker = async (file, catalogue, opts) => {
  const bytes = new Uint8Array(await file.arrayBuffer())
  if (opts.signal?.aborted) throw new DOMException('aborted', 'AbortError')
  opts.onProgress?.(bytes.byteLength, bytes.byteLength)
  return loadMetricsCsv(bytes, catalogue, opts)
}

const csv = (name: string, text: string): File => new File([text], name, { type: 'text/csv' })
const VALID = csv('西湖区 2025.csv', 'district,indicator,period,value\nxihu,unions_founded,2024,777\n')
const CONFLICT = csv('xiaoshan.csv', 'district,indicator,period,value\nxiaoshan,unions_founded,2024,500\n')
const BROKEN = csv(
  'broken.csv',
  'district,indicator,period,value\nxihu,unions_founded,2024,777\nfuyang,unions_founded,2024,12万\n',
)

const figure = (district: string, indicator: string, period: string) =>
  useDatasetsStore().metrics.find((m) => m.district === district && m.indicator === indicator && m.period === period)

/** A fresh page: new Pinia, built-in data (and saved imports) loaded. */
async function openPage() {
  setActivePinia(createPinia())
  const datasets = useDatasetsStore()
  await datasets.loadData()
  expect(datasets.status).toBe('ready')
  return { datasets, imports: useImportsStore() }
}

beforeEach(() => {
  idb.stalled = false
  idb.data.clear()
  idb.failGet = null
  idb.failSet = null
  worker.load = inlineLoad
  vi.stubGlobal('fetch', async (url: string) => new Response(readFileSync(`data/${url.split('/').pop()}`)))
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('imports store', () => {
  it('layers an accepted file over the built-in data as a dataset named after the file', async () => {
    const { datasets, imports } = await openPage()
    await imports.importFile(VALID)
    expect(imports.outcome).toMatchObject({ kind: 'accepted', rowCount: 1, encoding: 'utf-8', name: '西湖区 2025' })
    expect(datasets.imports).toHaveLength(1)
    expect(datasets.imports[0]).toMatchObject({ name: '西湖区 2025', fileName: '西湖区 2025.csv', hidden: false })
    expect(figure('xihu', 'unions_founded', '2024')?.value).toBe(777)
    expect(imports.job).toBeNull()
    expect(imports.panelOpen).toBe(true)
  })

  it('lists a conflict where an import replaces a built-in figure, the import winning', async () => {
    const { datasets, imports } = await openPage()
    expect(figure('xiaoshan', 'unions_founded', '2024')?.value).toBe(442)
    await imports.importFile(CONFLICT)
    expect(figure('xiaoshan', 'unions_founded', '2024')?.value).toBe(500)
    expect(datasets.conflicts).toHaveLength(1)
    expect(datasets.conflicts[0]?.overridden.map((m) => [m.dataset, m.value])).toEqual([['builtin', 442]])
  })

  it('changes nothing when a file is rejected, earlier imports included', async () => {
    const { datasets, imports } = await openPage()
    await imports.importFile(CONFLICT)
    const before = datasets.imports
    const metricsBefore = datasets.metrics
    await imports.importFile(BROKEN)
    expect(imports.outcome).toMatchObject({ kind: 'rejected', errorCount: 1 })
    expect(imports.outcome?.kind === 'rejected' && imports.outcome.issues[0]?.line).toBe(3)
    expect(datasets.imports).toBe(before)
    expect(datasets.metrics).toBe(metricsBefore)
    expect(figure('xihu', 'unions_founded', '2024')).toBeUndefined()
  })

  it('restores saved imports as part of loading, before the page is ready', async () => {
    const first = await openPage()
    await first.imports.importFile(VALID)
    await first.imports.setHidden(first.datasets.imports[0]?.id ?? '', true)

    setActivePinia(createPinia())
    const datasets = useDatasetsStore()
    let atReady: unknown = null
    watch(
      () => datasets.status,
      (s) => {
        if (s === 'ready') atReady = datasets.imports.map((d) => [d.name, d.hidden, d.metrics.length])
      },
      { flush: 'sync' },
    )
    await datasets.loadData()
    expect(atReady).toEqual([['西湖区 2025', true, 1]])
    expect(figure('xihu', 'unions_founded', '2024')).toBeUndefined()
  })

  it('hides, shows, renames and removes an import, keeping storage in step', async () => {
    const { datasets, imports } = await openPage()
    await imports.importFile(CONFLICT)
    const id = datasets.imports[0]?.id ?? ''
    await imports.setHidden(id, true)
    expect(figure('xiaoshan', 'unions_founded', '2024')?.value).toBe(442)
    expect(datasets.conflicts).toEqual([])
    await imports.setHidden(id, false)
    expect(figure('xiaoshan', 'unions_founded', '2024')?.value).toBe(500)

    await imports.rename(id, '  萧山 2024 更正  ')
    expect(datasets.imports[0]?.name).toBe('萧山 2024 更正')
    await imports.rename(id, '   ')
    expect(datasets.imports[0]?.name).toBe('萧山 2024 更正')
    expect(idb.data.get('list')).toMatchObject([{ id, name: '萧山 2024 更正', hidden: false, rowCount: 1 }])

    await imports.remove(id)
    expect(datasets.imports).toEqual([])
    expect(figure('xiaoshan', 'unions_founded', '2024')?.value).toBe(442)
    expect(idb.data.get('list')).toEqual([])
    expect(idb.data.has(`rows:${id}`)).toBe(false)
  })

  it('numbers a second import of the same file name', async () => {
    const { datasets, imports } = await openPage()
    await imports.importFile(VALID)
    await imports.importFile(VALID)
    expect(datasets.imports.map((d) => d.name)).toEqual(['西湖区 2025', '西湖区 2025 (2)'])
    expect(new Set(datasets.imports.map((d) => d.id)).size).toBe(2)
  })

  it('keeps the import for the session and says why when storage is full', async () => {
    const { datasets, imports } = await openPage()
    idb.failSet = new DOMException('full', 'QuotaExceededError')
    await imports.importFile(VALID)
    expect(imports.storageProblem).toBe('quota')
    expect(datasets.imports).toHaveLength(1)
    expect(imports.saving).toBe(false)
  })

  it('still gets ready, without imports, when storage cannot be read', async () => {
    idb.failGet = new DOMException('private mode', 'InvalidStateError')
    const { datasets, imports } = await openPage()
    expect(imports.storageProblem).toBe('unavailable')
    expect(datasets.imports).toEqual([])
    await imports.importFile(VALID)
    expect(datasets.imports).toHaveLength(1)
  })

  it('drops restored rows the catalogue no longer knows, and counts them', async () => {
    const first = await openPage()
    await first.imports.importFile(VALID)
    const chunks = idb.data.get(`rows:${first.datasets.imports[0]?.id}`) as Array<{ dict: string[] }>
    chunks[0]!.dict = chunks[0]!.dict.map((w) => (w === 'unions_founded' ? 'retired_indicator' : w))
    const { datasets, imports } = await openPage()
    expect(datasets.imports[0]?.metrics).toEqual([])
    expect(imports.droppedOnRestore).toBe(1)
  })

  it('cancels an import under way, leaving the data as they were', async () => {
    const { datasets, imports } = await openPage()
    worker.load = (_file, _catalogue, opts) =>
      new Promise((_resolve, reject) => {
        opts.onProgress?.(10, 100)
        opts.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
      })
    const running = imports.importFile(VALID)
    expect(imports.job).toMatchObject({ stage: 'parsing', done: 10, total: 100 })
    imports.cancel()
    await running
    expect(imports.outcome).toEqual({ kind: 'cancelled', fileName: '西湖区 2025.csv' })
    expect(imports.job).toBeNull()
    expect(datasets.imports).toEqual([])
  })

  it('reports a worker failure without changing the data', async () => {
    const { datasets, imports } = await openPage()
    worker.load = async () => {
      throw new Error('CSV worker failed: out of memory')
    }
    await imports.importFile(VALID)
    expect(imports.outcome).toEqual({
      kind: 'failed',
      fileName: '西湖区 2025.csv',
      message: 'CSV worker failed: out of memory',
    })
    expect(datasets.imports).toEqual([])
  })
})

describe('imports store across tabs', () => {
  const names = (datasets: ReturnType<typeof useDatasetsStore>) => datasets.imports.map((d) => d.name)
  const storedNames = () => (idb.data.get('list') as Array<{ name: string }>).map((m) => m.name)

  it('keeps imports made in two tabs, and a third tab sees both', async () => {
    const tabA = await openPage()
    const tabB = await openPage()
    await tabA.imports.importFile(VALID)
    await tabB.imports.importFile(CONFLICT)
    expect(storedNames()).toEqual(['西湖区 2025', 'xiaoshan'])
    // What the other tab's message makes a tab do.
    await tabA.datasets.syncSavedImports()
    expect(names(tabA.datasets)).toEqual(['西湖区 2025', 'xiaoshan'])
    const tabC = await openPage()
    expect(names(tabC.datasets)).toEqual(['西湖区 2025', 'xiaoshan'])
    expect(tabC.datasets.imports.map((d) => d.metrics.length)).toEqual([1, 1])
  })

  it('removing an import in one tab leaves the other tab’s, in storage and in every tab', async () => {
    const tabA = await openPage()
    const tabB = await openPage()
    await tabA.imports.importFile(VALID)
    await tabB.imports.importFile(CONFLICT)
    await tabA.imports.remove(tabA.datasets.imports[0]?.id ?? '')
    expect(storedNames()).toEqual(['xiaoshan'])
    await tabB.datasets.syncSavedImports()
    expect(names(tabB.datasets)).toEqual(['xiaoshan'])
    await tabA.datasets.syncSavedImports()
    expect(names(tabA.datasets)).toEqual(['xiaoshan'])
    expect([...idb.data.keys()].filter((k) => k.startsWith('rows:'))).toHaveLength(1)
  })

  it('hiding or renaming in a stale tab changes only that import', async () => {
    const tabA = await openPage()
    const tabB = await openPage()
    await tabA.imports.importFile(VALID)
    await tabB.imports.importFile(CONFLICT)
    await tabA.imports.rename(tabA.datasets.imports[0]?.id ?? '', '西湖 改')
    await tabA.imports.setHidden(tabA.datasets.imports[0]?.id ?? '', true)
    expect(storedNames()).toEqual(['西湖 改', 'xiaoshan'])
    await tabB.datasets.syncSavedImports()
    expect(tabB.datasets.imports.map((d) => [d.name, d.hidden])).toEqual([
      ['西湖 改', true],
      ['xiaoshan', false],
    ])
  })

  it('keeps an import the tab could not save when it catches up with the others', async () => {
    const tabA = await openPage()
    const tabB = await openPage()
    idb.failSet = new DOMException('full', 'QuotaExceededError')
    await tabA.imports.importFile(VALID)
    idb.failSet = null
    await tabB.imports.importFile(CONFLICT)
    await tabA.datasets.syncSavedImports()
    expect(names(tabA.datasets)).toEqual(['xiaoshan', '西湖区 2025'])
  })
})

describe('datasets store when storage does not answer', () => {
  it('is ready with the built-in data, says it is still reading, then times out with a retry that adds them', async () => {
    const first = await openPage()
    await first.imports.importFile(VALID)
    vi.useFakeTimers()
    idb.stalled = true
    setActivePinia(createPinia())
    const datasets = useDatasetsStore()
    const loading = datasets.loadData()
    await vi.advanceTimersByTimeAsync(SAVED_IMPORTS_GRACE_MS)
    await loading
    expect(datasets.status).toBe('ready')
    expect(datasets.savedState).toBe('reading')
    expect(datasets.imports).toEqual([])
    expect(figure('xiaoshan', 'unions_founded', '2024')?.value).toBe(442)

    await vi.advanceTimersByTimeAsync(10_000)
    expect(datasets.savedState).toBe('failed')
    expect(datasets.storageProblem).toBe('timeout')

    idb.stalled = false
    const retry = datasets.retrySavedImports()
    await vi.advanceTimersByTimeAsync(100)
    await retry
    expect(datasets.savedState).toBe('restored')
    expect(datasets.storageProblem).toBeNull()
    expect(datasets.lateImports).toBe(1)
    expect(figure('xihu', 'unions_founded', '2024')?.value).toBe(777)
  })
})
