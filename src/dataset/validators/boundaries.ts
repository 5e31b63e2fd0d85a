import type { BoundaryChange, District } from '../../types/domain'
import type { ParsedCsv } from '../parse-csv'
import {
  addParseIssues,
  checkColumns,
  checkRequiredText,
  createIssueCollector,
  finishValidation,
  makeIssue,
  readText,
} from './common'
import type { ColumnSpec, ValidateOptions, ValidationResult } from './common'
import { catalogueDistrictCheck } from './metrics'
import { MAX_YEAR, MIN_YEAR } from './period'

/** Columns of boundaries.csv. */
export const BOUNDARY_COLUMNS = {
  required: ['district', 'year', 'change_zh'],
  optional: ['change_en', 'source'],
} as const satisfies ColumnSpec

/**
 * Checks boundaries.csv: a known district, a year, and what changed. A row says that from `year` on the district
 * covers a different area, so its figures before and after are not counted over the same territory.
 * Pass `districts: null` when districts.csv itself is broken, to skip the district check.
 */
export function validateBoundaries(
  parsed: ParsedCsv,
  districts: readonly District[] | null,
  opts: ValidateOptions = {},
): ValidationResult<BoundaryChange> {
  const issues = createIssueCollector(opts.maxIssues)
  addParseIssues(parsed, issues)
  const rows: BoundaryChange[] = []
  if (!checkColumns(parsed, BOUNDARY_COLUMNS, issues)) return finishValidation(rows, issues)
  const checkDistrict = catalogueDistrictCheck(districts)
  const seen = new Map<string, number>()
  for (const { line, fields } of parsed.records) {
    const districtText = readText(fields, 'district')
    const yearText = readText(fields, 'year')
    const changeZh = readText(fields, 'change_zh')
    let valid = checkRequiredText(changeZh, line, 'change_zh', issues)
    const district = checkDistrict(districtText, line, issues)
    if (district === undefined) valid = false
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN
    if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
      valid = false
      issues.add(
        makeIssue({
          code: 'year-invalid',
          line,
          column: 'year',
          params: { value: yearText, min: MIN_YEAR, max: MAX_YEAR },
        }),
      )
    }
    if (valid && district !== undefined) {
      const key = `${district}|${year}`
      const first = seen.get(key)
      if (first !== undefined) {
        issues.add(makeIssue({ code: 'boundary-duplicate', line, params: { district, year, first } }))
        continue
      }
      seen.set(key, line)
      rows.push({
        district,
        year,
        changeZh,
        changeEn: readText(fields, 'change_en'),
        source: readText(fields, 'source'),
      })
    }
  }
  return finishValidation(rows, issues)
}
