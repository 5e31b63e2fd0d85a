import { BUILT_IN_NAMES, OPTIONAL_BUILT_IN_NAMES, type BuiltInName, type Catalogue, type Metric } from '../types/domain'
import type { ValidationIssue } from '../types/validation'
import { unpackMetrics } from './compact-rows'
import type { PackedBuiltInResult } from './parse-worker-protocol'
import { askWorker, createParseWorker, nextWorkerRequestId, type ParseWorkerLike } from './worker-client'

/**
 * Why a data file could not be fetched: no answer in time, an error status, a web page where the CSV should be (a
 * server answering a missing file with its index.html), the network, or a failure of the page itself.
 */
export type FetchProblem =
  | { kind: 'timeout'; file: string; seconds: number }
  | { kind: 'http'; file: string; status: number }
  | { kind: 'html'; file: string }
  | { kind: 'network'; file: string; detail: string }
  | { kind: 'internal'; file: string; detail: string }

/** Why the built-in data could not be shown: a file that could not be fetched, or every problem the validator found. */
export interface LoadFailure {
  /** What went wrong fetching a file; null when the files arrived but did not validate. */
  fetch: FetchProblem | null
  /** Validation problems, each with the file it is in (data/….csv). */
  issues: Array<ValidationIssue & { file: string }>
}

/** A failed fetch, carrying its problem to the load's result. */
export class FetchFailure extends Error {
  constructor(readonly problem: FetchProblem) {
    super(`${problem.file}: ${problem.kind}`)
    this.name = 'FetchFailure'
  }
}

/** Longest wait for a data file's server to answer, and then for its bytes. */
export const FETCH_TIMEOUT_MS = 10_000
export const BODY_TIMEOUT_MS = 30_000

/** The built-in data, loaded and checked, or why not. */
export type BuiltInData = { ok: true; catalogue: Catalogue; metrics: Metric[] } | { ok: false; failure: LoadFailure }

/** The bytes of data/*.csv by name. */
export type BuiltInBuffers = Record<BuiltInName, ArrayBuffer>

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** Whether bytes begin (after a BOM and white space) like an HTML page. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 512))
    .replace(/^\ufeff?\s*/, '')
    .toLowerCase()
  return head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<head')
}

/** Runs `step` with a deadline; on expiry the request is aborted and the load fails naming the file. */
async function withDeadline<T>(file: string, ms: number, abort: AbortController, step: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new FetchFailure({ kind: 'timeout', file, seconds: Math.round(ms / 1000) }))
      abort.abort()
    }, ms)
  })
  try {
    return await Promise.race([step, expired])
  } finally {
    clearTimeout(timer)
  }
}

async function fetchBuffer(name: BuiltInName): Promise<ArrayBuffer> {
  const file = `data/${name}.csv`
  const abort = new AbortController()
  // no-cache: staff may replace a CSV in a deployed copy, and the page must show the new one at once.
  const request = fetch(`${import.meta.env.BASE_URL}${file}`, { cache: 'no-cache', signal: abort.signal }).catch(
    (e: unknown) => {
      throw new FetchFailure({ kind: 'network', file, detail: errorText(e) })
    },
  )
  const res = await withDeadline(file, FETCH_TIMEOUT_MS, abort, request)
  const type = res.headers.get('content-type') ?? ''
  // A deployment from before bases.csv and boundaries.csv existed has none: read as empty (a fallback page is not data).
  if (OPTIONAL_BUILT_IN_NAMES.includes(name) && (res.status === 404 || (res.ok && /^text\/html\b/i.test(type)))) {
    abort.abort()
    return new ArrayBuffer(0)
  }
  if (!res.ok) throw new FetchFailure({ kind: 'http', file, status: res.status })
  const bytes = await withDeadline(file, BODY_TIMEOUT_MS, abort, res.arrayBuffer())
  if (/^text\/html\b/i.test(type) || looksLikeHtml(new Uint8Array(bytes)))
    throw new FetchFailure({ kind: 'html', file })
  return bytes
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
    : { ok: false, failure: { fetch: null, issues: result.issues } }
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
    : { ok: false, failure: { fetch: null, issues: loaded.issues } }
}

function failureOf(e: unknown): BuiltInData {
  const problem: FetchProblem =
    e instanceof FetchFailure ? e.problem : { kind: 'internal', file: '', detail: errorText(e) }
  return { ok: false, failure: { fetch: problem, issues: [] } }
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
 * runs, the page parses them itself. Never rejects and never hangs on a server that does not answer: a failure says
 * which file and what is wrong.
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
      return failureOf(e)
    }
    const inWorker = worker ? await parseInWorker(worker, files).catch(() => null) : null
    return inWorker ?? (await parseHere(files))
  } catch (e) {
    return failureOf(e)
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
