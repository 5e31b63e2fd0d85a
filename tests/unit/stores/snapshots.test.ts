import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { MemoryIdb } from '../idb-memory'
import { useDatasetsStore } from '../../../src/stores/datasets'
import { useSnapshotsStore } from '../../../src/stores/snapshots'
import { serialiseSnapshot } from '../../../src/domain/snapshot'
import { makeMetric } from '../domain/metric-fixture'

const idb = vi.hoisted((): MemoryIdb => ({ data: new Map(), failGet: null, failSet: null }))
vi.mock('idb-keyval', async () => (await import('../idb-memory')).memoryIdbModule(idb))

const FUYANG = makeMetric({ district: 'fuyang', value: 642, source: 'fuyang-2024' })
const TARGET = makeMetric({ district: 'fuyang', value: 700, status: 'target' })

/** A page with its data in: the store reads the saved snapshots on creation. */
async function openPage() {
  setActivePinia(createPinia())
  const datasets = useDatasetsStore()
  datasets.builtIn = [FUYANG, TARGET]
  datasets.status = 'ready'
  datasets.savedState = 'restored'
  const snapshots = useSnapshotsStore()
  await snapshots.ensureLoaded()
  await vi.waitFor(() => expect(snapshots.state).not.toBe('reading'))
  return { datasets, snapshots }
}

beforeEach(() => {
  idb.stalled = false
  idb.data.clear()
  idb.failGet = null
  idb.failSet = null
  vi.stubGlobal('location', { search: '?year=2024' })
  vi.stubGlobal('window', new EventTarget())
})

describe('useSnapshotsStore', () => {
  it('marks a meeting with every figure in force (targets too) and the filters shown, and keeps it across pages', async () => {
    const { snapshots } = await openPage()
    const s = await snapshots.mark('  一季度会议 ', new Date('2025-03-31T08:00:00Z'))
    expect(s?.name).toBe('一季度会议')
    expect(s?.filters).toEqual({ year: '2024' })
    expect(s?.figures.map((f) => [f.status, f.value])).toEqual([
      ['achieved', 642],
      ['target', 700],
    ])
    expect(snapshots.outcome).toEqual({ kind: 'marked', name: '一季度会议' })
    const again = (await openPage()).snapshots
    expect(again.list.map((x) => x.id)).toEqual([s?.id])
  })

  it('lists a revised figure against the latest snapshot, old → new', async () => {
    const { datasets, snapshots } = await openPage()
    await snapshots.mark('一季度会议')
    expect(snapshots.diff).toEqual({ added: [], revised: [], removed: [] })
    datasets.builtIn = [{ ...FUYANG, value: 650, source: 'fix' }, TARGET]
    expect(snapshots.diff?.revised.map((r) => [r.before.value, r.after.value, r.after.source])).toEqual([
      [642, 650, 'fix'],
    ])
  })

  it('does not mark while the saved imports are still being read, nor with a blank name', async () => {
    const { datasets, snapshots } = await openPage()
    expect(await snapshots.mark('  ')).toBeNull()
    datasets.savedState = 'reading'
    expect(await snapshots.mark('会议')).toBeNull()
    expect(snapshots.list).toEqual([])
  })

  it('imports a snapshot file from another machine and compares against it', async () => {
    const { snapshots } = await openPage()
    const text = serialiseSnapshot({
      id: 'other',
      name: '上次会议',
      takenAt: '2024-12-01T00:00:00.000Z',
      filters: {},
      figures: [{ ...(await snapshots.mark('x'))!.figures[0]!, value: 600 }],
    })
    await snapshots.importText(text, 'other.json')
    expect(snapshots.chosen?.id).toBe('other')
    expect(snapshots.diff?.revised.map((r) => [r.before.value, r.after.value])).toEqual([[600, 642]])
    expect(snapshots.diff?.added.map((f) => f.status)).toEqual(['target'])
  })

  it('rejects a bad file, saying why, and changes nothing', async () => {
    const { snapshots } = await openPage()
    await snapshots.mark('一季度会议')
    const before = snapshots.list
    await snapshots.importText('{"kind":"union-dashboard-snapshot","version":9}', 'bad.json')
    expect(snapshots.outcome).toMatchObject({ kind: 'rejected', problem: { code: 'newer-version', file: 'bad.json' } })
    expect(snapshots.list).toBe(before)
  })

  it('keeps a snapshot for the session and says why when storage fails, and exports its file', async () => {
    const { snapshots } = await openPage()
    idb.failSet = new DOMException('full', 'QuotaExceededError')
    const s = await snapshots.mark('会议')
    expect(snapshots.storageProblem).toBe('quota')
    expect(snapshots.list.map((x) => x.id)).toEqual([s?.id])
    await snapshots.load()
    expect(snapshots.list.map((x) => x.id)).toEqual([s?.id])
    expect(JSON.parse(snapshots.fileText(s!.id) ?? '')).toMatchObject({ version: 1, name: '会议' })
  })

  it('removes a snapshot and falls back to the latest', async () => {
    const { snapshots } = await openPage()
    const a = await snapshots.mark('a', new Date('2025-01-01T00:00:00Z'))
    const b = await snapshots.mark('b', new Date('2025-02-01T00:00:00Z'))
    snapshots.choose(a!.id)
    await snapshots.remove(a!.id)
    expect(snapshots.chosen?.id).toBe(b!.id)
    expect((await openPage()).snapshots.list.map((x) => x.id)).toEqual([b!.id])
  })
})
