import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MemoryIdb } from '../idb-memory'
import { createRemarkStorage } from '../../../src/storage/remark-storage'
import type { Remark } from '../../../src/domain/remarks'

const idb = vi.hoisted((): MemoryIdb => ({ data: new Map(), failGet: null, failSet: null }))
vi.mock('idb-keyval', async () => (await import('../idb-memory')).memoryIdbModule(idb))

const remark = (id: string, text: string, updatedAt = '2025-01-01T00:00:00.000Z'): Remark => ({
  id,
  figure: 'xihu|members|2024|',
  text,
  owner: '',
  due: '',
  state: 'open',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt,
})

beforeEach(() => {
  idb.stalled = false
  idb.data.clear()
  idb.failGet = null
  idb.failSet = null
})

describe('createRemarkStorage', () => {
  it('keeps both remarks when two tabs save at once from stale copies', async () => {
    const tabA = createRemarkStorage()
    const tabB = createRemarkStorage()
    await Promise.all([tabA.save([remark('a', 'from A')]), tabB.save([remark('b', 'from B')])])
    expect((await tabA.readAll()).map((r) => r.id)).toEqual(['a', 'b'])
  })

  it('never lets an older copy of a remark undo a later edit', async () => {
    const storage = createRemarkStorage()
    await storage.save([remark('a', 'edited', '2025-02-01T00:00:00.000Z')])
    const saved = await storage.save([remark('a', 'stale')])
    expect(saved.map((r) => r.text)).toEqual(['edited'])
  })

  it('leaves out stored entries of the wrong shape', async () => {
    idb.data.set('remarks', [remark('a', 'ok'), { id: 'x' }, 'junk'])
    expect((await createRemarkStorage().readAll()).map((r) => r.id)).toEqual(['a'])
  })

  it('ends a call that storage never answers with a timeout error', async () => {
    idb.stalled = true
    await expect(createRemarkStorage({ timeoutMs: 20 }).save([remark('a', 'x')])).rejects.toMatchObject({
      name: 'TimeoutError',
    })
  })

  it('passes a storage failure on', async () => {
    idb.failGet = new DOMException('quota', 'QuotaExceededError')
    await expect(createRemarkStorage().readAll()).rejects.toMatchObject({ name: 'QuotaExceededError' })
  })
})
