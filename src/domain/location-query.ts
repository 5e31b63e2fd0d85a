import type { QueryLike } from './filter-query'

/** A location's query string as a record; a key given more than once keeps every value, in order. */
export function parseSearch(search: string): QueryLike {
  const out: Record<string, string | string[]> = {}
  for (const [key, value] of new URLSearchParams(search)) {
    const seen = out[key]
    out[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value]
  }
  return out
}

// Left as they are so that a pasted link stays readable (districts=xiaoshan,fuyang); all are legal in a query.
const READABLE = { '%2C': ',', '%3A': ':', '%40': '@', '%2F': '/' } as const

function encodePart(text: string): string {
  return encodeURIComponent(text).replace(
    /%2C|%3A|%40|%2F/gi,
    (m) => READABLE[m.toUpperCase() as keyof typeof READABLE],
  )
}

/** The query string for a record, `?` included; empty when there is nothing to say. Keys keep their order. */
export function formatSearch(query: Readonly<Record<string, string>>): string {
  const parts = Object.entries(query).map(([key, value]) => `${encodePart(key)}=${encodePart(value)}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

/** The parts of a location that a query change rewrites. */
export interface LocationParts {
  pathname: string
  search: string
  hash: string
}

/** The URL that shows `query` at `current` (path and hash kept), or null when it is the URL already. */
export function locationUrl(current: LocationParts, query: Readonly<Record<string, string>>): string | null {
  const next = `${current.pathname}${formatSearch(query)}${current.hash}`
  return next === `${current.pathname}${current.search}${current.hash}` ? null : next
}
