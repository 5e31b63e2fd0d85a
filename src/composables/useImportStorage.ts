import { createStore, del, get, set, type UseStore } from 'idb-keyval'
import type { Metric } from '../types/domain'
import { packMetrics, unpackMetricsRange, type PackedMetrics } from '../dataset/compact-rows'
import { isStoredImportMeta, type StoredImportMeta } from '../domain/import-storage'

/** A saved import read back: its metadata and rows. */
export interface SavedImport {
  meta: StoredImportMeta
  metrics: Metric[]
}

/** Options for useImportStorage (tests and the benchmark use other names and limits). */
export interface UseImportStorageOptions {
  dbName?: string
  /** Longest wait for a read before storage is taken as unavailable (a blocked database never answers). */
  readTimeoutMs?: number
  writeTimeoutMs?: number
}

/** Reads and writes imported datasets in IndexedDB; every method rejects when storage fails. */
export interface UseImportStorageReturn {
  loadAll(): Promise<SavedImport[]>
  /** Saves one import's rows, then the list of every import (so the list never names missing rows). */
  saveImport(meta: StoredImportMeta, metrics: readonly Metric[], list: StoredImportMeta[]): Promise<void>
  saveList(list: StoredImportMeta[]): Promise<void>
  /** Removes one import from the list, then its rows. */
  removeImport(id: string, list: StoredImportMeta[]): Promise<void>
}

const LIST_KEY = 'list'
const rowsKey = (id: string): string => `rows:${id}`
const partKey = (id: string, part: number): string => `rows:${id}:${part}`
// One write serialises its whole value in one task (about 150 ms for a million rows): a bigger import is written a
// chunk per write, its rows key then holding only the number of parts. Smaller ones stay a single, atomic write.
const MAX_CHUNKS_PER_WRITE = 4

/** What the rows key of an import written in parts holds. */
interface StoredParts {
  parts: number
}
// Rows packed or unpacked per task, so saving or restoring a million rows never blocks the page for long.
const SLICE = 50_000

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DOMException('IndexedDB did not answer', 'TimeoutError')), ms)
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

async function packInSlices(metrics: readonly Metric[]): Promise<PackedMetrics[]> {
  const chunks: PackedMetrics[] = []
  for (let from = 0; from < metrics.length; from += SLICE) {
    if (from > 0) await nextTask()
    chunks.push(packMetrics(metrics.slice(from, from + SLICE)))
  }
  return chunks
}

async function unpackInSlices(chunks: readonly PackedMetrics[]): Promise<Metric[]> {
  const total = chunks.reduce((n, c) => n + c.count, 0)
  const out = new Array<Metric>(total)
  let offset = 0
  for (const chunk of chunks) {
    const part = new Array<Metric>(chunk.count)
    for (let from = 0; from < chunk.count; from += SLICE) {
      await nextTask()
      unpackMetricsRange(chunk, from, Math.min(chunk.count, from + SLICE), part)
    }
    for (let i = 0; i < part.length; i++) out[offset + i] = part[i] as Metric
    offset += chunk.count
  }
  return out
}

function isStoredParts(value: unknown): value is StoredParts {
  return typeof value === 'object' && value !== null && typeof (value as StoredParts).parts === 'number'
}

function isPackedChunks(value: unknown): value is PackedMetrics[] {
  return (
    Array.isArray(value) &&
    value.every((c: unknown) => typeof c === 'object' && c !== null && typeof (c as PackedMetrics).count === 'number')
  )
}

const stores = new Map<string, UseStore>()

let early: Promise<SavedImport[]> | null = null

/** Starts reading the saved imports (default database) now: boot.ts calls this, so IndexedDB opens early. */
export function startSavedImportsRead(): void {
  if (early) return
  early = useImportStorage().loadAll()
  early.catch(() => undefined) // the taker reports a failure; until then it is not unhandled
}

/** The read boot.ts started, taken once; null when none was started (tests, or after it was taken). */
export function takeSavedImportsRead(): Promise<SavedImport[]> | null {
  const read = early
  early = null
  return read
}

/** IndexedDB persistence of imported datasets: rows in columnar chunks (compact-rows), metadata in one list. */
export function useImportStorage(options: UseImportStorageOptions = {}): UseImportStorageReturn {
  const dbName = options.dbName ?? 'union-dashboard'
  const readTimeout = options.readTimeoutMs ?? 10_000
  const writeTimeout = options.writeTimeoutMs ?? 120_000

  // Opened on first use: creating the store throws at once where IndexedDB is missing, which callers report.
  function db(): UseStore {
    let store = stores.get(dbName)
    if (!store) {
      store = createStore(dbName, 'imports')
      stores.set(dbName, store)
    }
    return store
  }

  async function readParts(store: UseStore, id: string, parts: number): Promise<unknown[]> {
    const chunks: unknown[] = []
    for (let part = 0; part < parts; part++)
      chunks.push(await withTimeout(get<unknown>(partKey(id, part), store), readTimeout))
    return chunks
  }

  async function loadAll(): Promise<SavedImport[]> {
    const store = db()
    const list = await withTimeout(get<unknown>(LIST_KEY, store), readTimeout)
    if (!Array.isArray(list)) return []
    const saved: SavedImport[] = []
    for (const meta of list.filter(isStoredImportMeta)) {
      const stored = await withTimeout(get<unknown>(rowsKey(meta.id), store), readTimeout)
      const chunks = isStoredParts(stored) ? await readParts(store, meta.id, stored.parts) : stored
      if (!isPackedChunks(chunks)) continue
      saved.push({ meta, metrics: await unpackInSlices(chunks) })
    }
    return saved
  }

  async function saveImport(meta: StoredImportMeta, metrics: readonly Metric[], list: StoredImportMeta[]) {
    const store = db()
    const chunks = await packInSlices(metrics)
    if (chunks.length <= MAX_CHUNKS_PER_WRITE) await withTimeout(set(rowsKey(meta.id), chunks, store), writeTimeout)
    else {
      for (const [part, chunk] of chunks.entries())
        await withTimeout(set(partKey(meta.id, part), chunk, store), writeTimeout)
      const stored: StoredParts = { parts: chunks.length }
      await withTimeout(set(rowsKey(meta.id), stored, store), writeTimeout)
    }
    await withTimeout(set(LIST_KEY, list, store), writeTimeout)
  }

  async function saveList(list: StoredImportMeta[]): Promise<void> {
    await withTimeout(set(LIST_KEY, list, db()), writeTimeout)
  }

  async function removeImport(id: string, list: StoredImportMeta[]): Promise<void> {
    const store = db()
    await withTimeout(set(LIST_KEY, list, store), writeTimeout)
    const stored = await withTimeout(get<unknown>(rowsKey(id), store), readTimeout)
    if (isStoredParts(stored))
      for (let part = 0; part < stored.parts; part++) await withTimeout(del(partKey(id, part), store), writeTimeout)
    await withTimeout(del(rowsKey(id), store), writeTimeout)
  }

  return { loadAll, saveImport, saveList, removeImport }
}
