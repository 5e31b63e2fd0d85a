import { createStore, get, update, type UseStore } from 'idb-keyval'
import { asRemarkList, mergeRemarks, type Remark } from '../domain/remarks'
import { withTimeout } from './import-storage'

// The IndexedDB repository of remarks, shared by every tab of the site. The list is one value; every change is one
// read-modify-write transaction that merges by id and keeps the later edit of each remark (mergeRemarks), never a
// page's copy written over it, so two tabs editing at once never lose a remark. Each change is announced to the
// other tabs, which re-read. No Web Lock is needed: unlike imports there are no rows written outside the transaction.

/** Options of createRemarkStorage (tests use other names and limits). */
export interface RemarkStorageOptions {
  dbName?: string
  /** Longest wait for a read or a write before storage is taken as not answering. */
  timeoutMs?: number
}

/** Reads and writes remarks in IndexedDB; every method rejects when storage fails or does not answer in time. */
export interface RemarkStorage {
  /** The saved remarks; entries of the wrong shape are left out. */
  readAll(): Promise<Remark[]>
  /** Adds or updates remarks in one transaction (a remark newer in storage is kept); resolves to the list saved. */
  save(remarks: readonly Remark[]): Promise<Remark[]>
}

/** Default database of the app's remarks (its own, so the imports' database never needs a version change). */
export const REMARKS_DB = 'union-dashboard-remarks'
const LIST_KEY = 'remarks'
const CHANNEL = 'union-dashboard:remarks'

const stores = new Map<string, UseStore>()

/** IndexedDB persistence of remarks: one list, merged by id. */
export function createRemarkStorage(options: RemarkStorageOptions = {}): RemarkStorage {
  const dbName = options.dbName ?? REMARKS_DB
  const timeout = options.timeoutMs ?? 10_000

  function db(): UseStore {
    let store = stores.get(dbName)
    if (!store) {
      store = createStore(dbName, 'remarks')
      stores.set(dbName, store)
    }
    return store
  }

  /** One storage call with its limit; a call that never answered drops the opened database, so a retry reopens it. */
  async function call<T>(run: (store: UseStore) => Promise<T>): Promise<T> {
    try {
      return await withTimeout(run(db()), timeout, 'IndexedDB (remarks)')
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') stores.delete(dbName)
      throw error
    }
  }

  async function readAll(): Promise<Remark[]> {
    return mergeRemarks([], asRemarkList(await call((store) => get<unknown>(LIST_KEY, store)))).list
  }

  async function save(remarks: readonly Remark[]): Promise<Remark[]> {
    let saved: Remark[] = []
    await call((store) =>
      update<unknown>(
        LIST_KEY,
        (old) => {
          saved = mergeRemarks(asRemarkList(old), remarks).list
          return saved
        },
        store,
      ),
    )
    announceRemarksChanged(dbName)
    return saved
  }

  return { readAll, save }
}

function channelFor(dbName: string): BroadcastChannel | null {
  try {
    return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`${CHANNEL}:${dbName}`)
  } catch {
    return null // an opaque origin or a policy may refuse it: the tab then only misses other tabs' changes
  }
}

const announcers = new Map<string, BroadcastChannel | null>()

/** Tells the other tabs that the saved remarks changed (a tab does not hear its own messages). */
export function announceRemarksChanged(dbName = REMARKS_DB): void {
  if (!announcers.has(dbName)) announcers.set(dbName, channelFor(dbName))
  announcers.get(dbName)?.postMessage({ type: 'remarks-changed' })
}

/** Calls `listener` whenever another tab changed the saved remarks; returns the function that stops listening. */
export function watchRemarksChanged(listener: () => void, dbName = REMARKS_DB): () => void {
  const channel = channelFor(dbName)
  if (!channel) return () => undefined
  channel.onmessage = () => listener()
  return () => channel.close()
}
