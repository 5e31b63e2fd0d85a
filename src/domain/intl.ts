import type { Locale } from '../types/locale'

// Intl objects are costly to construct (the first one also loads the locale's data), and formatting code runs for
// every label of every chart. Each distinct (locale, options) is built once, on first use, and then reused.

const numberFormats = new Map<string, Intl.NumberFormat>()
const collators = new Map<string, Intl.Collator>()
const listFormats = new Map<string, Intl.ListFormat>()

function cached<T>(cache: Map<string, T>, locale: string, options: object, make: () => T): T {
  const key = `${locale}|${JSON.stringify(options)}`
  let value = cache.get(key)
  if (value === undefined) {
    value = make()
    cache.set(key, value)
  }
  return value
}

/** `new Intl.NumberFormat(locale, options)`, built once per locale and options. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options))
}

/** `new Intl.Collator(locale, options)`, built once per locale and options. */
export function collator(locale: string, options: Intl.CollatorOptions = {}): Intl.Collator {
  return cached(collators, locale, options, () => new Intl.Collator(locale, options))
}

/** `new Intl.ListFormat(locale, options)`, built once per locale and options. */
export function listFormat(locale: string, options: Intl.ListFormatOptions = {}): Intl.ListFormat {
  return cached(listFormats, locale, options, () => new Intl.ListFormat(locale, options))
}

/** Something named in both languages (a district, an indicator, a basis). */
export interface NamedInBoth {
  nameZh: string
  nameEn: string
}

/** Its name in the language: nameEn in English, nameZh in Chinese. */
export function localName(named: NamedInBoth, locale: Locale): string {
  return locale === 'en' ? named.nameEn : named.nameZh
}

/** A zh/en text pair in the language, for optional English (note_en, change_en): the Chinese when there is no English. */
export function localText(zh: string, en: string, locale: Locale): string {
  return locale === 'en' ? en || zh : zh
}
