import type { Basis, Source } from '../types/domain'
import type { Locale } from '../types/locale'
import { localName } from './intl'

/** How a footnote names a report: its label (which names the district), else its title, in the reader's language. */
export function sourceLabel(s: Source, locale: Locale): string {
  return locale === 'en' ? s.labelEn || s.titleEn || s.labelZh || s.titleZh : s.labelZh || s.titleZh
}

/** A basis key's short name in the reader's language; `fallback` for the empty key (the indicator as defined), the key itself when unknown. */
export function basisName(bases: readonly Basis[], id: string, locale: Locale, fallback: string): string {
  if (id === '') return fallback
  const b = bases.find((x) => x.id === id)
  return b ? localName(b, locale) : id
}
