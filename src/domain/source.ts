import type { Source } from '../types/domain'
import type { Locale } from './format'

/** How a footnote names a report: its label (which names the district), else its title, in the reader's language. */
export function sourceLabel(s: Source, locale: Locale): string {
  return locale === 'en' ? s.labelEn || s.titleEn || s.labelZh || s.titleZh : s.labelZh || s.titleZh
}
