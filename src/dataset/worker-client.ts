import type { Catalogue, Metric } from '../types/domain'
import { unpackMetricsRange } from './compact-rows'
import type { LoadResult } from './load'
import type { ParseRequest, ParseResponse } from './parse-worker-protocol'

/** The part of a Worker the client uses (a fake one in tests). */
export interface ParseWorkerLike {
  postMessage(message: ParseRequest, transfer: Transferable[]): void
  addEventListener(type: 'message', listener: (event: MessageEvent<ParseResponse>) => void): void
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void
  terminate(): void
}

/** Options for loadMetricsInWorker. */
export interface LoadInWorkerOptions {
  fileName: string
  datasetId: string
  /** Progress in bytes of the file (parsing and validation each fill half). */
  onProgress?: (done: number, total: number) => void
  /** Aborting terminates the worker and rejects with a DOMException named 'AbortError'. */
  signal?: AbortSignal
}

// Rows rebuilt per task, so the page stays responsive while a 1M-row result is unpacked.
const UNPACK_SLICE = 50_000

let nextRequestId = 1

function abortError(): DOMException {
  return new DOMException('Loading the CSV was aborted', 'AbortError')
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

// Store state may be reactive proxies, which structured clone refuses; copy to plain objects.
function plainCatalogue(catalogue: Catalogue): Catalogue {
  return {
    districts: catalogue.districts.map((d) => ({ ...d })),
    indicators: catalogue.indicators.map((i) => ({ ...i })),
    sources: catalogue.sources.map((s) => ({ ...s })),
    bases: catalogue.bases.map((b) => ({ ...b })),
    boundaries: catalogue.boundaries.map((b) => ({ ...b })),
  }
}

/** Starts the CSV worker (parse.worker.ts) as a module Web Worker. */
export function createParseWorker(): ParseWorkerLike {
  return new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' })
}

/** Loads a metrics CSV in the CSV worker, off the main thread. */
export function loadMetricsInWorker(file: Blob, catalogue: Catalogue, opts: LoadInWorkerOptions): Promise<LoadResult> {
  return loadMetricsWithWorker(createParseWorker, file, catalogue, opts)
}

/** loadMetricsInWorker with the worker supplied by the caller. */
export async function loadMetricsWithWorker(
  createWorker: () => ParseWorkerLike,
  file: Blob,
  catalogue: Catalogue,
  opts: LoadInWorkerOptions,
): Promise<LoadResult> {
  const { signal, onProgress } = opts
  if (signal?.aborted) throw abortError()
  const bytes = await file.arrayBuffer()
  if (signal?.aborted) throw abortError()

  const worker = createWorker()
  try {
    const request: ParseRequest = {
      kind: 'metrics',
      id: nextWorkerRequestId(),
      bytes,
      catalogue: plainCatalogue(catalogue),
      fileName: opts.fileName,
      datasetId: opts.datasetId,
    }
    const response = await askWorker(worker, request, [bytes], { onProgress, signal })
    if (response.type !== 'result') throw new Error(`CSV worker answered ${response.type} to a metrics request`)
    worker.terminate()
    const { packedRows, result } = response
    const rows = new Array<Metric>(packedRows.count)
    for (let from = 0; from < packedRows.count; from += UNPACK_SLICE) {
      if (from > 0) await nextTask()
      if (signal?.aborted) throw abortError()
      unpackMetricsRange(packedRows, from, Math.min(packedRows.count, from + UNPACK_SLICE), rows)
    }
    return { ...result, rows }
  } finally {
    worker.terminate()
  }
}

/** A worker's final answer to a request (progress is reported on the way). */
export type WorkerAnswer = Exclude<ParseResponse, { type: 'progress' | 'error' }>

/**
 * Posts one request and resolves with the worker's answer to it. Rejects when the worker reports an error or
 * fails to start, and with an AbortError when the signal aborts (the caller terminates the worker).
 */
export function askWorker(
  worker: ParseWorkerLike,
  request: ParseRequest,
  transfer: Transferable[],
  opts: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<WorkerAnswer> {
  const { onProgress, signal } = opts
  let onAbort = (): void => {}
  return new Promise<WorkerAnswer>((resolve, reject) => {
    onAbort = () => reject(abortError())
    signal?.addEventListener('abort', onAbort, { once: true })
    worker.addEventListener('message', (event) => {
      const message = event.data
      if (message.id !== request.id) return
      if (message.type === 'progress') onProgress?.(message.done, message.total)
      else if (message.type === 'error') reject(new Error(`CSV worker failed: ${message.message}`))
      else resolve(message)
    })
    worker.addEventListener('error', (event) => reject(new Error(`CSV worker failed: ${event.message}`)))
    worker.postMessage(request, transfer)
  }).finally(() => signal?.removeEventListener('abort', onAbort))
}

/** A request id no other request of this page uses. */
export function nextWorkerRequestId(): number {
  return nextRequestId++
}
