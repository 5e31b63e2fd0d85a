// A report's text as people cite it: paragraphs (blocks of lines between blank lines), numbered from 1, and a quote
// found in them the way the data check finds it (whitespace-insensitive: reports carry hard line breaks and
// spaces inside sentences that the quotes drop). scripts/locate-quotes.ts and the provenance panel share it.

/** A report's non-empty paragraphs, in order: paragraph n is element n − 1. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
}

const squash = (s: string): string => s.replace(/\s+/g, '')

/** Where a quote stands: the paragraphs (1-based, inclusive) its first and last characters are in. */
export interface QuotePlace {
  first: number
  last: number
}

/**
 * Finds `quote` in the paragraphs whitespace-insensitively, across a paragraph break too (a page break in the
 * source can split a sentence); the first occurrence wins. Null when the quote is empty or not there.
 */
export function locateQuote(paragraphs: readonly string[], quote: string): QuotePlace | null {
  const needle = squash(quote)
  if (needle === '') return null
  const squashed = paragraphs.map(squash)
  const hit = squashed.join('').indexOf(needle)
  if (hit === -1) return null
  const paragraphAt = (offset: number): number => {
    let end = 0
    for (let i = 0; i < squashed.length; i++) {
      end += (squashed[i] as string).length
      if (offset < end) return i + 1
    }
    return squashed.length
  }
  return { first: paragraphAt(hit), last: paragraphAt(hit + needle.length - 1) }
}

/** The number (1-based) of the paragraph where `quote` begins; null when it is not found. */
export function findQuoteParagraph(paragraphs: readonly string[], quote: string): number | null {
  return locateQuote(paragraphs, quote)?.first ?? null
}

/** A run of text, marked or not: what a component renders as text nodes and <mark> elements (never as HTML). */
export interface TextPart {
  text: string
  mark: boolean
}

/**
 * Splits `text` around the first place `needle` occurs, ignoring whitespace on both sides (a paragraph may break a
 * line inside the quote); the marked part keeps the text's own spacing. One unmarked part when it does not occur.
 */
export function highlightParts(text: string, needle: string): TextPart[] {
  const wanted = squash(needle)
  if (wanted === '') return [{ text, mark: false }]
  // Map each non-space character of the text to its index, search the squashed text, map the hit back.
  const at: number[] = []
  let squashed = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (/\s/.test(ch)) continue
    at.push(i)
    squashed += ch
  }
  const hit = squashed.indexOf(wanted)
  if (hit === -1) return [{ text, mark: false }]
  const start = at[hit] as number
  const end = (at[hit + wanted.length - 1] as number) + 1
  return [
    { text: text.slice(0, start), mark: false },
    { text: text.slice(start, end), mark: true },
    { text: text.slice(end), mark: false },
  ].filter((p) => p.text !== '')
}
