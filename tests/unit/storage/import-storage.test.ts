import { beforeEach, describe, expect, it, vi } from 'vitest'
import { memoryLocks, type MemoryIdb } from '../idb-memory'
import { createImportStorage, estimateBytes, rowsOwnerOf } from '../../../src/storage/import-storage'
import type { StoredImportMeta } from '../../../src/domain/import-storage'
import { makeMetric } from '../domain/metric-fixture'

const idb = vi.hoisted((): MemoryIdb => ({ data: new Map(), failGet: null, failSet: null }))
vi.mock('idb-keyval', async () => (await import('../idb-memory')).memoryIdbModule(idb))

const meta = (id: string, rowCount: number): StoredImportMeta => ({
  id,
  name: id,
  fileName: `${id}.csv`,
  importedAt: '2025-01-01T00:00:00.000Z',
  encoding: 'utf-8',
  hidden: false,
  rowCount,
})

beforeEach(() => {
  idb.stalled = false
  idb.data.clear()
  idb.failGet = null
  idb.failSet = null
})

describe('createImportStorage', () => {
  it('saves rows in columnar chunks and reads back the same metrics', async () => {
    const storage = createImportStorage()
    const rows = Array.from({ length: 120_001 }, (_, i) =>
      makeMetric({ value: i, line: i + 2, dataset: 'a', quote: i % 2 ? '原文' : '', note: i === 5 ? 'n' : '' }),
    )
    await storage.addImport(meta('a', rows.length), rows)
    const chunks = idb.data.get('rows:a') as Array<{ count: number; value: Float64Array }>
    expect(chunks.map((c) => c.count)).toEqual([50_000, 50_000, 20_001])
    expect(chunks[0]?.value).toBeInstanceOf(Float64Array)
    const [saved] = await storage.loadAll()
    expect(saved?.meta.id).toBe('a')
    expect(saved?.metrics).toHaveLength(rows.length)
    expect(saved?.metrics[120_000]).toEqual(rows[120_000])
    expect(saved?.metrics[5]).toEqual(rows[5])
  })

  it('returns nothing when nothing was saved', async () => {
    expect(await createImportStorage().loadAll()).toEqual([])
  })

  it('skips list entries of the wrong shape or without rows', async () => {
    const storage = createImportStorage()
    await storage.addImport(meta('a', 1), [makeMetric({ dataset: 'a' })])
    idb.data.set('list', [meta('a', 1), { id: 'junk' }, meta('missing', 1)])
    expect((await storage.loadAll()).map((s) => s.meta.id)).toEqual(['a'])
  })

  it('removes an import from the list and deletes its rows', async () => {
    const storage = createImportStorage()
    await storage.addImport(meta('a', 1), [makeMetric({ dataset: 'a' })])
    await storage.removeImport('a')
    expect(idb.data.get('list')).toEqual([])
    expect(idb.data.has('rows:a')).toBe(false)
  })

  it('rejects with the storage error so the caller can report it', async () => {
    idb.failSet = new DOMException('full', 'QuotaExceededError')
    await expect(createImportStorage().updateImport('a', { hidden: true })).rejects.toMatchObject({
      name: 'QuotaExceededError',
    })
  })

  it('gives up on a read that never answers', async () => {
    const { get } = await import('idb-keyval')
    vi.mocked(get).mockImplementationOnce(() => new Promise(() => {}))
    await expect(createImportStorage({ readTimeoutMs: 20 }).loadAll()).rejects.toMatchObject({ name: 'TimeoutError' })
  })
})

describe('createImportStorage with a big import', () => {
  const rows = Array.from({ length: 250_001 }, (_, i) => makeMetric({ value: i, line: i + 2, dataset: 'big' }))

  it('writes more than four chunks one per write and reads them back in order', async () => {
    const storage = createImportStorage()
    await storage.addImport(meta('big', rows.length), rows)
    expect(idb.data.get('rows:big')).toEqual({ parts: 6 })
    expect((idb.data.get('rows:big:5') as { count: number }).count).toBe(1)
    const [saved] = await storage.loadAll()
    expect(saved?.metrics).toHaveLength(rows.length)
    expect(saved?.metrics[250_000]).toEqual(rows[250_000])
  })

  it('skips an import written in parts when a part is missing', async () => {
    const storage = createImportStorage()
    await storage.addImport(meta('big', rows.length), rows)
    idb.data.delete('rows:big:3')
    expect(await storage.loadAll()).toEqual([])
  })

  it('deletes every part when the import is removed', async () => {
    const storage = createImportStorage()
    await storage.addImport(meta('big', rows.length), rows)
    await storage.removeImport('big')
    expect([...idb.data.keys()]).toEqual(['list'])
  })
})

describe('createImportStorage shared by several tabs', () => {
  const rows = (id: string) => [makeMetric({ dataset: id })]

  it('keeps every tab’s import: each add changes the stored list, none writes its own copy over it', async () => {
    const tabA = createImportStorage()
    const tabB = createImportStorage()
    await tabA.addImport(meta('a', 1), rows('a'))
    await tabB.addImport(meta('b', 1), rows('b'))
    expect((await createImportStorage().loadAll()).map((s) => s.meta.id)).toEqual(['a', 'b'])
  })

  it('removes only the import removed, and leaves no rows of it behind', async () => {
    const tabA = createImportStorage()
    const tabB = createImportStorage()
    await tabA.addImport(meta('a', 1), rows('a'))
    await tabB.addImport(meta('b', 1), rows('b'))
    await tabA.removeImport('a')
    expect((await tabB.readList()).map((m) => m.id)).toEqual(['b'])
    expect([...idb.data.keys()].sort()).toEqual(['list', 'rows:b'])
  })

  it('does not bring back an import another tab removed when renaming or hiding it', async () => {
    const tabA = createImportStorage()
    await tabA.addImport(meta('a', 1), rows('a'))
    await createImportStorage().removeImport('a')
    await tabA.updateImport('a', { name: 'renamed', hidden: true })
    expect(await tabA.readList()).toEqual([])
  })

  it('renames and hides in the stored list', async () => {
    const storage = createImportStorage()
    await storage.addImport(meta('a', 1), rows('a'))
    await storage.updateImport('a', { name: '改名', hidden: true })
    expect(await storage.readList()).toEqual([{ ...meta('a', 1), name: '改名', hidden: true }])
  })
})

describe('createImportStorage sweeping orphaned rows', () => {
  it('removes rows no listed import owns and says how many bytes that freed', async () => {
    const locks = memoryLocks()
    const storage = createImportStorage({ locks })
    await storage.addImport(meta('kept', 1), [makeMetric({ dataset: 'kept' })])
    // What a reload in the middle of a big save leaves: parts written, never listed.
    const big = Array.from({ length: 250_001 }, (_, i) => makeMetric({ value: i, dataset: 'lost' }))
    await storage.addImport(meta('lost', big.length), big)
    idb.data.set(
      'list',
      (idb.data.get('list') as Array<{ id: string }>).filter((m) => m.id !== 'lost'),
    )
    const orphanBytes = [...idb.data.entries()]
      .filter(([key]) => rowsOwnerOf(key) === 'lost')
      .reduce((n, [, value]) => n + estimateBytes(value), 0)
    expect(orphanBytes).toBeGreaterThan(1_000_000)

    expect(await storage.sweepOrphans()).toEqual({ imports: 1, bytes: orphanBytes })
    expect([...idb.data.keys()].sort()).toEqual(['list', 'rows:kept'])
    expect(await storage.sweepOrphans()).toEqual({ imports: 0, bytes: 0 })
  })

  it('leaves rows alone while some tab is saving an import', async () => {
    const locks = memoryLocks()
    const storage = createImportStorage({ locks })
    idb.data.set('list', [])
    idb.data.set('rows:being-saved', [])
    const swept = await locks.request('union-dashboard:import-rows', { mode: 'shared' }, () => storage.sweepOrphans())
    expect(swept).toEqual({ imports: 0, bytes: 0 })
    expect(idb.data.has('rows:being-saved')).toBe(true)
  })

  it('sweeps nothing where the browser has no locks to tell a save under way', async () => {
    idb.data.set('rows:x', [])
    expect(await createImportStorage({ locks: null }).sweepOrphans()).toEqual({ imports: 0, bytes: 0 })
    expect(idb.data.has('rows:x')).toBe(true)
  })

  it('knows which import a rows key belongs to', () => {
    expect(['rows:a', 'rows:import-x:12', 'list', 7].map(rowsOwnerOf)).toEqual(['a', 'import-x', null, null])
  })
})

describe('createImportStorage when the database stalls', () => {
  it('times out, and a retry once the database answers opens it afresh', async () => {
    const { createStore } = await import('idb-keyval')
    const storage = createImportStorage({ readTimeoutMs: 20 })
    await storage.readList()
    const opened = vi.mocked(createStore).mock.calls.length
    idb.stalled = true
    await expect(storage.loadAll()).rejects.toMatchObject({ name: 'TimeoutError' })
    idb.stalled = false
    expect(await storage.loadAll()).toEqual([])
    expect(vi.mocked(createStore).mock.calls.length).toBe(opened + 1)
  })
})
