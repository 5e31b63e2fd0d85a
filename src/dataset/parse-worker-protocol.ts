import type { Catalogue } from '../types/domain'
import { packMetrics, packedTransferables } from './compact-rows'
import type { PackedMetrics } from './compact-rows'
import { loadMetricsCsv } from './load'
import type { LoadResult } from './load'

/** What the page posts to parse.worker.ts. */
export interface ParseRequest {
  id: number
  bytes: ArrayBuffer
  catalogue: Catalogue
  fileName: string
  datasetId: string
}

/**
 * What the worker posts back: progress in bytes, then one result. The result's `rows` is empty and the
 * metrics travel as `packedRows` (columnar, transferred) so the page never deserialises 1M objects at once.
 */
export type ParseResponse =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'result'; result: LoadResult; packedRows: PackedMetrics }
  | { id: number; type: 'error'; message: string }

/** Minimum time between two progress messages. */
const PROGRESS_INTERVAL_MS = 50

/** Runs one request: loads the CSV, posting throttled progress and finally the packed result. */
export function handleParseRequest(
  request: ParseRequest,
  post: (message: ParseResponse, transfer: ArrayBuffer[]) => void,
  now: () => number = () => Date.now(),
): void {
  const { id } = request
  let last = Number.NEGATIVE_INFINITY
  try {
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
  } catch (error) {
    // loadMetricsCsv does not throw on bad input; this is for bugs and out-of-memory.
    post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) }, [])
  }
}
