import { vi } from 'vitest'

/** An in-memory stand-in for IndexedDB through idb-keyval; values are structured-cloned as IndexedDB would. */
export interface MemoryIdb {
  data: Map<string, unknown>
  failGet: Error | null
  failSet: Error | null
  /** When true, no call answers (a stalled database). */
  stalled?: boolean
}

const never = <T>(): Promise<T> => new Promise<T>(() => {})

/** The module factory for vi.mock('idb-keyval', …). */
export function memoryIdbModule(state: MemoryIdb) {
  return {
    createStore: vi.fn(() => 'memory-store'),
    get: vi.fn(async (key: string) => {
      if (state.stalled) return never()
      if (state.failGet) throw state.failGet
      return structuredClone(state.data.get(key))
    }),
    set: vi.fn(async (key: string, value: unknown) => {
      if (state.stalled) return never()
      if (state.failSet) throw state.failSet
      state.data.set(key, structuredClone(value))
    }),
    // One read-modify-write with no await between, as idb-keyval runs it in one readwrite transaction.
    update: vi.fn(async (key: string, updater: (old: unknown) => unknown) => {
      if (state.stalled) return never()
      if (state.failSet) throw state.failSet
      state.data.set(key, structuredClone(updater(structuredClone(state.data.get(key)))))
    }),
    del: vi.fn(async (key: string) => {
      state.data.delete(key)
    }),
    delMany: vi.fn(async (keys: string[]) => {
      if (state.stalled) return never()
      for (const key of keys) state.data.delete(key)
    }),
    keys: vi.fn(async () => {
      if (state.stalled) return never()
      if (state.failGet) throw state.failGet
      return [...state.data.keys()]
    }),
  }
}

/** A Web Locks stand-in for one process: shared holders and one exclusive holder at a time, ifAvailable honoured. */
export function memoryLocks() {
  const held = new Map<string, { shared: number; exclusive: boolean }>()
  return {
    held,
    async request<T>(
      name: string,
      options: { mode?: 'shared' | 'exclusive'; ifAvailable?: boolean },
      callback: (lock: unknown) => Promise<T> | T,
    ): Promise<T> {
      const state = held.get(name) ?? { shared: 0, exclusive: false }
      held.set(name, state)
      const exclusive = options.mode === 'exclusive'
      const free = exclusive ? state.shared === 0 && !state.exclusive : !state.exclusive
      if (!free) {
        if (options.ifAvailable) return callback(null)
        throw new Error('memoryLocks: waiting is not modelled')
      }
      if (exclusive) state.exclusive = true
      else state.shared++
      try {
        return await callback({ name })
      } finally {
        if (exclusive) state.exclusive = false
        else state.shared--
      }
    },
  }
}
