import type { BoundaryChange, District } from '../../types/domain'
import type { ParsedCsv } from '../parse-csv'
import {
  addParseIssues,
  checkColumns,
  checkRequiredText,
  createIssueCollector,
  errorIssue,
  finishValidation,
  quoteValue,
  readText,
} from './common'
import type { ColumnSpec, ValidateOptions, ValidationResult } from './common'
import { buildDistrictLookup, resolveDistrict } from './metrics'
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
  const lookup = buildDistrictLookup({ districts: districts ? [...districts] : [] })
  const districtIds = (districts ?? []).map((d) => d.id).join(', ')
  const seen = new Map<string, number>()
  for (const { line, fields } of parsed.records) {
    const districtText = readText(fields, 'district')
    const yearText = readText(fields, 'year')
    const changeZh = readText(fields, 'change_zh')
    let valid = checkRequiredText(changeZh, line, 'change_zh', issues)
    const district = districts === null ? districtText || undefined : resolveDistrict(lookup, districtText)
    if (district === undefined) {
      valid = false
      issues.add(
        errorIssue(
          districtText === '' ? 'district-empty' : 'district-unknown',
          line,
          'district',
          `district ${quoteValue(districtText)} is not in districts.csv; expected one of ${districtIds}`,
          `district ${quoteValue(districtText)} 不在 districts.csv 中；应为 ${districtIds} 之一`,
        ),
      )
    }
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN
    if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
      valid = false
      issues.add(
        errorIssue(
          'year-invalid',
          line,
          'year',
          `year ${quoteValue(yearText)} is not a year; expected YYYY between ${MIN_YEAR} and ${MAX_YEAR}, the first year the new boundary applies`,
          `year ${quoteValue(yearText)} 不是年份；应为 ${MIN_YEAR}–${MAX_YEAR} 之间的 YYYY，即新边界开始适用的年份`,
        ),
      )
    }
    if (valid && district !== undefined) {
      const key = `${district}|${year}`
      const first = seen.get(key)
      if (first !== undefined) {
        issues.add(
          errorIssue(
            'boundary-duplicate',
            line,
            '',
            `district ${district}, year ${year} already appears on line ${first}; describe each year's change in one row`,
            `区 ${district}、年份 ${year} 已在第 ${first} 行出现；每年的变化请写在同一行`,
          ),
        )
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
