import { delMany, get, keys, set, update } from 'idb-keyval'
import { changeChannel, timedStoreCall, withTimeout } from './idb-shared'

export { withTimeout }
import type { Metric } from '../types/domain'
import { packMetrics, unpackMetricsRange, type PackedMetrics } from '../dataset/compact-rows'
import {
  asStoredList,
  patchedImport,
  withImport,
  withoutImport,
  type ImportPatch,
  type StoredImportMeta,
} from '../domain/import-storage'

// The IndexedDB repository of imported datasets, shared by every tab of the site: no reactivity, so stores use it
// directly. Every change of the list is one read-modify-write transaction of the stored list, never a page's copy
// written over it, and is announced to the other tabs, which re-read it.

/** A saved import read back: its metadata and rows. */
export interface SavedImport {
  meta: StoredImportMeta
  metrics: Metric[]
}

/** What the start-up sweep removed: rows no listed import owns (left by a reload during a save, or older bugs). */
export interface SweepResult {
  /** Imports whose rows were removed. */
  imports: number
  /** Their size, estimated from the stored values. */
  bytes: number
}

/** The part of the Web Locks API the repository uses (navigator.locks; tests pass a fake). */
export interface LockManagerLike {
  request<T>(
    name: string,
    options: { mode?: 'shared' | 'exclusive'; ifAvailable?: boolean },
    callback: (lock: unknown) => Promise<T> | T,
  ): Promise<T>
}

/** Options of createImportStorage (tests and the benchmark use other names and limits). */
export interface ImportStorageOptions {
  dbName?: string
  /** Longest wait for one read before storage is taken as not answering (a stalled database never does). */
  readTimeoutMs?: number
  writeTimeoutMs?: number
  /** Cross-tab locks; navigator.locks by default. Without them the sweep never runs (it could not tell a save under way). */
  locks?: LockManagerLike | null
}

/** Reads and writes imported datasets in IndexedDB; every method rejects when storage fails or does not answer. */
export interface ImportStorage {
  /** The saved list; entries of the wrong shape are left out. */
  readList(): Promise<StoredImportMeta[]>
  /** One listed import's rows; null when they are missing or damaged. */
  readRows(meta: StoredImportMeta): Promise<Metric[] | null>
  /** Every listed import whose rows are there. */
  loadAll(): Promise<SavedImport[]>
  /** Writes an import's rows, then adds it to the list in one transaction (so the list never names missing rows). */
  addImport(meta: StoredImportMeta, metrics: readonly Metric[]): Promise<void>
  /** Renames or hides a listed import in one transaction; nothing happens when another tab removed it. */
  updateImport(id: string, patch: ImportPatch): Promise<void>
  /** Takes an import off the list in one transaction, then deletes its rows. */
  removeImport(id: string): Promise<void>
  /** Deletes rows that no listed import owns, unless some tab is saving; says how much was freed. */
  sweepOrphans(): Promise<SweepResult>
}

/** Default database of the app's imports. */
export const IMPORTS_DB = 'union-dashboard'
const LIST_KEY = 'list'
const ROWS_PREFIX = 'rows:'
const rowsKey = (id: string): string => `${ROWS_PREFIX}${id}`
const partKey = (id: string, part: number): string => `${ROWS_PREFIX}${id}:${part}`
/** The import a rows key belongs to ('rows:a' and 'rows:a:3' → 'a'); null for other keys. */
export function rowsOwnerOf(key: unknown): string | null {
  if (typeof key !== 'string' || !key.startsWith(ROWS_PREFIX)) return null
  return key.slice(ROWS_PREFIX.length).replace(/:\d+$/, '')
}
// One write serialises its whole value in one task (about 150 ms for a million rows): a bigger import is written a
// chunk per write, its rows key then holding only the number of parts. Smaller ones stay a single, atomic write.
const MAX_CHUNKS_PER_WRITE = 4
// Saves hold this lock shared, the sweep exclusively: rows being written, not yet listed, are never swept.
const WRITE_LOCK = 'union-dashboard:import-rows'
const CHANNEL = 'union-dashboard:imports'

/** What the rows key of an import written in parts holds. */
interface StoredParts {
  parts: number
}
// Rows packed or unpacked per task, so saving or restoring a million rows never blocks the page for long.
const SLICE = 50_000

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

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

/** Bytes a stored value takes, roughly: typed arrays by their length, strings at two bytes a character. */
export function estimateBytes(value: unknown, seen = new Set<object>()): number {
  if (typeof value === 'string') return value.length * 2
  if (typeof value === 'number' || typeof value === 'boolean') return 8
  if (typeof value !== 'object' || value === null || seen.has(value)) return 0
  seen.add(value)
  if (ArrayBuffer.isView(value)) return value.byteLength
  if (value instanceof ArrayBuffer) return value.byteLength
  let total = 0
  for (const item of Array.isArray(value) ? value : Object.values(value)) total += estimateBytes(item, seen)
  return total
}

function defaultLocks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator
  return nav?.locks ?? null
}

/** IndexedDB persistence of imported datasets: rows in columnar chunks (compact-rows), metadata in one list. */
export function createImportStorage(options: ImportStorageOptions = {}): ImportStorage {
  const dbName = options.dbName ?? IMPORTS_DB
  const readTimeout = options.readTimeoutMs ?? 10_000
  const writeTimeout = options.writeTimeoutMs ?? 120_000
  const locks = options.locks === undefined ? defaultLocks() : options.locks

  const call = timedStoreCall(dbName, 'imports')

  const read = <T>(key: string): Promise<T | undefined> => call((store) => get<T>(key, store), readTimeout)

  async function readList(): Promise<StoredImportMeta[]> {
    return asStoredList(await read<unknown>(LIST_KEY))
  }

  async function readRows(meta: StoredImportMeta): Promise<Metric[] | null> {
    const stored = await read<unknown>(rowsKey(meta.id))
    let chunks: unknown = stored
    if (isStoredParts(stored)) {
      const parts: unknown[] = []
      for (let part = 0; part < stored.parts; part++) parts.push(await read<unknown>(partKey(meta.id, part)))
      chunks = parts
    }
    return isPackedChunks(chunks) ? unpackInSlices(chunks) : null
  }

  async function loadAll(): Promise<SavedImport[]> {
    const saved: SavedImport[] = []
    for (const meta of await readList()) {
      const metrics = await readRows(meta)
      if (metrics) saved.push({ meta, metrics })
    }
    return saved
  }

  function changeList(change: (list: StoredImportMeta[]) => StoredImportMeta[]): Promise<void> {
    return call((store) => update<unknown>(LIST_KEY, (old) => change(asStoredList(old)), store), writeTimeout)
  }

  async function writeRows(id: string, metrics: readonly Metric[]): Promise<void> {
    const chunks = await packInSlices(metrics)
    if (chunks.length <= MAX_CHUNKS_PER_WRITE) {
      await call((store) => set(rowsKey(id), chunks, store), writeTimeout)
      return
    }
    for (const [part, chunk] of chunks.entries())
      await call((store) => set(partKey(id, part), chunk, store), writeTimeout)
    const stored: StoredParts = { parts: chunks.length }
    await call((store) => set(rowsKey(id), stored, store), writeTimeout)
  }

  async function addImport(meta: StoredImportMeta, metrics: readonly Metric[]): Promise<void> {
    const save = async (): Promise<void> => {
      await writeRows(meta.id, metrics)
      await changeList((list) => withImport(list, meta))
    }
    await (locks ? locks.request(WRITE_LOCK, { mode: 'shared' }, save) : save())
    announceImportsChanged(dbName)
  }

  async function updateImport(id: string, patch: ImportPatch): Promise<void> {
    await changeList((list) => patchedImport(list, id, patch))
    announceImportsChanged(dbName)
  }

  async function rowKeysOf(ids: ReadonlySet<string> | null, keep: ReadonlySet<string>): Promise<string[]> {
    const all = await call((store) => keys(store), readTimeout)
    return all.filter((key): key is string => {
      const owner = rowsOwnerOf(key)
      return owner !== null && !keep.has(owner) && (ids === null || ids.has(owner))
    })
  }

  async function removeImport(id: string): Promise<void> {
    await changeList((list) => withoutImport(list, id))
    announceImportsChanged(dbName)
    const doomed = await rowKeysOf(new Set([id]), new Set())
    if (doomed.length) await call((store) => delMany(doomed, store), writeTimeout)
  }

  async function sweepOrphans(): Promise<SweepResult> {
    const none: SweepResult = { imports: 0, bytes: 0 }
    if (!locks) return none
    // Exclusive and only if free: while any tab writes rows not yet listed, the sweep waits for another start.
    const swept = await locks.request(WRITE_LOCK, { mode: 'exclusive', ifAvailable: true }, async (lock) => {
      if (lock === null) return none
      const listed = new Set((await readList()).map((m) => m.id))
      const orphans = await rowKeysOf(null, listed)
      if (orphans.length === 0) return none
      let bytes = 0
      for (const key of orphans) bytes += estimateBytes(await read<unknown>(key))
      await call((store) => delMany(orphans, store), writeTimeout)
      return { imports: new Set(orphans.map(rowsOwnerOf)).size, bytes }
    })
    return swept
  }

  return { readList, readRows, loadAll, addImport, updateImport, removeImport, sweepOrphans }
}

const importsChannel = changeChannel(CHANNEL, 'imports-changed')

/** Tells the other tabs that the saved imports changed (a tab does not hear its own messages). */
export function announceImportsChanged(dbName = IMPORTS_DB): void {
  importsChannel.announce(dbName)
}

/** Calls `listener` whenever another tab changed the saved imports; returns the function that stops listening. */
export function watchImportsChanged(listener: () => void, dbName = IMPORTS_DB): () => void {
  return importsChannel.watch(listener, dbName)
}

let early: Promise<SavedImport[]> | null = null

/** Starts reading the saved imports (default database) now: boot.ts calls this, so IndexedDB opens early. */
export function startSavedImportsRead(): void {
  if (early) return
  early = createImportStorage().loadAll()
  early.catch(() => undefined) // the taker reports a failure; until then it is not unhandled
}

/** The read boot.ts started, taken once; null when none was started (tests, or after it was taken). */
export function takeSavedImportsRead(): Promise<SavedImport[]> | null {
  const started = early
  early = null
  return started
}
