import type { Locale } from '../types/locale'

/** Punctuation that differs between Chinese and English text. */
export type Mark = 'sentence' | 'clause' | 'comma' | 'colon' | 'enumeration'

const MARKS: Record<Locale, Record<Mark, string>> = {
  'zh-CN': { sentence: '。', clause: '；', comma: '，', colon: '：', enumeration: '、' },
  en: { sentence: '. ', clause: '; ', comma: ', ', colon: ': ', enumeration: ', ' },
}

// A part that already ends a sentence needs no second full stop.
const ENDS_SENTENCE = /[。！？.!?]$/

/** A mark as the language writes it between two parts (Chinese marks are full width, English ones take a space). */
export function mark(kind: Mark, locale: Locale): string {
  return MARKS[locale][kind]
}

/** Joins the non-empty parts with a mark of the language: ['萧山', '西湖'] → '萧山、西湖' or 'Xiaoshan, Xihu'. */
export function joinWith(parts: ReadonlyArray<string | null | undefined>, kind: Mark, locale: Locale): string {
  return parts.filter((p): p is string => !!p).join(mark(kind, locale))
}

/**
 * Parts read as consecutive sentences, e.g. a chart's title and its takeaway in an aria-label:
 * '会员人数。萧山最多' or 'Members. Xiaoshan has the most' — never a Chinese full stop in English.
 */
export function joinSentences(parts: ReadonlyArray<string | null | undefined>, locale: Locale): string {
  const shown = parts.map((p) => p?.trim()).filter((p): p is string => !!p)
  const stop = mark('sentence', locale)
  return shown
    .map((p, i) => {
      if (i === shown.length - 1) return p
      if (!ENDS_SENTENCE.test(p)) return p + stop
      return locale === 'en' ? `${p} ` : p
    })
    .join('')
}
