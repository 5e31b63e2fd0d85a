import {
  MEASURES,
  METHODS,
  METRIC_ATTRIBUTE_DEFAULTS,
  METRIC_OPTIONAL_COLUMNS,
  METRIC_REQUIRED_COLUMNS,
  QUALIFIERS,
  STATUSES,
} from '../../types/domain'
import type { Catalogue, Indicator, Metric, Qualifier } from '../../types/domain'
import type { ValidationIssue } from '../../types/validation'
import type { CsvRecord, ParsedCsv } from '../parse-csv'
import { parsePlainDecimal } from '../plain-decimal'
import { PROGRESS_EVERY, checkColumns, createIssueCollector, finishValidation, makeIssue, readText } from './common'
import type { ColumnSpec, IssueCollector, ValidateOptions, ValidationResult } from './common'
import { MAX_YEAR, MIN_YEAR, parsePeriod } from './period'
import { suggestIds } from './suggest'

/** Columns of a metrics CSV. */
export const METRIC_COLUMNS = {
  required: METRIC_REQUIRED_COLUMNS,
  optional: METRIC_OPTIONAL_COLUMNS,
} as const satisfies ColumnSpec

// Distinct unknown indicators that get suggestions; later ones get a plain message.
const MAX_SUGGESTED = 500

const QUALIFIER_HINTS: Record<string, Qualifier> = {
  约: 'approx',
  近: 'approx',
  余: 'at_least',
  超: 'at_least',
  以上: 'at_least',
  多: 'at_least',
  以下: 'at_most',
  不足: 'at_most',
  不到: 'at_most',
}

/** Maps every accepted spelling of a district (id, 萧山区, 萧山, English name) to its id. */
export function buildDistrictLookup(catalogue: Pick<Catalogue, 'districts'>): Map<string, string> {
  const lookup = new Map<string, string>()
  const add = (key: string, id: string): void => {
    if (key !== '' && !lookup.has(key)) lookup.set(key, id)
  }
  for (const d of catalogue.districts) add(d.id, d.id)
  for (const d of catalogue.districts) {
    const zh = d.nameZh.trim()
    add(zh, d.id)
    const bare = zh.endsWith('区') || zh.endsWith('市') || zh.endsWith('县') ? zh.slice(0, -1) : zh
    add(bare, d.id)
    add(`${bare}区`, d.id)
    add(`${zh}总工会`, d.id)
    add(`${bare}区总工会`, d.id)
    add(d.nameEn.trim().toLowerCase(), d.id)
  }
  return lookup
}

/**
 * The district check of the catalogue files (sources.csv, boundaries.csv): resolves a spelling to an id, or adds an
 * issue naming the known ids. With `districts: null` (districts.csv itself broken) any non-empty text passes.
 */
export function catalogueDistrictCheck(
  districts: readonly Catalogue['districts'][number][] | null,
): (text: string, line: number, issues: IssueCollector) => string | undefined {
  const lookup = buildDistrictLookup({ districts: districts ? [...districts] : [] })
  const known = (districts ?? []).map((d) => d.id)
  return (value, line, issues) => {
    const district = districts === null ? value || undefined : resolveDistrict(lookup, value)
    if (district === undefined)
      issues.add(
        makeIssue({
          code: value === '' ? 'district-empty' : 'district-unknown',
          line,
          column: 'district',
          params: { scope: 'catalogue', value, known },
        }),
      )
    return district
  }
}

/** Looks a district spelling up, ignoring case for ids and English names. */
export function resolveDistrict(lookup: Map<string, string>, text: string): string | undefined {
  return lookup.get(text) ?? lookup.get(text.toLowerCase())
}

/** Validates metrics one record at a time (fed by streamCsvText or by validateMetrics). */
export interface MetricsValidator {
  header(header: string[], line: number): void
  record(record: CsvRecord): void
  /** Adds an issue found elsewhere (the parser's). */
  issue(issue: ValidationIssue): void
  finish(): ValidationResult<Metric>
}

/** Creates a streaming metrics validator; `opts.onProgress` is left to the caller, who knows the total. */
export function createMetricsValidator(
  catalogue: Catalogue,
  datasetId: string,
  opts: ValidateOptions = {},
): MetricsValidator {
  const issues = createIssueCollector(opts.maxIssues)
  const rows: Metric[] = []
  let columnsOk = false
  let headerLine = 1
  let defaulted: Array<keyof typeof METRIC_ATTRIBUTE_DEFAULTS> = []

  const districts = buildDistrictLookup(catalogue)
  const districtIds = catalogue.districts.map((d) => d.id)
  const districtIndex = new Map(districtIds.map((id, i) => [id, i]))
  const indicatorIndex = new Map(catalogue.indicators.map((indicator, i) => [indicator.id, i]))
  const years = MAX_YEAR - MIN_YEAR + 1
  const indicators = new Map<string, Indicator>(catalogue.indicators.map((i) => [i.id, i]))
  const candidates = catalogue.indicators.map((i) => ({ id: i.id, names: [i.nameZh, i.nameEn] }))
  const suggestions = new Map<string, string[]>()
  // Numeric keys: a string key per row costs more time and memory than the rest of the check on 1M rows.
  const firstLine = new Map<number, number>()
  const bases = new Set(catalogue.bases.map((b) => b.id))

  const record = ({ line, fields }: CsvRecord): void => {
    if (!columnsOk) return
    let valid = true

    const districtText = readText(fields, 'district')
    const district = resolveDistrict(districts, districtText)
    if (district === undefined) {
      valid = false
      issues.add(districtIssue(districtText, line, districtIds, catalogue))
    }

    const indicatorText = readText(fields, 'indicator')
    const indicator = indicators.get(indicatorText) ?? indicators.get(indicatorText.toLowerCase())
    if (indicator === undefined) {
      valid = false
      let near = suggestions.get(indicatorText)
      if (near === undefined) {
        // Only the first issues are shown; bound the work when every row has a different wrong id.
        near = []
        if (suggestions.size < MAX_SUGGESTED && indicatorText.length <= 64) {
          near = suggestIds(indicatorText, candidates)
          suggestions.set(indicatorText, near)
        }
      }
      issues.add(indicatorIssue(indicatorText, line, near))
    }

    const periodText = readText(fields, 'period')
    const period = parsePeriod(periodText)
    if (!period.ok) {
      valid = false
      issues.add({ severity: 'error', line, column: 'period', ...period.problem })
    }

    const valueText = readText(fields, 'value')
    const value = parsePlainDecimal(valueText)
    if (!value.ok) {
      valid = false
      const unit = indicator?.unit ?? null
      const suggestion = value.code === 'value-percent' && unit !== '%' ? null : value.suggestion
      issues.add(makeIssue({ code: value.code, line, column: 'value', params: { value: valueText, unit, suggestion } }))
    }

    const qualifierText = readText(fields, 'qualifier')
    const qualifier = parseQualifier(qualifierText)
    if (qualifier === null) {
      valid = false
      issues.add(qualifierIssue(qualifierText, line))
    }

    const measure = readChoice(fields, 'measure', MEASURES, METRIC_ATTRIBUTE_DEFAULTS.measure, line, issues)
    const status = readChoice(fields, 'status', STATUSES, METRIC_ATTRIBUTE_DEFAULTS.status, line, issues)
    const method = readChoice(fields, 'method', METHODS, METRIC_ATTRIBUTE_DEFAULTS.method, line, issues)
    if (measure === null || status === null || method === null) valid = false
    const place = readPlace(fields, line, issues)
    if (place === undefined) valid = false
    const basis = readText(fields, 'basis')
    if (basis !== '' && !bases.has(basis)) {
      valid = false
      issues.add(basisIssue(basis, line, [...bases]))
    }

    if (district !== undefined && indicator !== undefined && period.ok) {
      // A target shares its key with the achieved figure it is measured against; both may be given.
      const slot = (districtIndex.get(district) ?? 0) * indicatorIndex.size + (indicatorIndex.get(indicator.id) ?? 0)
      const key =
        ((slot * years + (period.start - MIN_YEAR)) * years + (period.end - MIN_YEAR)) * 2 +
        (status === 'target' ? 1 : 0)
      const first = firstLine.get(key)
      if (first === undefined) firstLine.set(key, line)
      else {
        valid = false
        addDuplicate(issues, line, first, district, indicator.id, periodText)
      }
    }

    // Once the file is known to be rejected, building rows is wasted work.
    if (!valid || issues.errorCount > 0) return
    if (district === undefined || indicator === undefined || !period.ok || !value.ok || qualifier === null) return
    if (measure === null || status === null || method === null || place === undefined) return
    rows.push({
      district,
      indicator: indicator.id,
      period: periodText,
      start: period.start,
      end: period.end,
      value: value.value,
      qualifier,
      source: readText(fields, 'source'),
      quote: readText(fields, 'quote'),
      note: readText(fields, 'note'),
      measure,
      basis,
      status,
      method,
      noteEn: readText(fields, 'note_en'),
      place,
      line,
      dataset: datasetId,
    })
  }

  return {
    header(header, line) {
      columnsOk = checkColumns({ header, headerLine: line }, METRIC_COLUMNS, issues)
      headerLine = line
      defaulted = columnsOk ? ATTRIBUTE_COLUMNS.filter((c) => !header.includes(c)) : []
    },
    record,
    issue: (issue) => issues.add(issue),
    finish: () => {
      // Said once, and only of a file that imports: a rejected file's errors come first.
      if (issues.errorCount === 0 && defaulted.length > 0) issues.add(defaultsIssue(defaulted, headerLine))
      return finishValidation(rows, issues)
    },
  }
}

/** Checks a metrics file against the catalogue and returns typed metrics tagged with their dataset. */
export function validateMetrics(
  parsed: ParsedCsv,
  catalogue: Catalogue,
  datasetId: string,
  opts: ValidateOptions = {},
): ValidationResult<Metric> {
  const validator = createMetricsValidator(catalogue, datasetId, opts)
  for (const issue of parsed.issues) validator.issue(issue)
  if (parsed.header.length > 0) validator.header(parsed.header, parsed.headerLine)
  const { records } = parsed
  const total = records.length
  for (let r = 0; r < total; r++) {
    if (opts.onProgress && r % PROGRESS_EVERY === 0) opts.onProgress(r, total)
    const record = records[r]
    if (record) validator.record(record)
  }
  opts.onProgress?.(total, total)
  return validator.finish()
}

const QUALIFIER_SET: ReadonlySet<string> = new Set(QUALIFIERS)

function parseQualifier(text: string): Qualifier | null {
  if (text === '') return 'exact'
  const lower = QUALIFIER_SET.has(text) ? text : text.toLowerCase()
  return QUALIFIER_SET.has(lower) ? (lower as Qualifier) : null
}

function districtIssue(value: string, line: number, known: readonly string[], catalogue: Catalogue): ValidationIssue {
  const example = catalogue.districts[0]?.nameZh ?? '萧山区'
  const code = value === '' ? 'district-empty' : 'district-unknown'
  return makeIssue({ code, line, column: 'district', params: { scope: 'metrics', value, known, example } })
}

function indicatorIssue(value: string, line: number, near: readonly string[]): ValidationIssue {
  if (value === '') return makeIssue({ code: 'indicator-empty', line, column: 'indicator', params: {} })
  return makeIssue({ code: 'indicator-unknown', line, column: 'indicator', params: { value, near } })
}

function qualifierIssue(value: string, line: number): ValidationIssue {
  const hint = Object.entries(QUALIFIER_HINTS).find(([word]) => value.includes(word))?.[1] ?? null
  return makeIssue({ code: 'qualifier-invalid', line, column: 'qualifier', params: { value, hint } })
}

function addDuplicate(
  issues: IssueCollector,
  line: number,
  first: number,
  district: string,
  indicator: string,
  period: string,
): void {
  issues.add(makeIssue({ code: 'duplicate-key', line, params: { district, indicator, period, first } }))
}

const ATTRIBUTE_COLUMNS = Object.keys(METRIC_ATTRIBUTE_DEFAULTS) as Array<keyof typeof METRIC_ATTRIBUTE_DEFAULTS>

/** One warning for a file that predates the attribute columns: which defaults were assumed for every row. */
function defaultsIssue(missing: ReadonlyArray<keyof typeof METRIC_ATTRIBUTE_DEFAULTS>, line: number) {
  const assumed = missing.map((column) => ({ column, value: METRIC_ATTRIBUTE_DEFAULTS[column] }))
  return makeIssue({ severity: 'warning', code: 'attributes-defaulted', line, params: { assumed } })
}

function readChoice<T extends string>(
  fields: Record<string, unknown>,
  column: 'measure' | 'status' | 'method',
  allowed: readonly T[],
  fallback: T,
  line: number,
  issues: IssueCollector,
): T | null {
  const value = readText(fields, column)
  if (value === '') return fallback
  const lower = value.toLowerCase()
  const found = allowed.find((a) => a === lower)
  if (found !== undefined) return found
  issues.add(makeIssue({ code: `${column}-invalid`, line, column, params: { value, allowed, fallback } }))
  return null
}

/** The optional paragraph number: empty → null, a whole number from 1 → it, anything else an error (undefined). */
function readPlace(fields: Record<string, unknown>, line: number, issues: IssueCollector): number | null | undefined {
  const text = readText(fields, 'place')
  if (text === '') return null
  if (/^[1-9]\d{0,5}$/.test(text)) return Number(text)
  issues.add(makeIssue({ code: 'place-invalid', line, column: 'place', params: { value: text } }))
  return undefined
}

function basisIssue(value: string, line: number, known: readonly string[]): ValidationIssue {
  return makeIssue({ code: 'basis-unknown', line, column: 'basis', params: { value, known } })
}
