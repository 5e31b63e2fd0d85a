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
