import { BUILT_IN_NAMES, type BuiltInName } from '../types/domain'
import { EMBEDDED_DATA_ID, parseEmbeddedData, withEmbeddedData, type EmbeddedData } from './offline-html'

let cached: EmbeddedData | null | undefined
let selfTemplate: string | null = null

/** The data block of this page when it is an offline copy; null otherwise. */
export function readEmbeddedData(): EmbeddedData | null {
  if (cached === undefined)
    cached =
      typeof document === 'undefined' ? null : parseEmbeddedData(document.getElementById(EMBEDDED_DATA_ID)?.textContent)
  return cached
}

/** This offline copy's own page without its data (captured before the app mounted); null in the online build. */
export function offlineSelfTemplate(): string | null {
  return selfTemplate
}

const isBuiltInName = (name: string): name is BuiltInName => (BUILT_IN_NAMES as readonly string[]).includes(name)

/** The built-in file a request is for (`…/data/metrics.csv?x`), or null. */
export function builtInNameOf(url: string): BuiltInName | null {
  const name = /(?:^|\/)data\/([a-z]+)\.csv(?:[?#].*)?$/.exec(url)?.[1] ?? ''
  return isBuiltInName(name) ? name : null
}

/**
 * Offline build only, before the app starts: keeps a copy of the page (for "download offline copy" from this copy)
 * and answers the app's requests for data/*.csv from the data block, since file:// pages cannot fetch files.
 */
export function installEmbeddedData(): void {
  selfTemplate = withEmbeddedData(`<!doctype html>\n${document.documentElement.outerHTML}\n`, null)
  const data = readEmbeddedData()
  if (!data) return
  const original = globalThis.fetch.bind(globalThis)
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const name = builtInNameOf(url)
    if (!name) return original(input, init)
    return Promise.resolve(
      new Response(data.builtIn[name], { status: 200, headers: { 'Content-Type': 'text/csv; charset=utf-8' } }),
    )
  }
}
