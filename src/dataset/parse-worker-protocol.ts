import type { BuiltInName, Catalogue } from '../types/domain'
import { packMetrics, packedTransferables } from './compact-rows'
import type { PackedMetrics } from './compact-rows'
import { loadBuiltInBuffers, loadMetricsCsv } from './load'
import type { CatalogueIssue, LoadResult } from './load'

/** What the page posts to parse.worker.ts: an imported metrics CSV, or the four built-in files. */
export type ParseRequest = MetricsParseRequest | BuiltInParseRequest

/** An imported metrics CSV, checked against the catalogue in force. */
export interface MetricsParseRequest {
  kind: 'metrics'
  id: number
  bytes: ArrayBuffer
  catalogue: Catalogue
  fileName: string
  datasetId: string
}

/** The built-in data/*.csv files, loaded as the page starts. */
export interface BuiltInParseRequest {
  kind: 'builtin'
  id: number
  files: Record<BuiltInName, ArrayBuffer>
}

/** The built-in data as the worker posts it: metrics packed like an import's. */
export type PackedBuiltInResult =
  { ok: true; catalogue: Catalogue; packedRows: PackedMetrics } | { ok: false; issues: CatalogueIssue[] }

/**
 * What the worker posts back: progress in bytes, then one result. The result's `rows` is empty and the
 * metrics travel as `packedRows` (columnar, transferred) so the page never deserialises 1M objects at once.
 */
export type ParseResponse =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'result'; result: LoadResult; packedRows: PackedMetrics }
  | { id: number; type: 'builtin'; result: PackedBuiltInResult }
  | { id: number; type: 'error'; message: string }

type Post = (message: ParseResponse, transfer: ArrayBuffer[]) => void

/** Minimum time between two progress messages. */
const PROGRESS_INTERVAL_MS = 50

/** Runs one request and posts its result; a metrics file also posts throttled progress. */
export function handleParseRequest(request: ParseRequest, post: Post, now: () => number = () => Date.now()): void {
  try {
    if (request.kind === 'builtin') handleBuiltIn(request, post)
    else handleMetrics(request, post, now)
  } catch (error) {
    // The loaders do not throw on bad input; this is for bugs and out-of-memory.
    post({ id: request.id, type: 'error', message: error instanceof Error ? error.message : String(error) }, [])
  }
}

function handleBuiltIn(request: BuiltInParseRequest, post: Post): void {
  const loaded = loadBuiltInBuffers(request.files)
  if (!loaded.ok) {
    post({ id: request.id, type: 'builtin', result: loaded }, [])
    return
  }
  const packedRows = packMetrics(loaded.rows)
  const result: PackedBuiltInResult = { ok: true, catalogue: loaded.catalogue, packedRows }
  post({ id: request.id, type: 'builtin', result }, packedTransferables(packedRows))
}

function handleMetrics(request: MetricsParseRequest, post: Post, now: () => number): void {
  const { id } = request
  let last = Number.NEGATIVE_INFINITY
  const result = loadMetricsCsv(new Uint8Array(request.bytes), request.catalogue, {
    fileName: request.fileName,
    datasetId: request.datasetId,
    onProgress(done, total) {
      const t = now()
      if (t - last < PROGRESS_INTERVAL_MS && done < total) return
      last = t
      post({ id, type: 'progress', done, total }, [])
    },
  })
  const packedRows = packMetrics(result.rows)
  post({ id, type: 'result', result: { ...result, rows: [] }, packedRows }, packedTransferables(packedRows))
}
