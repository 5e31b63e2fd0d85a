/** A known id and the names it may be recognised by. */
export interface SuggestCandidate {
  id: string
  names: readonly string[]
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  if (a.length === 0) return b.length
  if (b.length === 0) return a.length
  let prevPrev: number[] = []
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (prevPrev[j - 2] ?? 0) + 1)
      row.push(best)
    }
    prevPrev = prev
    prev = row
  }
  return prev[b.length] ?? 0
}

/** Length of the longest substring two strings share. */
export function longestCommonSubstring(a: string, b: string): number {
  let best = 0
  let prev = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0)
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        const run = (prev[j - 1] ?? 0) + 1
        row[j] = run
        if (run > best) best = run
      }
    }
    prev = row
  }
  return best
}

const tokens = (text: string): string[] => text.split(/[_\-\s]+/).filter((t) => t.length >= 3)

/**
 * The known ids closest to an unknown one, best first: an exact name match, then small edit distance,
 * shared substrings or shared words. At most `max`; empty when nothing is close.
 */
export function suggestIds(input: string, candidates: readonly SuggestCandidate[], max = 3): string[] {
  const query = input.trim().toLowerCase()
  if (query === '') return []
  const queryTokens = tokens(query)
  const scored: Array<{ id: string; score: number }> = []
  for (const candidate of candidates) {
    const id = candidate.id.toLowerCase()
    const names = candidate.names.map((n) => n.toLowerCase()).filter((n) => n !== '')
    if (names.includes(query)) {
      scored.push({ id: candidate.id, score: -1000 })
      continue
    }
    const distance = editDistance(query, id)
    const shared = longestCommonSubstring(query, id)
    const sharedTokens = queryTokens.filter((t) => tokens(id).includes(t)).length
    const inName = names.some((n) => n.includes(query) || (query.length >= 2 && query.includes(n)))
    const close = distance <= Math.max(2, Math.floor(Math.max(query.length, id.length) / 3))
    // A shared run must be most of the id, or "number" would suggest "members".
    const overlaps = shared >= Math.max(4, Math.ceil(id.length * 0.6))
    if (!close && !overlaps && sharedTokens === 0 && !inName) continue
    scored.push({ id: candidate.id, score: distance - shared * 0.5 - sharedTokens * 2 - (inName ? 5 : 0) })
  }
  scored.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
  return scored.slice(0, max).map((s) => s.id)
}
