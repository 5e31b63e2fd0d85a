import type { Locale } from '../domain/format'

// Windows forbids these in file names; control characters are unsafe everywhere.
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[<>:"/\\|?*\u0000-\u001f\u007f]/g
const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i
const MAX_PART = 80

/** Makes a file name part safe on Windows, macOS and Linux: illegal characters stripped, whitespace tidied, length capped. */
export function sanitizeFileNamePart(text: string, maxLength = MAX_PART): string {
  let s = text
    .replace(ILLEGAL, '')
    .replace(/\s*·\s*/g, '·')
    .replace(/\s+/g, ' ')
    .trim()
  s = [...s].slice(0, maxLength).join('')
  s = s.replace(/[. ]+$/, '').replace(/^[. ]+/, '')
  return RESERVED.test(s) ? `_${s}` : s
}

/** A district's short name: '萧山区' → '萧山' in Chinese; English names are already short ('Xiaoshan'). */
export function shortDistrictName(name: string, locale: Locale): string {
  if (locale === 'en') return name.replace(/\s+district$/i, '').trim()
  return name.length > 2 ? name.replace(/[区县市]$/, '') : name
}

/** Drops the year part of a chart title ('新建基层工会 · 2024' → '新建基层工会'): the file name states the year on its own. */
export function chartSubject(title: string, yearText: string): string {
  const parts = title
    .split(/\s*·\s*/)
    .map((p) => p.trim())
    .filter((p) => p !== '' && p !== yearText)
  return parts.join('·') || title
}

/** What a file name is made of. */
export interface ExportFileName {
  /** What the file shows: a chart's subject or a view's name. */
  subject: string
  /** The year, or the translated word for "each district's latest figure" ('最新' / 'latest'). */
  yearText: string
  /** Short names of the selected districts, in order. */
  districts: readonly string[]
  /** Without the dot: 'png', 'svg', 'csv'… */
  extension: string
}

/** `subject_year_districts.ext`, e.g. '新建基层工会_2024_萧山-西湖-钱塘-富阳.png'; empty parts are left out. */
export function buildExportFileName(name: ExportFileName): string {
  const districts = name.districts.map((d) => sanitizeFileNamePart(d)).filter(Boolean)
  const parts = [sanitizeFileNamePart(name.subject), sanitizeFileNamePart(name.yearText), districts.join('-')].filter(
    Boolean,
  )
  const ext = name.extension.replace(/[^a-z0-9]/gi, '').toLowerCase()
  return `${parts.join('_') || 'export'}.${ext}`
}

/** Makes names unique within one archive by numbering repeats: 'a.png', 'a (2).png'. */
export function uniqueFileNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return names.map((name) => {
    const key = name.toLowerCase()
    const n = (seen.get(key) ?? 0) + 1
    seen.set(key, n)
    if (n === 1) return name
    const dot = name.lastIndexOf('.')
    return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`
  })
}

/** Prefixes a page-order number so files sort as the charts appear: '01_…'. */
export function numberedFileName(index: number, count: number, name: string): string {
  const width = Math.max(2, String(count).length)
  return `${String(index + 1).padStart(width, '0')}_${name}`
}
