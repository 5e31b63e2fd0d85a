import Papa from 'papaparse'
import type { CsvEncoding, IssueCode, IssueOf, IssueParamsByCode, ValidationIssue } from '../types/validation'

/** One data row as parsed: untyped fields keyed by the trimmed, lower-cased header name. */
export interface CsvRecord {
  /** Physical line the record starts on (1-based, header is line 1). */
  line: number
  fields: Record<string, unknown>
}

/** The untyped result of parsing CSV text; validators narrow it into typed rows. */
export interface ParsedCsv {
  /** Header names, trimmed and lower-cased, in file order. */
  header: string[]
  /** Physical line of the header (0 when the file has none). */
  headerLine: number
  records: CsvRecord[]
  issues: ValidationIssue[]
}

/** Decoded text and the encoding it was found in, or why the bytes are not a CSV text file. */
export type DecodeResult = { ok: true; text: string; encoding: CsvEncoding } | { ok: false; issue: ValidationIssue }

/** Options for parseCsvText. */
export interface ParseCsvOptions {
  /** Called every few thousand rows with (characters parsed, characters total). */
  onProgress?: (done: number, total: number) => void
}

const PROGRESS_EVERY = 8192
// More control characters than this share of the text means it is not a text file.
const CONTROL_SHARE = 0.01
const CONTROL_SAMPLE = 65536

/** An issue of the whole file (line 0): it could not be read as CSV text at all. */
function fileIssue<C extends IssueCode>(code: C, params: IssueParamsByCode[C]): IssueOf<C> {
  return { severity: 'error', code, line: 0, column: '', params }
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b)
}

/** Recognises a few binary formats people drop by mistake, to name them in the message. */
function sniffBinary(bytes: Uint8Array): ValidationIssue | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return fileIssue('encoding-binary', { format: 'png' })
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    return fileIssue('encoding-binary', { format: 'archive' })
  return null
}

const UTF16_ISSUE = fileIssue('encoding-utf16', {})

const BINARY_ISSUE = fileIssue('encoding-binary', { format: 'binary' })

function mixedEncodingIssue(change: EncodingChange): ValidationIssue {
  return { severity: 'error', code: 'encoding-mixed', line: change.line, column: '', params: { from: change.from } }
}

// A server that answers a missing file with its home page, or a page saved from the browser.
const HTML_ISSUE = fileIssue('encoding-html', {})

/** NUL bytes mostly at odd (LE) or even (BE) offsets mean UTF-16 text without a BOM. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1
  if (n < 2) return false
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++
    if (bytes[i + 1] === 0) oddZeros++
  }
  const pairs = n / 2
  return (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) || (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05)
}

function tooManyControls(text: string): boolean {
  const length = Math.min(text.length, CONTROL_SAMPLE)
  let controls = 0
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i)
    // C0 controls other than tab, LF, VT, FF and CR, plus DEL.
    if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0x7f) controls++
  }
  return controls > length * CONTROL_SHARE
}

const LF = 0x0a
const CR = 0x0d
const QUOTE = 0x22

/**
 * The row separator of CSV text or bytes: the first line break outside quotes decides. A lone CR (old Mac Excel) makes
 * CR the separator, so an LF inside a quoted cell stays in the cell; CRLF and LF both split on LF (the CR is trimmed).
 */
export function rowSeparatorOf(length: number, codeAt: (i: number) => number): '\n' | '\r' {
  let quoted = false
  for (let i = 0; i < length; i++) {
    const c = codeAt(i)
    if (c === QUOTE) quoted = !quoted
    else if (!quoted && c === LF) return '\n'
    else if (!quoted && c === CR) return codeAt(i + 1) === LF ? '\n' : '\r'
  }
  return '\n'
}

/** Length of the valid UTF-8 sequence starting at bytes[i] (a non-ASCII lead), or 0 when there is none. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i] ?? 0
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const c = bytes[i + k]
    return c !== undefined && c >= lo && c <= hi
  }
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80
    const hi = b === 0xed ? 0x9f : 0xbf
    return cont(1, lo, hi) && cont(2) ? 3 : 0
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80
    const hi = b === 0xf4 ? 0x8f : 0xbf
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0
  }
  return 0
}

/** Where a file that is not UTF-8 throughout changes between UTF-8 lines and lines in another encoding. */
export interface EncodingChange {
  /** Physical line (1-based) where the second encoding starts. */
  line: number
  /** The encoding of the lines before it. */
  from: 'utf-8' | 'gb18030'
}

/**
 * Finds the first line whose encoding differs from the lines before it: lines that are not valid UTF-8 count as
 * GB18030; lines that are valid UTF-8 and hold a three-byte CJK character count as UTF-8 (GBK bytes almost never
 * form one); pure ASCII lines count as either. Null when the file keeps to one encoding.
 */
export function findEncodingChange(bytes: Uint8Array): EncodingChange | null {
  const separator = rowSeparatorOf(bytes.length, (i) => bytes[i] ?? 0) === '\r' ? CR : LF
  let first: EncodingChange['from'] | null = null
  let line = 1
  let invalid = false
  let cjk = false
  const endLine = (): EncodingChange | null => {
    const kind = invalid ? 'gb18030' : cjk ? 'utf-8' : null
    invalid = false
    cjk = false
    if (kind === null) return null
    if (first === null) first = kind
    return kind === first ? null : { line, from: first }
  }
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] ?? 0
    if (b < 0x80) {
      if (b === separator) {
        const change = endLine()
        if (change) return change
        line++
      }
      i++
      continue
    }
    const size = utf8SequenceAt(bytes, i)
    if (size === 0) {
      invalid = true
      i++
      continue
    }
    // Three-byte sequences from U+3000 (CJK punctuation, kana, ideographs, full-width forms): E3 80 80 and up.
    if (size === 3 && b >= 0xe3) cjk = true
    i += size
  }
  return endLine()
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

/**
 * Decodes CSV bytes: UTF-8 with or without BOM, else GB18030 (what Excel on Chinese Windows saves as "CSV").
 * UTF-16 and binary data are rejected with an issue naming the problem.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodeResult {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return { ok: false, issue: UTF16_ISSUE }
  const known = sniffBinary(bytes)
  if (known) return { ok: false, issue: known }
  if (bytes.indexOf(0) !== -1) return { ok: false, issue: looksLikeUtf16(bytes) ? UTF16_ISSUE : BINARY_ISSUE }

  let result: DecodeResult
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = tryDecode('utf-8', bytes.subarray(3))
    if (text === null) {
      const change = findEncodingChange(bytes.subarray(3))
      if (change) return { ok: false, issue: mixedEncodingIssue(change) }
      return {
        ok: false,
        issue: fileIssue('encoding-invalid', { bom: true }),
      }
    }
    result = { ok: true, text, encoding: 'utf-8-bom' }
  } else {
    const utf8 = tryDecode('utf-8', bytes)
    // Not UTF-8 throughout: UTF-8 rows appended to a GBK file still decode as GB18030, garbled (萧山区 → 钀у北鍖).
    const change = utf8 === null ? findEncodingChange(bytes) : null
    if (change) return { ok: false, issue: mixedEncodingIssue(change) }
    const text = utf8 ?? tryDecode('gb18030', bytes)
    if (text === null) {
      return {
        ok: false,
        issue: fileIssue('encoding-invalid', { bom: false }),
      }
    }
    result = { ok: true, text, encoding: utf8 === null ? 'gb18030' : 'utf-8' }
  }
  if (tooManyControls(result.text)) return { ok: false, issue: BINARY_ISSUE }
  if (/^\s*<(?:!doctype\s+html|html[\s>])/i.test(result.text.slice(0, 512))) return { ok: false, issue: HTML_ISSUE }
  return result
}

/** Counts line breaks in text[from, to). */
function countBreaks(text: string, newline: string, from: number, to: number): number {
  let count = 0
  let at = text.indexOf(newline, from)
  while (at !== -1 && at < to) {
    count++
    at = text.indexOf(newline, at + 1)
  }
  return count
}

/** Index of the field that starts at `fieldStart`, counting commas outside quotes from the row start. */
function fieldIndexAt(text: string, rowStart: number, fieldStart: number): number {
  let index = 0
  let quoted = false
  for (let i = rowStart; i < fieldStart; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) quoted = !quoted
    else if (c === 0x2c && !quoted) index++
  }
  return index
}

function isBlankRow(row: string[]): boolean {
  for (const field of row) if (field.trim() !== '') return false
  return true
}

function quoteIssue(code: string, line: number, column: string): ValidationIssue {
  const problem = code === 'MissingQuotes' ? 'quote-unterminated' : 'quote-malformed'
  return { severity: 'error', code: problem, line, column, params: {} }
}

/** Receives what streamCsvText finds, in file order. */
export interface CsvSink {
  /** Called once, before any record, with the trimmed lower-cased names and the header's line. */
  header(header: string[], line: number): void
  record(record: CsvRecord): void
  issue(issue: ValidationIssue): void
}

/**
 * Parses CSV text and hands each record to the sink as soon as it is read, so a caller can validate
 * a million rows without holding them all (what loadMetricsCsv does). parseCsvText collects the same.
 */
export function streamCsvText(text: string, sink: CsvSink, opts: ParseCsvOptions = {}): void {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  // Splitting on LF alone also handles CRLF (the CR is trimmed below) and files mixing both; CR-only files split on CR.
  const newline = rowSeparatorOf(input.length, (i) => input.charCodeAt(i))
  const issues = { push: (issue: ValidationIssue): void => sink.issue(issue) }
  // An object, not a `let`, so TypeScript does not narrow it to null across the step callback.
  const state: { header: string[] | null; keys: Array<string | null>; headerLine: number } = {
    header: null,
    keys: [],
    headerLine: 0,
  }
  let line = 1
  let prevCursor = 0
  let dataRows = 0
  let steps = 0
  const { onProgress } = opts

  const columnName = (index: number): string => (state.header ? (state.header[index] ?? '') : '')
  const readHeader = (row: string[], rowLine: number): void => {
    const header = row.map((name) => name.trim().toLowerCase())
    const seen = new Set<string>()
    state.header = header
    state.headerLine = rowLine
    state.keys = header.map((name) => {
      if (name === '' || name === '__proto__') return null
      if (seen.has(name)) {
        issues.push({ severity: 'error', code: 'header-duplicate', line: rowLine, column: name, params: {} })
        return null
      }
      seen.add(name)
      return name
    })
    sink.header(header, rowLine)
  }

  Papa.parse<string[]>(input, {
    delimiter: ',',
    newline,
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step(results) {
      const row = results.data
      const cursor = results.meta.cursor
      const rowLine = line
      const rowStart = prevCursor
      line += countBreaks(input, newline, prevCursor, cursor)
      prevCursor = cursor
      if (onProgress && ++steps % PROGRESS_EVERY === 0) onProgress(cursor, input.length)

      const lastIndex = row.length - 1
      const last = row[lastIndex]
      if (last !== undefined && last.endsWith('\r')) row[lastIndex] = last.slice(0, -1)

      const quoteError = results.errors.find((e) => e.type === 'Quotes')
      if (quoteError) {
        const fieldStart = Math.max(rowStart, (quoteError.index ?? rowStart + 1) - 1)
        const errorLine = rowLine + countBreaks(input, newline, rowStart, fieldStart)
        if (state.header === null) readHeader(row, rowLine)
        else dataRows++
        issues.push(quoteIssue(quoteError.code, errorLine, columnName(fieldIndexAt(input, rowStart, fieldStart))))
        return
      }
      if (isBlankRow(row)) return
      if (state.header === null) {
        readHeader(row, rowLine)
        return
      }

      dataRows++
      const keys = state.keys
      if (row.length !== keys.length) {
        issues.push({
          severity: 'error',
          code: 'field-count',
          line: rowLine,
          column: '',
          params: { fields: row.length, columns: keys.length },
        })
        return
      }
      const fields: Record<string, unknown> = {}
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]
        if (key) fields[key] = row[i]
      }
      sink.record({ line: rowLine, fields })
    },
  })
  onProgress?.(input.length, input.length)

  if (state.header === null) {
    issues.push({ severity: 'error', code: 'empty-file', line: 0, column: '', params: {} })
  } else if (dataRows === 0) {
    issues.push({ severity: 'error', code: 'no-data-rows', line: state.headerLine, column: '', params: {} })
  }
}

/**
 * Parses CSV text (RFC 4180, comma separated, LF, CRLF or CR) into untyped records with physical line numbers.
 * Blank lines are skipped; quote errors, field-count mismatches and a missing header or data are issues.
 */
export function parseCsvText(text: string, opts: ParseCsvOptions = {}): ParsedCsv {
  const parsed: ParsedCsv = { header: [], headerLine: 0, records: [], issues: [] }
  streamCsvText(
    text,
    {
      header(header, line) {
        parsed.header = header
        parsed.headerLine = line
      },
      record: (record) => parsed.records.push(record),
      issue: (issue) => parsed.issues.push(issue),
    },
    opts,
  )
  return parsed
}
