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
import type { PlainDecimalProblem } from '../plain-decimal'
import {
  PROGRESS_EVERY,
  checkColumns,
  createIssueCollector,
  errorIssue,
  finishValidation,
  makeIssue,
  quoteValue,
  readText,
} from './common'
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
  const ids = (districts ?? []).map((d) => d.id).join(', ')
  return (text, line, issues) => {
    const district = districts === null ? text || undefined : resolveDistrict(lookup, text)
    if (district === undefined)
      issues.add(
        errorIssue(
          text === '' ? 'district-empty' : 'district-unknown',
          line,
          'district',
          `district ${quoteValue(text)} is not in districts.csv; expected one of ${ids}`,
          `district ${quoteValue(text)} 不在 districts.csv 中；应为 ${ids} 之一`,
        ),
      )
    return district
  }
}

/** Looks a district spelling up, ignoring case for ids and English names. */
export function resolveDistrict(lookup: Map<string, string>, text: string): string | undefined {
  return lookup.get(text) ?? lookup.get(text.toLowerCase())
}

function exampleFor(unit: string | null): string {
  if (unit === '元') return '978900'
  if (unit === '%') return '12.5'
  return unit === null ? '1234.5' : '1234'
}

function valueMessages(
  problem: PlainDecimalProblem,
  raw: string,
  suggestion: string | null,
  unit: string | null,
): { message: string; messageZh: string } {
  const shown = quoteValue(raw)
  const inUnit = unit ? `in ${unit}` : "in the indicator's base unit"
  const inUnitZh = unit ? `以“${unit}”为单位` : '以指标基本单位计'
  const example = suggestion ?? exampleFor(unit)
  const expected = `expected a plain decimal ${inUnit} such as ${example}`
  const expectedZh = `应为${inUnitZh}的普通小数，例如 ${example}`
  switch (problem) {
    case 'value-empty':
      return { message: `value is empty; ${expected}`, messageZh: `value 为空；${expectedZh}` }
    case 'value-not-finite':
      return {
        message: `value ${shown} is not a finite number; ${expected}`,
        messageZh: `value ${shown} 不是有限数值；${expectedZh}`,
      }
    case 'value-negative':
      return {
        message: `value ${shown} is negative or has a leading '-'; expected a non-negative plain decimal ${inUnit} such as 0 or ${example}`,
        messageZh: `value ${shown} 为负数或以“-”开头；应为${inUnitZh}的非负普通小数，例如 0 或 ${example}`,
      }
    case 'value-plus-sign':
      return {
        message: `value ${shown} has a leading '+'; ${expected}`,
        messageZh: `value ${shown} 以“+”开头；${expectedZh}`,
      }
    case 'value-exponent':
      return {
        message: `value ${shown} uses exponent notation; ${expected}`,
        messageZh: `value ${shown} 使用了科学计数法；${expectedZh}`,
      }
    case 'value-percent':
      return {
        message: `value ${shown} has a percent sign; ${expected}`,
        messageZh: `value ${shown} 带有百分号；${expectedZh}`,
      }
    case 'value-thousands-separator':
      return {
        message: `value ${shown} has thousands separators; ${expected}`,
        messageZh: `value ${shown} 含千位分隔符；${expectedZh}`,
      }
    case 'value-unit':
      return {
        message: `value ${shown} is not a plain number (it carries a unit or 万/亿); ${expected}`,
        messageZh: `value ${shown} 不是普通数字（带有单位或万/亿）；${expectedZh}`,
      }
    case 'value-not-number':
      return {
        message: `value ${shown} is not a plain number; ${expected}`,
        messageZh: `value ${shown} 不是普通数字；${expectedZh}`,
      }
  }
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
      issues.add(errorIssue(period.code, line, 'period', period.message, period.messageZh))
    }

    const valueText = readText(fields, 'value')
    const value = parsePlainDecimal(valueText)
    if (!value.ok) {
      valid = false
      const unit = indicator?.unit ?? null
      const suggestion = value.code === 'value-percent' && unit !== '%' ? null : value.suggestion
      const { message, messageZh } = valueMessages(value.code, valueText, suggestion, unit)
      issues.add(errorIssue(value.code, line, 'value', message, messageZh))
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

function districtIssue(text: string, line: number, ids: readonly string[], catalogue: Catalogue) {
  const example = catalogue.districts[0]?.nameZh ?? '萧山区'
  const list = ids.length <= 12 ? ids.join(', ') : `${ids.slice(0, 12).join(', ')}, …`
  if (text === '') {
    return errorIssue(
      'district-empty',
      line,
      'district',
      `district is empty; expected a district id (${list}) or its Chinese name such as ${example}`,
      `district 为空；应为区 id（${list}）或中文名，例如 ${example}`,
    )
  }
  return errorIssue(
    'district-unknown',
    line,
    'district',
    `district ${quoteValue(text)} is not in the catalogue; expected a district id (${list}) or its Chinese name such as ${example}`,
    `district ${quoteValue(text)} 不在区目录中；应为区 id（${list}）或中文名，例如 ${example}`,
  )
}

function indicatorIssue(text: string, line: number, near: readonly string[]) {
  if (text === '') {
    return errorIssue(
      'indicator-empty',
      line,
      'indicator',
      'indicator is empty; expected an indicator id from indicators.csv',
      'indicator 为空；应为 indicators.csv 中的指标 id',
    )
  }
  const hint = near.length > 0 ? `; did you mean ${near.join(', ')}?` : '; expected an indicator id from indicators.csv'
  const hintZh = near.length > 0 ? `；是否指 ${near.join('、')}？` : '；应为 indicators.csv 中的指标 id'
  return errorIssue(
    'indicator-unknown',
    line,
    'indicator',
    `indicator ${quoteValue(text)} is not in the catalogue${hint}`,
    `indicator ${quoteValue(text)} 不在指标目录中${hintZh}`,
  )
}

function qualifierIssue(text: string, line: number) {
  const hinted = Object.entries(QUALIFIER_HINTS).find(([word]) => text.includes(word))?.[1]
  const hint = hinted ? ` (did you mean ${hinted}?)` : ''
  const hintZh = hinted ? `（是否指 ${hinted}？）` : ''
  return errorIssue(
    'qualifier-invalid',
    line,
    'qualifier',
    `qualifier ${quoteValue(text)} is not one of exact, approx, at_least, at_most; leave it empty for exact${hint}`,
    `qualifier ${quoteValue(text)} 不是 exact、approx、at_least、at_most 之一；留空表示 exact${hintZh}`,
  )
}

function addDuplicate(
  issues: IssueCollector,
  line: number,
  first: number,
  district: string,
  indicator: string,
  period: string,
): void {
  issues.add(
    errorIssue(
      'duplicate-key',
      line,
      '',
      `district ${district}, indicator ${indicator}, period ${period} already appears on line ${first}; each combination may appear only once`,
      `区 ${district}、指标 ${indicator}、期间 ${period} 已在第 ${first} 行出现；每个组合只能出现一次`,
    ),
  )
}

const ATTRIBUTE_COLUMNS = Object.keys(METRIC_ATTRIBUTE_DEFAULTS) as Array<keyof typeof METRIC_ATTRIBUTE_DEFAULTS>

/** One warning for a file that predates the attribute columns: which defaults were assumed for every row. */
function defaultsIssue(missing: ReadonlyArray<keyof typeof METRIC_ATTRIBUTE_DEFAULTS>, line: number) {
  const shown = (c: keyof typeof METRIC_ATTRIBUTE_DEFAULTS): string => {
    const d = METRIC_ATTRIBUTE_DEFAULTS[c]
    return `${c}=${d === '' ? '(empty)' : d}`
  }
  const shownZh = (c: keyof typeof METRIC_ATTRIBUTE_DEFAULTS): string => {
    const d = METRIC_ATTRIBUTE_DEFAULTS[c]
    return `${c}=${d === '' ? '（空）' : d}`
  }
  return makeIssue(
    'warning',
    'attributes-defaulted',
    line,
    '',
    `the file has no ${missing.join(', ')} column; every row is taken as ${missing.map(shown).join(', ')} (add the columns to say what each figure counts)`,
    `文件没有 ${missing.join('、')} 列；所有行按 ${missing.map(shownZh).join('、')} 处理（可补充这些列说明每个数字的统计口径）`,
  )
}

function readChoice<T extends string>(
  fields: Record<string, unknown>,
  column: string,
  allowed: readonly T[],
  fallback: T,
  line: number,
  issues: IssueCollector,
): T | null {
  const text = readText(fields, column)
  if (text === '') return fallback
  const lower = text.toLowerCase()
  const found = allowed.find((a) => a === lower)
  if (found !== undefined) return found
  issues.add(
    errorIssue(
      `${column}-invalid`,
      line,
      column,
      `${column} ${quoteValue(text)} is not one of ${allowed.join(', ')}; leave it empty for ${fallback}`,
      `${column} ${quoteValue(text)} 不是 ${allowed.join('、')} 之一；留空表示 ${fallback}`,
    ),
  )
  return null
}

/** The optional paragraph number: empty → null, a whole number from 1 → it, anything else an error (undefined). */
function readPlace(fields: Record<string, unknown>, line: number, issues: IssueCollector): number | null | undefined {
  const text = readText(fields, 'place')
  if (text === '') return null
  if (/^[1-9]\d{0,5}$/.test(text)) return Number(text)
  issues.add(
    errorIssue(
      'place-invalid',
      line,
      'place',
      `place ${quoteValue(text)} is not a paragraph number (1, 2, 3…); leave it empty when unknown`,
      `place ${quoteValue(text)} 不是段落序号（1、2、3……）；不知道时留空`,
    ),
  )
  return undefined
}

function basisIssue(text: string, line: number, known: readonly string[]) {
  const list = known.length === 0 ? '' : known.length <= 12 ? known.join(', ') : `${known.slice(0, 12).join(', ')}, …`
  const expected = list === '' ? 'bases.csv defines none' : `expected one of ${list}`
  const expectedZh = list === '' ? 'bases.csv 未定义任何口径' : `应为 ${list} 之一`
  return errorIssue(
    'basis-unknown',
    line,
    'basis',
    `basis ${quoteValue(text)} is not in bases.csv; leave it empty for the indicator's own definition, or ${expected}`,
    `basis ${quoteValue(text)} 不在 bases.csv 中；留空表示按指标定义统计，或${expectedZh}`,
  )
}
