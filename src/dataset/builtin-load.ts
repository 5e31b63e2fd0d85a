import { BUILT_IN_NAMES, OPTIONAL_BUILT_IN_NAMES, type BuiltInName, type Catalogue, type Metric } from '../types/domain'
import type { ValidationIssue } from '../types/validation'
import { unpackMetrics } from './compact-rows'
import type { PackedBuiltInResult } from './parse-worker-protocol'
import { askWorker, createParseWorker, nextWorkerRequestId, type ParseWorkerLike } from './worker-client'

/** Why the built-in data could not be shown: a file that could not be fetched, or every problem the validator found. */
export interface LoadFailure {
  /** A fetch error naming its file; empty when the files arrived but did not validate. */
  message: string
  /** Validation problems, each with the file it is in (data/….csv). */
  issues: Array<ValidationIssue & { file: string }>
}

/** The built-in data, loaded and checked, or why not. */
export type BuiltInData = { ok: true; catalogue: Catalogue; metrics: Metric[] } | { ok: false; failure: LoadFailure }

/** The bytes of data/*.csv by name. */
export type BuiltInBuffers = Record<BuiltInName, ArrayBuffer>

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e))

async function fetchBuffer(name: BuiltInName): Promise<ArrayBuffer> {
  // no-cache: staff may replace a CSV in a deployed copy, and the page must show the new one at once.
  const res = await fetch(`${import.meta.env.BASE_URL}data/${name}.csv`, { cache: 'no-cache' }).catch((e: unknown) => {
    throw new Error(`data/${name}.csv: ${errorText(e)}`)
  })
  // A deployment from before bases.csv and boundaries.csv existed has none: read as empty (a fallback page is not data).
  const optional = OPTIONAL_BUILT_IN_NAMES.includes(name)
  if (optional && (res.status === 404 || (res.ok && (res.headers.get('content-type') ?? '').includes('text/html'))))
    return new ArrayBuffer(0)
  if (!res.ok) throw new Error(`data/${name}.csv: HTTP ${res.status}`)
  return res.arrayBuffer()
}

/** Fetches the built-in files at once; a failed fetch rejects with an error naming its file. */
export async function fetchBuiltInBuffers(): Promise<BuiltInBuffers> {
  const buffers = await Promise.all(BUILT_IN_NAMES.map(fetchBuffer))
  return Object.fromEntries(BUILT_IN_NAMES.map((name, i) => [name, buffers[i]])) as BuiltInBuffers
}

/** The worker's answer as the store keeps it. */
export function fromPackedResult(result: PackedBuiltInResult): BuiltInData {
  return result.ok
    ? { ok: true, catalogue: result.catalogue, metrics: unpackMetrics(result.packedRows) }
    : { ok: false, failure: { message: '', issues: result.issues } }
}

async function parseInWorker(worker: ParseWorkerLike, files: BuiltInBuffers): Promise<BuiltInData> {
  // Copied, not transferred: should the worker fail, the same bytes are parsed here instead.
  const answer = await askWorker(worker, { kind: 'builtin', id: nextWorkerRequestId(), files }, [])
  if (answer.type !== 'builtin') throw new Error(`CSV worker answered ${answer.type} to the built-in data`)
  return fromPackedResult(answer.result)
}

async function parseHere(files: BuiltInBuffers): Promise<BuiltInData> {
  const { loadBuiltInBuffers } = await import('./load')
  const loaded = loadBuiltInBuffers(files)
  return loaded.ok
    ? { ok: true, catalogue: loaded.catalogue, metrics: loaded.rows }
    : { ok: false, failure: { message: '', issues: loaded.issues } }
}

function startWorker(create: () => ParseWorkerLike): ParseWorkerLike | null {
  try {
    return create()
  } catch {
    return null // no worker here (an old browser, a policy): the main thread parses instead
  }
}

/**
 * Fetches data/*.csv and checks them in the CSV worker, which starts while the files download; where no worker
 * runs, the page parses them itself. Never rejects: a failure says which file and what is wrong.
 */
export async function loadBuiltInData(
  fetchFiles: () => Promise<BuiltInBuffers> = fetchBuiltInBuffers,
  createWorker: () => ParseWorkerLike = createParseWorker,
): Promise<BuiltInData> {
  const worker = startWorker(createWorker)
  try {
    let files: BuiltInBuffers
    try {
      files = await fetchFiles()
    } catch (e) {
      return { ok: false, failure: { message: errorText(e), issues: [] } }
    }
    const inWorker = worker ? await parseInWorker(worker, files).catch(() => null) : null
    return inWorker ?? (await parseHere(files))
  } catch (e) {
    return { ok: false, failure: { message: errorText(e), issues: [] } }
  } finally {
    worker?.terminate()
  }
}

let started: Promise<BuiltInData> | null = null

/** Starts loading the built-in data now: boot.ts calls this before the app's own code has even downloaded. */
export function startBuiltInLoad(): void {
  started ??= loadBuiltInData()
}

/** The load started early, or a new one. Each start is taken once, so a later call loads the files afresh. */
export function takeBuiltInLoad(): Promise<BuiltInData> {
  const load = started ?? loadBuiltInData()
  started = null
  return load
}
