import type { Locale } from '../types/locale'

// Windows forbids these in file names; control characters (C0, DEL, C1) are unsafe everywhere, and bidi controls
// (U+061C, U+200E/F, U+202A–E, U+2066–9) can make 'gpj.exe' read as 'exe.jpg'.
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i
const MAX_PART = 80
// Common file systems allow 255 bytes; the stem stays well below, leaving room for '01_', ' (2)' and the extension.
const MAX_STEM_BYTES = 160
// Past this many districts, or this many characters of their names, the name gives their number instead.
const MAX_LISTED_DISTRICTS = 5
const MAX_DISTRICTS_PART = 40

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
  /** The year, the translated word for "each district's latest figure" ('最新' / 'latest'), or a span ('2019-2025'). */
  yearText: string
  /** What else the figures are ('含累计' when multi-year totals are in), after the year. */
  qualifiers?: readonly string[]
  /** Short names of the selected districts, in order. */
  districts: readonly string[]
  /** What stands for the districts when they are too many to list ('13个区', '13 districts'). */
  districtSummary?: string
  /** Pixel ratio of an image ('@2x', '@3x'), so the two sizes of one chart never share a name. */
  scale?: number
  /** Without the dot: 'png', 'svg', 'csv'… */
  extension: string
}

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length

/** The longest start of `text`, whole characters, that fits in `maxBytes` of UTF-8. */
export function capUtf8Bytes(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text
  let out = ''
  let bytes = 0
  for (const ch of text) {
    const size = utf8Bytes(ch)
    if (bytes + size > maxBytes) break
    out += ch
    bytes += size
  }
  return out
}

function districtsPart(name: ExportFileName): string {
  const listed = name.districts
    .map((d) => sanitizeFileNamePart(d))
    .filter(Boolean)
    .join('-')
  const summary = sanitizeFileNamePart(name.districtSummary ?? '')
  const tooMany = name.districts.length > MAX_LISTED_DISTRICTS || [...listed].length > MAX_DISTRICTS_PART
  return tooMany && summary ? summary : [...listed].slice(0, MAX_DISTRICTS_PART).join('')
}

/**
 * `subject_year_qualifiers_districts@scale.ext`, e.g. '新建基层工会_2024_含累计_萧山-西湖-钱塘-富阳@2x.png'; empty parts
 * are left out, many districts are summed up ('13个区'), and the name stays within a safe number of bytes.
 */
export function buildExportFileName(name: ExportFileName): string {
  const parts = [
    sanitizeFileNamePart(name.subject),
    sanitizeFileNamePart(name.yearText),
    ...(name.qualifiers ?? []).map((q) => sanitizeFileNamePart(q)),
    districtsPart(name),
  ].filter(Boolean)
  const ext = name.extension.replace(/[^a-z0-9]/gi, '').toLowerCase()
  const scale =
    name.scale !== undefined && Number.isFinite(name.scale) && name.scale > 0 ? `@${Math.round(name.scale)}x` : ''
  const stem = capUtf8Bytes(parts.join('_'), MAX_STEM_BYTES).replace(/[. _-]+$/, '')
  return `${stem || 'export'}${scale}.${ext}`
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
