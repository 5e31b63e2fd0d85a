import type { BuiltInName, Catalogue, Metric } from '../types/domain'
import type { CsvEncoding, ValidationIssue } from '../types/validation'
import { decodeCsvBytes, parseCsvText, streamCsvText } from './parse-csv'
import type { ParsedCsv } from './parse-csv'
import { validateDistricts } from './validators/districts'
import { validateIndicators } from './validators/indicators'
import { createMetricsValidator, validateMetrics } from './validators/metrics'
import type { MetricsValidator } from './validators/metrics'
import { validateSources } from './validators/sources'
import { validateBases } from './validators/bases'
import { validateBoundaries } from './validators/boundaries'
import type { ValidationResult } from './validators/common'

/** How many issues a result carries at most; the counts cover all of them. */
export const MAX_REPORTED_ISSUES = 100

/** Outcome of loading one metrics CSV: rows only when there is no error. */
export interface LoadResult {
  ok: boolean
  fileName: string
  encoding: CsvEncoding | null
  rows: Metric[]
  /** The first 100 issues by line. */
  issues: ValidationIssue[]
  errorCount: number
  warningCount: number
}

/** Options for loadMetricsCsv. */
export interface LoadMetricsOptions {
  fileName: string
  datasetId: string
  /** Called every few thousand rows with (done, total) in units of the file's bytes. */
  onProgress?: (done: number, total: number) => void
}

/** The kinds of CSV file the app knows, told apart by their header. */
export type CsvKind = 'metrics' | 'districts' | 'indicators' | 'sources' | 'bases' | 'boundaries'

/** The bytes of the catalogue files; bases and boundaries may be absent (older deployments), which reads as none. */
export interface CatalogueFiles {
  districts: Uint8Array
  indicators: Uint8Array
  sources: Uint8Array
  bases?: Uint8Array
  boundaries?: Uint8Array
}

/** An issue found in one of the catalogue files. */
export type CatalogueIssue = ValidationIssue & { file: string }

/** Outcome of loadCatalogue; a file with errors contributes no rows. */
export interface CatalogueLoadResult {
  ok: boolean
  catalogue: Catalogue
  issues: CatalogueIssue[]
}

/** Outcome of checking one CSV file of any kind (what the CLI prints). */
export interface CsvFileReport {
  kind: CsvKind | null
  ok: boolean
  encoding: CsvEncoding | null
  rowCount: number
  issues: ValidationIssue[]
  errorCount: number
  warningCount: number
}

/** Tells the kind of a CSV from its header names (trimmed, any case); null when none fits. */
export function detectCsvKind(header: string[]): CsvKind | null {
  const names = new Set(header.map((h) => h.trim().toLowerCase()))
  if (names.has('indicator') || names.has('value')) return 'metrics'
  if (names.has('change_zh') || (names.has('district') && names.has('year'))) return 'boundaries'
  if (names.has('category') || names.has('unit')) return 'indicators'
  if (names.has('title_zh') || names.has('published') || names.has('file')) return 'sources'
  if (names.has('description_zh') || names.has('description_en')) return 'bases'
  if (names.has('color') || (names.has('id') && names.has('name_zh'))) return 'districts'
  if (names.has('district') && names.has('period')) return 'metrics'
  return null
}

function decodeFailure(fileName: string, issue: ValidationIssue): LoadResult {
  return { ok: false, fileName, encoding: null, rows: [], issues: [issue], errorCount: 1, warningCount: 0 }
}

/**
 * Decodes, parses and validates a metrics CSV against the catalogue. Never throws on bad input:
 * every problem becomes an issue, and a file with any error yields no rows.
 */
export function loadMetricsCsv(bytes: Uint8Array, catalogue: Catalogue, opts: LoadMetricsOptions): LoadResult {
  const { fileName, datasetId, onProgress } = opts
  const total = bytes.byteLength
  const decoded = decodeCsvBytes(bytes)
  if (!decoded.ok) return decodeFailure(fileName, decoded.issue)
  // Records are validated as they are parsed, so none is held beyond its row and progress is one pass.
  const validator = createMetricsValidator(catalogue, datasetId, { maxIssues: MAX_REPORTED_ISSUES })
  const report = onProgress
    ? (done: number, of: number) => onProgress(of > 0 ? Math.round((total * done) / of) : total, total)
    : undefined
  streamCsvText(decoded.text, validator, report ? { onProgress: report } : {})
  const result = validator.finish()
  const ok = result.errorCount === 0
  return {
    ok,
    fileName,
    encoding: decoded.encoding,
    rows: ok ? result.rows : [],
    issues: result.issues,
    errorCount: result.errorCount,
    warningCount: result.warningCount,
  }
}

function parseBytes(bytes: Uint8Array): { parsed: ParsedCsv } | { issue: ValidationIssue } {
  const decoded = decodeCsvBytes(bytes)
  return decoded.ok ? { parsed: parseCsvText(decoded.text) } : { issue: decoded.issue }
}

function failedResult<T>(issue: ValidationIssue): ValidationResult<T> {
  return { rows: [], issues: [issue], errorCount: 1, warningCount: 0 }
}

/** Loads districts.csv, indicators.csv and sources.csv; sources are checked against the districts. */
export function loadCatalogue(files: CatalogueFiles): CatalogueLoadResult {
  const districtsFile = parseBytes(files.districts)
  const districts =
    'issue' in districtsFile
      ? failedResult<Catalogue['districts'][number]>(districtsFile.issue)
      : validateDistricts(districtsFile.parsed, { maxIssues: MAX_REPORTED_ISSUES })
  const indicatorsFile = parseBytes(files.indicators)
  const indicators =
    'issue' in indicatorsFile
      ? failedResult<Catalogue['indicators'][number]>(indicatorsFile.issue)
      : validateIndicators(indicatorsFile.parsed, { maxIssues: MAX_REPORTED_ISSUES })
  const sourcesFile = parseBytes(files.sources)
  const sources =
    'issue' in sourcesFile
      ? failedResult<Catalogue['sources'][number]>(sourcesFile.issue)
      : validateSources(sourcesFile.parsed, districts.errorCount > 0 ? null : districts.rows, {
          maxIssues: MAX_REPORTED_ISSUES,
        })
  const optional = <T>(
    bytes: Uint8Array | undefined,
    validate: (parsed: ParsedCsv) => ValidationResult<T>,
  ): ValidationResult<T> => {
    if (bytes === undefined || bytes.byteLength === 0) return { rows: [], issues: [], errorCount: 0, warningCount: 0 }
    const file = parseBytes(bytes)
    return 'issue' in file ? failedResult<T>(file.issue) : validate(file.parsed)
  }
  const knownDistricts = districts.errorCount > 0 ? null : districts.rows
  const bases = optional(files.bases, (parsed) => validateBases(parsed, { maxIssues: MAX_REPORTED_ISSUES }))
  const boundaries = optional(files.boundaries, (parsed) =>
    validateBoundaries(parsed, knownDistricts, { maxIssues: MAX_REPORTED_ISSUES }),
  )
  const tag = (file: string, result: ValidationResult<unknown>): CatalogueIssue[] =>
    result.issues.map((issue) => ({ ...issue, file }))
  const issues = [
    ...tag('districts.csv', districts),
    ...tag('indicators.csv', indicators),
    ...tag('sources.csv', sources),
    ...tag('bases.csv', bases),
    ...tag('boundaries.csv', boundaries),
  ]
  const errors = [districts, indicators, sources, bases, boundaries].reduce((n, r) => n + r.errorCount, 0)
  return {
    ok: errors === 0,
    catalogue: {
      districts: districts.rows,
      indicators: indicators.rows,
      sources: sources.rows,
      bases: bases.rows,
      boundaries: boundaries.rows,
    },
    issues,
  }
}

/** The bytes of the four built-in files. */
export interface BuiltInFiles extends CatalogueFiles {
  metrics: Uint8Array
}

/** Outcome of loadBuiltInFiles: the data, or every problem with the file it is in (`data/….csv`). */
export type BuiltInLoadResult =
  { ok: true; catalogue: Catalogue; rows: Metric[] } | { ok: false; issues: CatalogueIssue[] }

/** Loads the built-in data: the catalogue first, then metrics.csv against it (skipped when the catalogue has errors). */
export function loadBuiltInFiles(files: BuiltInFiles): BuiltInLoadResult {
  const cat = loadCatalogue(files)
  if (!cat.ok) return { ok: false, issues: cat.issues.map((i) => ({ ...i, file: `data/${i.file}` })) }
  const fileName = 'data/metrics.csv'
  const res = loadMetricsCsv(files.metrics, cat.catalogue, { fileName, datasetId: 'builtin' })
  if (!res.ok) return { ok: false, issues: res.issues.map((i) => ({ ...i, file: fileName })) }
  return { ok: true, catalogue: cat.catalogue, rows: res.rows }
}

/** loadBuiltInFiles for the files as fetched: their bytes by name. */
export function loadBuiltInBuffers(files: Readonly<Record<BuiltInName, ArrayBuffer>>): BuiltInLoadResult {
  const bytes = (name: BuiltInName): Uint8Array => new Uint8Array(files[name])
  return loadBuiltInFiles({
    districts: bytes('districts'),
    indicators: bytes('indicators'),
    sources: bytes('sources'),
    bases: bytes('bases'),
    boundaries: bytes('boundaries'),
    metrics: bytes('metrics'),
  })
}

/**
 * Checks one CSV file of whichever kind its header says (or `kind` when given): metrics against the
 * catalogue, sources against its districts, districts and indicators on their own.
 */
export function validateCsvFile(
  bytes: Uint8Array,
  catalogue: Catalogue,
  opts: { datasetId?: string; kind?: CsvKind } = {},
): CsvFileReport {
  const decoded = decodeCsvBytes(bytes)
  if (!decoded.ok) {
    return {
      kind: opts.kind ?? null,
      ok: false,
      encoding: null,
      rowCount: 0,
      issues: [decoded.issue],
      errorCount: 1,
      warningCount: 0,
    }
  }
  const { encoding } = decoded
  // Metrics files may hold a million rows: validate them as they stream; collect the small catalogue files.
  const parsed: ParsedCsv = { header: [], headerLine: 0, records: [], issues: [] }
  const state: { kind: CsvKind | null; metrics: MetricsValidator | null } = { kind: opts.kind ?? null, metrics: null }
  streamCsvText(decoded.text, {
    header(header, line) {
      parsed.header = header
      parsed.headerLine = line
      state.kind = opts.kind ?? detectCsvKind(header)
      if (state.kind !== 'metrics') return
      const metrics = createMetricsValidator(catalogue, opts.datasetId ?? 'import', { maxIssues: MAX_REPORTED_ISSUES })
      for (const issue of parsed.issues) metrics.issue(issue)
      metrics.header(header, line)
      state.metrics = metrics
    },
    record: (record) => (state.metrics ? state.metrics.record(record) : parsed.records.push(record)),
    issue: (issue) => (state.metrics ? state.metrics.issue(issue) : parsed.issues.push(issue)),
  })
  const { kind } = state
  let result: ValidationResult<unknown>
  const options = { maxIssues: MAX_REPORTED_ISSUES }
  switch (kind) {
    case 'metrics':
      result = state.metrics
        ? state.metrics.finish()
        : validateMetrics(parsed, catalogue, opts.datasetId ?? 'import', options)
      break
    case 'districts':
      result = validateDistricts(parsed, options)
      break
    case 'indicators':
      result = validateIndicators(parsed, options)
      break
    case 'sources':
      result = validateSources(parsed, catalogue.districts, options)
      break
    case 'bases':
      result = validateBases(parsed, options)
      break
    case 'boundaries':
      result = validateBoundaries(parsed, catalogue.districts, options)
      break
    case null: {
      // Without a known header the rows mean nothing; say only that (or why there is no header).
      const only = parsed.header.length === 1 ? (parsed.header[0] ?? '') : ''
      const issues: ValidationIssue[] =
        parsed.header.length === 0
          ? parsed.issues.slice(0, MAX_REPORTED_ISSUES)
          : [
              {
                severity: 'error',
                code: 'kind-unknown',
                line: parsed.headerLine,
                column: '',
                params: { separator: only.includes(';') ? ';' : null },
              },
            ]
      return { kind, ok: false, encoding, rowCount: 0, issues, errorCount: issues.length, warningCount: 0 }
    }
  }
  return {
    kind,
    ok: result.errorCount === 0,
    encoding,
    rowCount: result.rows.length,
    issues: result.issues,
    errorCount: result.errorCount,
    warningCount: result.warningCount,
  }
}
