import { shallowRef, watch, type ShallowRef } from 'vue'

/** A report's text fetched from beside the data is given this long before the panel stops waiting. */
const TIMEOUT_MS = 10_000

// One fetch per report for the page's lifetime: reopening the panel does not fetch again.
const cache = new Map<string, Promise<string | null>>()

/** The text at `url` (relative to the site), or null on any failure: absent, an error, a web page, a timeout. */
function fetchReport(url: string): Promise<string | null> {
  let found = cache.get(url)
  if (!found) {
    const abort = new AbortController()
    const timer = setTimeout(() => abort.abort(), TIMEOUT_MS)
    found = fetch(`${import.meta.env.BASE_URL}${url}`, { signal: abort.signal })
      .then(async (r) => {
        // A server without the file may answer with the app's own page: only plain text is a report.
        if (!r.ok || /html/i.test(r.headers.get('content-type') ?? '')) return null
        return await r.text()
      })
      .catch(() => null)
      .finally(() => clearTimeout(timer))
    cache.set(url, found)
  }
  return found
}

/**
 * The full text of a report when the deployment ships it beside the data (reports/<source id>.txt, not shipped by
 * default); null while it loads and whenever it cannot be had, so the panel just leaves that part out.
 */
export function useReportText(url: () => string | null): ShallowRef<string | null> {
  const text = shallowRef<string | null>(null)
  let run = 0
  watch(
    url,
    async (next) => {
      const own = ++run
      text.value = null
      if (!next) return
      const got = await fetchReport(next)
      if (own === run) text.value = got
    },
    { immediate: true },
  )
  return text
}
