import type { Basis, Metric, Source } from '../types/domain'
import type { Locale } from '../types/locale'
import { localName } from './intl'

/**
 * How a footnote names a report: its label (which names the district and publisher), else its publisher and title,
 * else its title, in the reader's language.
 */
export function sourceLabel(s: Source, locale: Locale): string {
  const zh = s.labelZh || [s.publisher, s.titleZh].filter(Boolean).join(' ')
  if (locale !== 'en') return zh
  const en = s.labelEn || [s.publisherEn, s.titleEn].filter(Boolean).join(', ')
  return en || zh
}

/** An import as a credit names it: its name in the app and the file it came from. */
export interface ImportCredit {
  id: string
  name: string
  fileName: string
}

/** Translated wording of credits. */
export interface CreditLabels {
  /** An imported figure that names a report: e.g. (source, file) => `${source}（导入：${file}）`. */
  imported: (source: string, file: string) => string
  /** An imported figure that names no report: e.g. file => `导入：${file}`. */
  importedOnly: (file: string) => string
}

/** How an import is named in a credit: its file name, with the name it was given when that differs from the file's. */
export function importName(d: ImportCredit): string {
  const stem = d.fileName.replace(/\.(csv|txt)$/i, '')
  return d.name && d.name !== stem && d.fileName ? `${d.name} · ${d.fileName}` : d.fileName || d.name
}

/**
 * Who a figure is credited to: the report (district and publisher, by sourceLabel) or the free text the row gives,
 * and for a figure from an import that import as well, so a slide never passes an imported figure off as the report's.
 */
export function figureCredit(
  m: Pick<Metric, 'source' | 'dataset'>,
  sources: readonly Source[],
  imports: readonly ImportCredit[],
  locale: Locale,
  labels: CreditLabels,
): string {
  const s = sources.find((x) => x.id === m.source)
  const report = s ? sourceLabel(s, locale) : m.source.trim()
  const d = m.dataset === 'builtin' ? undefined : imports.find((x) => x.id === m.dataset)
  if (!d) return report
  const file = importName(d)
  return report ? labels.imported(report, file) : labels.importedOnly(file)
}

/** A basis key's short name in the reader's language; `fallback` for the empty key (the indicator as defined), the key itself when unknown. */
export function basisName(bases: readonly Basis[], id: string, locale: Locale, fallback: string): string {
  if (id === '') return fallback
  const b = bases.find((x) => x.id === id)
  return b ? localName(b, locale) : id
}
