/** Width in px of a text at a font size; the browser passes a canvas measurer, tests a deterministic one. */
export type MeasureText = (text: string, fontSize: number, bold: boolean) => number

// Full-width (CJK, kana, hangul, full-width forms) characters are one em wide in every CJK font.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u

/** A deliberately generous width estimate (wide 1em, other 0.62em): wrapping by it never overflows. */
export function estimateTextWidth(text: string, fontSize: number, bold: boolean): number {
  let em = 0
  for (const ch of text) em += WIDE.test(ch) ? 1 : 0.62
  return em * fontSize * (bold ? 1.05 : 1)
}

// Chinese line-breaking rules (GB/T 15834 and the W3C's clreq, like Japanese kinsoku): closing and pause
// punctuation never starts a line, opening punctuation never ends one.
const NO_LINE_START = new Set([...'）)］]｝}〕〉》」』】〙〗〞’”｠»›', ...'、。，．,.：:；;！!？?', ...'…‥·・～%％‰℃'])
const NO_LINE_END = new Set([...'（(［[｛{〔〈《「『【〘〖〝‘“｟«‹'])
// How many tokens a break may move back to obey the rules; past that the line would look ragged, so it breaks as is.
const MAX_CARRY = 3

/** Whether a line may break between two tokens under the Chinese line-breaking rules. */
export function mayBreakBetween(before: string, after: string): boolean {
  const last = [...before.trimEnd()].pop()
  const first = [...after.trimStart()][0]
  if (first !== undefined && NO_LINE_START.has(first)) return false
  if (last !== undefined && NO_LINE_END.has(last)) return false
  return true
}

/**
 * Splits text into lines no wider than maxWidth: Latin words stay whole when they fit, CJK breaks between any two
 * characters except where the Chinese rules forbid it (no line starts with ），。、：；！？」》, none ends with （「《):
 * there the break moves back a character or two.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  bold = false,
  measure: MeasureText = estimateTextWidth,
): string[] {
  const fits = (s: string): boolean => measure(s.trimEnd(), fontSize, bold) <= maxWidth
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    // Tokens: one wide character, or a run of other characters with the spaces after it.
    const tokens = paragraph.match(/[^\s\u2e80-\uffff]+\s*|\s+|./gu) ?? []
    let line: string[] = []
    const push = (parts: readonly string[]): void => {
      lines.push(parts.join('').trimEnd())
    }
    for (const token of tokens) {
      if (fits(line.join('') + token)) {
        line.push(token)
        continue
      }
      if (line.join('').trim() !== '') {
        // Move the break back until the rules allow it; the tokens after it start the next line.
        let k = line.length
        while (k > 1 && line.length - k < MAX_CARRY && !mayBreakBetween(line[k - 1] ?? '', line[k] ?? token)) k--
        const allowed = mayBreakBetween(line[k - 1] ?? '', line[k] ?? token)
        const carry = allowed ? line.slice(k) : []
        if (allowed && fits(carry.join('').trimStart() + token)) {
          push(line.slice(0, k))
          line = carry.length ? [carry[0]?.trimStart() ?? '', ...carry.slice(1), token] : [token.trimStart()]
          continue
        }
        push(line)
        line = []
      } else line = []
      const word = token.trimStart()
      if (fits(word)) {
        line = [word]
        continue
      }
      // A word longer than the line: break it by character.
      for (const ch of word) {
        if (line.length && !fits(line.join('') + ch)) {
          push(line)
          line = []
        }
        line.push(ch)
      }
    }
    if (line.join('').trim() !== '' || lines.length === 0 || paragraph === '') push(line)
  }
  return lines.filter((l, i, all) => l !== '' || (i > 0 && i < all.length - 1))
}
