import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MemoryIdb } from '../idb-memory'
import { createSnapshotStorage, watchSnapshotsChanged } from '../../../src/storage/snapshot-storage'
import type { Snapshot } from '../../../src/domain/snapshot'

const idb = vi.hoisted((): MemoryIdb => ({ data: new Map(), failGet: null, failSet: null }))
vi.mock('idb-keyval', async () => (await import('../idb-memory')).memoryIdbModule(idb))

const snap = (id: string, takenAt: string): Snapshot => ({
  id,
  name: `会议 ${id}`,
  takenAt,
  filters: {},
  figures: [
    {
      district: 'fuyang',
      indicator: 'unions_founded',
      period: '2024',
      basis: '',
      status: 'achieved',
      measure: 'flow',
      value: 642,
      qualifier: 'exact',
      source: 'fuyang-2024',
      dataset: 'builtin',
    },
  ],
})

beforeEach(() => {
  idb.stalled = false
  idb.data.clear()
  idb.failGet = null
  idb.failSet = null
})

describe('createSnapshotStorage', () => {
  it('saves snapshots and reads them back newest first', async () => {
    const storage = createSnapshotStorage()
    await storage.add(snap('a', '2025-01-01T00:00:00.000Z'))
    await storage.add(snap('b', '2025-04-01T00:00:00.000Z'))
    expect((await storage.readAll()).map((s) => s.id)).toEqual(['b', 'a'])
    expect((await storage.readAll())[1]).toEqual(snap('a', '2025-01-01T00:00:00.000Z'))
  })

  it('removes one snapshot and leaves the others', async () => {
    const storage = createSnapshotStorage()
    await storage.add(snap('a', '2025-01-01T00:00:00.000Z'))
    await storage.add(snap('b', '2025-04-01T00:00:00.000Z'))
    await storage.remove('b')
    expect((await storage.readAll()).map((s) => s.id)).toEqual(['a'])
  })

  it('leaves out damaged records and keys that are not snapshots', async () => {
    const storage = createSnapshotStorage()
    await storage.add(snap('a', '2025-01-01T00:00:00.000Z'))
    idb.data.set('snapshot:broken', { kind: 'union-dashboard-snapshot', version: 1, id: 'broken', figures: 3 })
    idb.data.set('other', 'x')
    expect((await storage.readAll()).map((s) => s.id)).toEqual(['a'])
  })

  it('turns a call that never answers into a TimeoutError', async () => {
    idb.stalled = true
    const storage = createSnapshotStorage({ timeoutMs: 20 })
    await expect(storage.readAll()).rejects.toMatchObject({ name: 'TimeoutError' })
    await expect(storage.add(snap('a', '2025-01-01T00:00:00.000Z'))).rejects.toMatchObject({ name: 'TimeoutError' })
  })

  it('passes a failed write on to the caller', async () => {
    idb.failSet = new DOMException('full', 'QuotaExceededError')
    await expect(createSnapshotStorage().add(snap('a', '2025-01-01T00:00:00.000Z'))).rejects.toMatchObject({
      name: 'QuotaExceededError',
    })
  })

  it('tells another tab that a snapshot was added', async () => {
    const heard = vi.fn()
    const stop = watchSnapshotsChanged(heard, 'cross-tab-test')
    await createSnapshotStorage({ dbName: 'cross-tab-test' }).add(snap('a', '2025-01-01T00:00:00.000Z'))
    await vi.waitFor(() => expect(heard).toHaveBeenCalled())
    stop()
  })
})
