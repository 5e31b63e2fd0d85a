import { del, get, keys, set, type UseStore } from 'idb-keyval'
import { newestFirst, storedSnapshot, validateSnapshot, type Snapshot } from '../domain/snapshot'
import { changeChannel, timedStoreCall } from './idb-shared'

// Meeting snapshots in IndexedDB, shared by every tab of the site: one key per snapshot, so adding or removing one is
// a single write that never races another tab's list; every change is announced to the other tabs, which re-read.

/** Options of createSnapshotStorage (tests use other names and limits). */
export interface SnapshotStorageOptions {
  dbName?: string
  /** Longest wait for one call before storage is taken as not answering (a stalled database never does). */
  timeoutMs?: number
}

/** Reads and writes meeting snapshots; every method rejects when storage fails or does not answer. */
export interface SnapshotStorage {
  /** Every stored snapshot, newest first; records of the wrong shape are left out. */
  readAll(): Promise<Snapshot[]>
  /** Saves a snapshot (one of the same id is replaced). */
  add(snapshot: Snapshot): Promise<void>
  remove(id: string): Promise<void>
}

/** Default database of the app's snapshots (its own: idb-keyval opens one object store per database). */
export const SNAPSHOTS_DB = 'union-dashboard-snapshots'
const PREFIX = 'snapshot:'
const CHANNEL = 'union-dashboard:snapshots'

/** IndexedDB persistence of meeting snapshots, each checked by the file validator when read back. */
export function createSnapshotStorage(options: SnapshotStorageOptions = {}): SnapshotStorage {
  const dbName = options.dbName ?? SNAPSHOTS_DB
  const timeout = options.timeoutMs ?? 10_000

  const timed = timedStoreCall(dbName, 'snapshots', 'Snapshot storage')
  const call = <T>(run: (store: UseStore) => Promise<T>): Promise<T> => timed(run, timeout)

  async function readAll(): Promise<Snapshot[]> {
    const all = await call((store) => keys(store))
    const out: Snapshot[] = []
    for (const key of all) {
      if (typeof key !== 'string' || !key.startsWith(PREFIX)) continue
      const parsed = validateSnapshot(await call((store) => get<unknown>(key, store)), key)
      if (parsed.ok) out.push(parsed.snapshot)
    }
    return newestFirst(out)
  }

  async function add(snapshot: Snapshot): Promise<void> {
    await call((store) => set(`${PREFIX}${snapshot.id}`, storedSnapshot(snapshot), store))
    announceSnapshotsChanged(dbName)
  }

  async function remove(id: string): Promise<void> {
    await call((store) => del(`${PREFIX}${id}`, store))
    announceSnapshotsChanged(dbName)
  }

  return { readAll, add, remove }
}

const channel = changeChannel(CHANNEL, 'snapshots-changed')

/** Tells the other tabs that the saved snapshots changed (a tab does not hear its own messages). */
export function announceSnapshotsChanged(dbName = SNAPSHOTS_DB): void {
  channel.announce(dbName)
}

/** Calls `listener` whenever another tab changed the saved snapshots; returns the function that stops listening. */
export function watchSnapshotsChanged(listener: () => void, dbName = SNAPSHOTS_DB): () => void {
  return channel.watch(listener, dbName)
}
