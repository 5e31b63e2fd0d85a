import { get, update, type UseStore } from 'idb-keyval'
import { asRemarkList, mergeRemarks, type Remark } from '../domain/remarks'
import { changeChannel, timedStoreCall } from './idb-shared'

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

/** IndexedDB persistence of remarks: one list, merged by id. */
export function createRemarkStorage(options: RemarkStorageOptions = {}): RemarkStorage {
  const dbName = options.dbName ?? REMARKS_DB
  const timeout = options.timeoutMs ?? 10_000

  const timed = timedStoreCall(dbName, 'remarks', 'IndexedDB (remarks)')
  const call = <T>(run: (store: UseStore) => Promise<T>): Promise<T> => timed(run, timeout)

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

const channel = changeChannel(CHANNEL, 'remarks-changed')

/** Tells the other tabs that the saved remarks changed (a tab does not hear its own messages). */
export function announceRemarksChanged(dbName = REMARKS_DB): void {
  channel.announce(dbName)
}

/** Calls `listener` whenever another tab changed the saved remarks; returns the function that stops listening. */
export function watchRemarksChanged(listener: () => void, dbName = REMARKS_DB): () => void {
  return channel.watch(listener, dbName)
}
