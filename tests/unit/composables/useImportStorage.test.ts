import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MemoryIdb } from '../idb-memory'
import { useImportStorage } from '../../../src/composables/useImportStorage'
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
  idb.data.clear()
  idb.failGet = null
  idb.failSet = null
})

describe('useImportStorage', () => {
  it('saves rows in columnar chunks and reads back the same metrics', async () => {
    const storage = useImportStorage()
    const rows = Array.from({ length: 120_001 }, (_, i) =>
      makeMetric({ value: i, line: i + 2, dataset: 'a', quote: i % 2 ? '原文' : '', note: i === 5 ? 'n' : '' }),
    )
    await storage.saveImport(meta('a', rows.length), rows, [meta('a', rows.length)])
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
    expect(await useImportStorage().loadAll()).toEqual([])
  })

  it('skips list entries of the wrong shape or without rows', async () => {
    const storage = useImportStorage()
    await storage.saveImport(meta('a', 1), [makeMetric({ dataset: 'a' })], [meta('a', 1)])
    idb.data.set('list', [meta('a', 1), { id: 'junk' }, meta('missing', 1)])
    expect((await storage.loadAll()).map((s) => s.meta.id)).toEqual(['a'])
  })

  it('removes an import from the list and deletes its rows', async () => {
    const storage = useImportStorage()
    await storage.saveImport(meta('a', 1), [makeMetric({ dataset: 'a' })], [meta('a', 1)])
    await storage.removeImport('a', [])
    expect(idb.data.get('list')).toEqual([])
    expect(idb.data.has('rows:a')).toBe(false)
  })

  it('rejects with the storage error so the caller can report it', async () => {
    idb.failSet = new DOMException('full', 'QuotaExceededError')
    await expect(useImportStorage().saveList([])).rejects.toMatchObject({ name: 'QuotaExceededError' })
  })

  it('gives up on a read that never answers', async () => {
    const { get } = await import('idb-keyval')
    vi.mocked(get).mockImplementationOnce(() => new Promise(() => {}))
    await expect(useImportStorage({ readTimeoutMs: 20 }).loadAll()).rejects.toMatchObject({ name: 'TimeoutError' })
  })
})

describe('useImportStorage with a big import', () => {
  const rows = Array.from({ length: 250_001 }, (_, i) => makeMetric({ value: i, line: i + 2, dataset: 'big' }))

  it('writes more than four chunks one per write and reads them back in order', async () => {
    const storage = useImportStorage()
    await storage.saveImport(meta('big', rows.length), rows, [meta('big', rows.length)])
    expect(idb.data.get('rows:big')).toEqual({ parts: 6 })
    expect((idb.data.get('rows:big:5') as { count: number }).count).toBe(1)
    const [saved] = await storage.loadAll()
    expect(saved?.metrics).toHaveLength(rows.length)
    expect(saved?.metrics[250_000]).toEqual(rows[250_000])
  })

  it('skips an import written in parts when a part is missing', async () => {
    const storage = useImportStorage()
    await storage.saveImport(meta('big', rows.length), rows, [meta('big', rows.length)])
    idb.data.delete('rows:big:3')
    expect(await storage.loadAll()).toEqual([])
  })

  it('deletes every part when the import is removed', async () => {
    const storage = useImportStorage()
    await storage.saveImport(meta('big', rows.length), rows, [meta('big', rows.length)])
    await storage.removeImport('big', [])
    expect([...idb.data.keys()]).toEqual(['list'])
  })
})
