import { vi } from 'vitest'

/** An in-memory stand-in for IndexedDB through idb-keyval; values are structured-cloned as IndexedDB would. */
export interface MemoryIdb {
  data: Map<string, unknown>
  failGet: Error | null
  failSet: Error | null
}

/** The module factory for vi.mock('idb-keyval', …). */
export function memoryIdbModule(state: MemoryIdb) {
  return {
    createStore: vi.fn(() => 'memory-store'),
    get: vi.fn(async (key: string) => {
      if (state.failGet) throw state.failGet
      return structuredClone(state.data.get(key))
    }),
    set: vi.fn(async (key: string, value: unknown) => {
      if (state.failSet) throw state.failSet
      state.data.set(key, structuredClone(value))
    }),
    del: vi.fn(async (key: string) => {
      state.data.delete(key)
    }),
  }
}
