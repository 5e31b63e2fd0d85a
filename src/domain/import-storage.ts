import type { Catalogue, Metric } from '../types/domain'
import type { CsvEncoding } from '../types/validation'

/** What describes an imported dataset besides its rows: kept in the page and saved with it. */
export interface ImportDescription {
  id: string
  name: string
  fileName: string
  importedAt: string
  encoding: CsvEncoding | null
  hidden: boolean
}

/** What is saved of an import besides its rows. */
export interface StoredImportMeta extends ImportDescription {
  rowCount: number
}

/** Why saved imports cannot be kept: no IndexedDB (private mode, blocked), full, too slow, or another failure. */
export type StorageProblem = 'unavailable' | 'quota' | 'timeout' | 'failed'

/** Tells a storage failure's kind from the error IndexedDB (or its absence) raised. */
export function storageProblemOf(error: unknown): StorageProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : ''
  if (name === 'QuotaExceededError') return 'quota'
  if (name === 'TimeoutError') return 'timeout'
  if (
    ['InvalidStateError', 'SecurityError', 'UnknownError', 'NotAllowedError', 'ReferenceError', 'TypeError'].includes(
      name,
    )
  )
    return 'unavailable'
  return 'failed'
}

/** Whether a value read back from storage has the shape of a saved import's metadata. */
export function isStoredImportMeta(value: unknown): value is StoredImportMeta {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    typeof v.fileName === 'string' &&
    typeof v.importedAt === 'string' &&
    (v.encoding === null || v.encoding === 'utf-8' || v.encoding === 'utf-8-bom' || v.encoding === 'gb18030') &&
    typeof v.hidden === 'boolean' &&
    typeof v.rowCount === 'number'
  )
}

/** Rows whose district and indicator the current catalogue still knows, and how many were dropped. */
export function keepCatalogueRows(
  metrics: Metric[],
  catalogue: Pick<Catalogue, 'districts' | 'indicators'>,
): { metrics: Metric[]; dropped: number } {
  const districts = new Set(catalogue.districts.map((d) => d.id))
  const indicators = new Set(catalogue.indicators.map((i) => i.id))
  const known = (m: Metric): boolean => districts.has(m.district) && indicators.has(m.indicator)
  // The common case keeps every row: return the same array rather than copy a million rows.
  if (metrics.every(known)) return { metrics, dropped: 0 }
  const kept = metrics.filter(known)
  return { metrics: kept, dropped: metrics.length - kept.length }
}

/** The saved list as read back: entries of the wrong shape left out. */
export function asStoredList(value: unknown): StoredImportMeta[] {
  return Array.isArray(value) ? value.filter(isStoredImportMeta) : []
}

/** The list with one import added (or replaced, when its id is there already). */
export function withImport(list: readonly StoredImportMeta[], meta: StoredImportMeta): StoredImportMeta[] {
  return [...list.filter((m) => m.id !== meta.id), meta]
}

/** The list without one import. */
export function withoutImport(list: readonly StoredImportMeta[], id: string): StoredImportMeta[] {
  return list.filter((m) => m.id !== id)
}

/** What may change of a saved import after it was added. */
export type ImportPatch = Partial<Pick<ImportDescription, 'name' | 'hidden'>>

/** The list with one import's name or visibility changed; the same list when the import is not in it. */
export function patchedImport(list: readonly StoredImportMeta[], id: string, patch: ImportPatch): StoredImportMeta[] {
  return list.map((m) => (m.id === id ? { ...m, ...patch } : m))
}

/** The part of a saved import's metadata a page keeps beside the rows. */
export function descriptionOf(meta: StoredImportMeta): ImportDescription {
  const { id, name, fileName, importedAt, encoding, hidden } = meta
  return { id, name, fileName, importedAt, encoding, hidden }
}

/** One entry of a page's imports after it has caught up with the saved list. */
export type SyncedEntry<T> = { kind: 'keep'; dataset: T } | { kind: 'load'; meta: StoredImportMeta }

/**
 * A page's imports brought in line with the saved list, which every tab shares: listed imports in the list's order
 * (the page's own copy, its name and visibility taken from the list, or rows still to load), then the page's imports
 * that were never saved (storage failed, or their save is under way). Anything else was removed in another tab.
 */
export function syncWithStoredList<T extends ImportDescription>(
  local: readonly T[],
  stored: readonly StoredImportMeta[],
  unsaved: ReadonlySet<string>,
): Array<SyncedEntry<T>> {
  const byId = new Map(local.map((d) => [d.id, d]))
  const listed = new Set(stored.map((m) => m.id))
  const entries = stored.map((meta): SyncedEntry<T> => {
    const own = byId.get(meta.id)
    if (!own) return { kind: 'load', meta }
    const same = own.name === meta.name && own.hidden === meta.hidden
    return { kind: 'keep', dataset: same ? own : { ...own, name: meta.name, hidden: meta.hidden } }
  })
  for (const d of local) if (unsaved.has(d.id) && !listed.has(d.id)) entries.push({ kind: 'keep', dataset: d })
  return entries
}
