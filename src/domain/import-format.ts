import type { CsvEncoding } from '../types/validation'
import type { Locale } from '../types/locale'

/** Date and time of an import in the UI locale ('2025/3/4 09:05' / 'Mar 4, 2025, 09:05'). */
export function formatImportedAt(iso: string, locale: Locale, timeZone?: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).format(date)
}

/** The message key (under import.encoding) naming a file's encoding. */
export function encodingKey(encoding: CsvEncoding | null): 'utf8' | 'utf8Bom' | 'gb18030' | 'unknown' {
  switch (encoding) {
    case 'utf-8':
      return 'utf8'
    case 'utf-8-bom':
      return 'utf8Bom'
    case 'gb18030':
      return 'gb18030'
    default:
      return 'unknown'
  }
}
