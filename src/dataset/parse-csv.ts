import Papa from 'papaparse'
import type { CsvEncoding, ValidationIssue } from '../types/validation'

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

function fileIssue(code: string, message: string, messageZh: string): ValidationIssue {
  return { severity: 'error', code, line: 0, column: '', message, messageZh }
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b)
}

/** Recognises a few binary formats people drop by mistake, to name them in the message. */
function sniffBinary(bytes: Uint8Array): ValidationIssue | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) {
    return fileIssue(
      'encoding-binary',
      'the file is a PNG image, not CSV text; expected a CSV file in UTF-8 or GB18030',
      '该文件是 PNG 图片，不是 CSV 文本；应为 UTF-8 或 GB18030 编码的 CSV 文件',
    )
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return fileIssue(
      'encoding-binary',
      'the file is an Excel workbook or other archive, not CSV text; in Excel use Save As → "CSV UTF-8 (Comma delimited)"',
      '该文件是 Excel 工作簿或其他压缩文件，不是 CSV 文本；请在 Excel 中“另存为”→“CSV UTF-8（逗号分隔）”',
    )
  }
  return null
}

const UTF16_ISSUE = fileIssue(
  'encoding-utf16',
  'the file is encoded as UTF-16, which is not supported; save it as "CSV UTF-8 (Comma delimited)" or plain CSV',
  '文件为 UTF-16 编码，不受支持；请另存为“CSV UTF-8（逗号分隔）”或普通 CSV',
)

const BINARY_ISSUE = fileIssue(
  'encoding-binary',
  'the file is not text (it contains binary data such as NUL bytes); expected a CSV file in UTF-8 or GB18030',
  '该文件不是文本（含有 NUL 字节等二进制数据）；应为 UTF-8 或 GB18030 编码的 CSV 文件',
)

function mixedEncodingIssue(change: EncodingChange): ValidationIssue {
  const [before, after] = change.from === 'utf-8' ? ['UTF-8', 'GB18030 (GBK)'] : ['GB18030 (GBK)', 'UTF-8']
  return {
    severity: 'error',
    code: 'encoding-mixed',
    line: change.line,
    column: '',
    message: `the file mixes two encodings: the lines before this one are ${before}, this line is ${after}, so its Chinese text would be garbled; save the whole file again in one encoding, such as "CSV UTF-8"`,
    messageZh: `文件混用了两种编码：此前各行为 ${before}，从此行起为 ${after}，中文会变成乱码；请将整个文件重新保存为同一种编码，如“CSV UTF-8”`,
  }
}

// A server that answers a missing file with its home page, or a page saved from the browser.
const HTML_ISSUE = fileIssue(
  'encoding-html',
  'the file is a web page (HTML), not CSV text; a server may have sent a page instead of the file',
  '该文件是网页（HTML），不是 CSV 文本；可能是服务器返回了网页而不是所需的文件',
)

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
        issue: fileIssue(
          'encoding-invalid',
          'the file starts with a UTF-8 byte order mark but is not valid UTF-8; save it again as "CSV UTF-8"',
          '文件以 UTF-8 BOM 开头，但内容不是有效的 UTF-8；请重新另存为“CSV UTF-8”',
        ),
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
        issue: fileIssue(
          'encoding-invalid',
          'the file is neither UTF-8 nor GB18030 text; save it as "CSV UTF-8 (Comma delimited)"',
          '文件既不是 UTF-8 也不是 GB18030 文本；请另存为“CSV UTF-8（逗号分隔）”',
        ),
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

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

function isBlankRow(row: string[]): boolean {
  for (const field of row) if (field.trim() !== '') return false
  return true
}

function quoteIssue(code: string, line: number, column: string): ValidationIssue {
  const where = column ? ` in column "${column}"` : ''
  const whereZh = column ? `（列“${column}”）` : ''
  return code === 'MissingQuotes'
    ? {
        severity: 'error',
        code: 'quote-unterminated',
        line,
        column,
        message: `a quoted field${where} is never closed, so the rest of the file was read into it; add the closing "`,
        messageZh: `引号字段${whereZh}没有结束引号，文件其余部分都被读入该字段；请补上结束的 "`,
      }
    : {
        severity: 'error',
        code: 'quote-malformed',
        line,
        column,
        message: `a quoted field${where} has text after its closing quote; a " inside a quoted field must be doubled ("")`,
        messageZh: `引号字段${whereZh}在结束引号后还有文字；引号字段内的 " 必须写成两个（""）`,
      }
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
        issues.push({
          severity: 'error',
          code: 'header-duplicate',
          line: rowLine,
          column: name,
          message: `column "${name}" appears more than once in the header; each column may appear only once`,
          messageZh: `表头中列“${name}”出现多次；每列只能出现一次`,
        })
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
        const hint =
          row.length > keys.length
            ? '; a field containing a comma (such as 1,234) must be quoted or written without the comma'
            : ''
        const hintZh = row.length > keys.length ? '；含逗号的字段（如 1,234）需用双引号括起或去掉逗号' : ''
        issues.push({
          severity: 'error',
          code: 'field-count',
          line: rowLine,
          column: '',
          message: `the line has ${plural(row.length, 'field')} but the header has ${plural(keys.length, 'column')}${hint}`,
          messageZh: `该行有 ${row.length} 个字段，但表头有 ${keys.length} 列${hintZh}`,
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
    issues.push({
      severity: 'error',
      code: 'empty-file',
      line: 0,
      column: '',
      message: 'the file is empty; expected a header row followed by data rows',
      messageZh: '文件为空；应包含表头行和数据行',
    })
  } else if (dataRows === 0) {
    issues.push({
      severity: 'error',
      code: 'no-data-rows',
      line: state.headerLine,
      column: '',
      message: 'the file has a header but no data rows',
      messageZh: '文件只有表头，没有数据行',
    })
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
