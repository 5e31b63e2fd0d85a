import { isAbsolute, join, relative, resolve } from 'node:path'
import type { Catalogue } from '../src/types/domain'
import type { ValidationIssue } from '../src/types/validation'
import { loadCatalogue, validateCsvFile } from '../src/dataset/load'
import { issueMessage } from '../src/locales/issue-messages'

/** What runValidate needs from the outside world (real files and streams, or fakes in tests). */
export interface ValidateIo {
  stdout(line: string): void
  stderr(line: string): void
  /** Reads a whole file; throws (like fs.readFileSync) when it cannot. */
  readFile(path: string): Uint8Array
  /** Directory holding districts.csv, indicators.csv and sources.csv, unless --data-dir is given. */
  dataDir: string
  /** Where relative paths start: the directory the user ran the command in. */
  cwd: string
}

/** Exit codes: all valid, some file invalid, usage error or unreadable file. */
export const EXIT_OK = 0
export const EXIT_INVALID = 1
export const EXIT_USAGE = 2

const USAGE = 'usage: npm run validate -- [--data-dir DIR] FILE...'

function readError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
  if (code === 'ENOENT') return 'no such file or directory'
  if (code === 'EISDIR') return 'it is a directory'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  return error instanceof Error ? error.message : String(error)
}

function parseArgs(argv: string[]): { files: string[]; dataDir: string | null } | { error: string } {
  const files: string[] = []
  let dataDir: string | null = null
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--data-dir') {
      const next = argv[i + 1]
      if (next === undefined) return { error: '--data-dir needs a directory' }
      dataDir = next
      i++
    } else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length)
    else if (arg === '--') continue
    else if (arg.startsWith('-') && arg !== '-') return { error: `unknown option ${arg}` }
    else files.push(arg)
  }
  if (files.length === 0) return { error: 'no file given' }
  return { files, dataDir }
}

// C0 and C1 controls, DEL, the line and paragraph separators and bidi controls: a field holding them could end a
// line early and forge one ("x.csv: OK"), move the cursor (CR), send escape codes (ESC) or reorder the text.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/** Text as it may reach a terminal: every control character written as an escape (\\n, \\x1b, \\u202e). */
export function escapeControls(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => {
    const code = ch.charCodeAt(0)
    return NAMED_ESCAPES[ch] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`)
  })
}

function issueLine(file: string, issue: ValidationIssue): string {
  const where = issue.line > 0 ? `${file}:${issue.line}:` : `${file}:`
  return `${where}${issue.severity === 'warning' ? ' warning:' : ''} ${escapeControls(issueMessage(issue, 'en'))}`
}

function loadCatalogueFrom(dir: string, io: ValidateIo, show: (path: string) => string): Catalogue | number {
  const names = ['districts', 'indicators', 'sources'] as const
  const bytes: Partial<Record<(typeof names)[number], Uint8Array>> = {}
  for (const name of names) {
    const path = join(dir, `${name}.csv`)
    try {
      bytes[name] = io.readFile(path)
    } catch (error) {
      io.stderr(`${escapeControls(show(path))}: cannot read file (${escapeControls(readError(error))})`)
      return EXIT_USAGE
    }
  }
  // bases.csv and boundaries.csv are optional: a data folder from before they existed has none.
  const optional = (name: string): Uint8Array | undefined => {
    try {
      return io.readFile(join(dir, `${name}.csv`))
    } catch {
      return undefined
    }
  }
  const result = loadCatalogue({
    districts: bytes.districts ?? new Uint8Array(),
    indicators: bytes.indicators ?? new Uint8Array(),
    sources: bytes.sources ?? new Uint8Array(),
    bases: optional('bases'),
    boundaries: optional('boundaries'),
  })
  if (result.ok) return result.catalogue
  for (const issue of result.issues) {
    if (issue.severity === 'error') io.stdout(issueLine(show(join(dir, issue.file)), issue))
  }
  return EXIT_INVALID
}

/** Validates each FILE by the kind its header shows and prints one line per problem; returns the exit code. */
export function runValidate(argv: string[], io: ValidateIo): number {
  const args = parseArgs(argv)
  if ('error' in args) {
    io.stderr(`validate: ${escapeControls(args.error)}`)
    io.stderr(USAGE)
    return EXIT_USAGE
  }
  const show = (path: string): string => {
    const rel = relative(io.cwd, path)
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel
  }
  const dataDir = args.dataDir === null ? io.dataDir : resolve(io.cwd, args.dataDir)
  const catalogue = loadCatalogueFrom(dataDir, io, show)
  if (typeof catalogue === 'number') return catalogue

  let exit = EXIT_OK
  for (const given of args.files) {
    const file = escapeControls(given)
    let bytes: Uint8Array
    try {
      bytes = io.readFile(resolve(io.cwd, given))
    } catch (error) {
      io.stderr(`${file}: cannot read file (${escapeControls(readError(error))})`)
      exit = EXIT_USAGE
      continue
    }
    try {
      const report = validateCsvFile(bytes, catalogue, { datasetId: 'cli' })
      if (report.ok) {
        io.stdout(
          `${file}: OK, ${report.rowCount} ${report.rowCount === 1 ? 'row' : 'rows'} (${report.encoding ?? 'unknown encoding'})`,
        )
        for (const issue of report.issues) io.stdout(issueLine(file, issue))
      } else {
        for (const issue of report.issues) io.stdout(issueLine(file, issue))
        if (exit === EXIT_OK) exit = EXIT_INVALID
      }
      const shownErrors = report.issues.filter((i) => i.severity === 'error').length
      const shownWarnings = report.issues.length - shownErrors
      if (report.errorCount > shownErrors) io.stdout(`${file}: … and ${report.errorCount - shownErrors} more errors`)
      if (report.warningCount > shownWarnings)
        io.stdout(`${file}: … and ${report.warningCount - shownWarnings} more warnings`)
    } catch (error) {
      // Bad input never throws; this guards against bugs so the user still gets one line, not a stack trace.
      const message = error instanceof Error ? error.message : String(error)
      io.stderr(`${file}: internal error while validating (${escapeControls(message)})`)
      if (exit === EXIT_OK) exit = EXIT_INVALID
    }
  }
  return exit
}
