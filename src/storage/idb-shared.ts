import { createStore, type UseStore } from 'idb-keyval'

/**
 * What the app's IndexedDB stores (imports, remarks, snapshots) share: a database opened on first use and kept, each
 * call with a time limit, and a cross-tab message when the saved data changed.
 */

/** Rejects with a TimeoutError naming what did not answer when `promise` takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what = 'IndexedDB'): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DOMException(`${what} did not answer`, 'TimeoutError')), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}

const opened = new Map<string, UseStore>()

/**
 * One storage call with its limit, on the database `dbName` (object store `storeName`), opened on first use. A call
 * that never answered drops the opened database, so a retry reopens it. Creating the store throws at once where
 * IndexedDB is missing, which callers report.
 */
export function timedStoreCall(
  dbName: string,
  storeName: string,
  label?: string,
): <T>(run: (store: UseStore) => Promise<T>, ms: number) => Promise<T> {
  const key = `${dbName}\u0000${storeName}`
  const db = (): UseStore => {
    let store = opened.get(key)
    if (!store) {
      store = createStore(dbName, storeName)
      opened.set(key, store)
    }
    return store
  }
  return async (run, ms) => {
    try {
      return await withTimeout(run(db()), ms, label)
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') opened.delete(key)
      throw error
    }
  }
}

function channelFor(name: string): BroadcastChannel | null {
  try {
    return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name)
  } catch {
    return null // an opaque origin or a policy may refuse it: the tab then only misses other tabs' changes
  }
}

/** Tells other tabs, and hears from them, that what a database keeps changed (a tab does not hear its own messages). */
export interface ChangeChannel {
  announce(dbName: string): void
  /** Calls `listener` whenever another tab announced a change; returns the function that stops listening. */
  watch(listener: () => void, dbName: string): () => void
}

/** The change channel of one kind of saved data (`prefix` names it; one channel per database). */
export function changeChannel(prefix: string, message: string): ChangeChannel {
  const announcers = new Map<string, BroadcastChannel | null>()
  return {
    announce(dbName) {
      if (!announcers.has(dbName)) announcers.set(dbName, channelFor(`${prefix}:${dbName}`))
      announcers.get(dbName)?.postMessage({ type: message })
    },
    watch(listener, dbName) {
      const channel = channelFor(`${prefix}:${dbName}`)
      if (!channel) return () => undefined
      channel.onmessage = () => listener()
      return () => channel.close()
    },
  }
}
