import type { District } from '../../types/domain'
import type { ParsedCsv } from '../parse-csv'
import {
  addParseIssues,
  checkColumns,
  checkId,
  checkRequiredText,
  createIssueCollector,
  finishValidation,
  makeIssue,
  readText,
} from './common'
import type { ColumnSpec, ValidateOptions, ValidationResult } from './common'

/** Columns of districts.csv. */
export const DISTRICT_COLUMNS = {
  required: ['id', 'name_zh', 'name_en', 'color'],
  optional: [],
} as const satisfies ColumnSpec

const COLOR = /^#[0-9a-fA-F]{6}$/

/** Checks districts.csv: unique ids and Chinese names, English names, #RRGGBB colours. */
export function validateDistricts(parsed: ParsedCsv, opts: ValidateOptions = {}): ValidationResult<District> {
  const issues = createIssueCollector(opts.maxIssues)
  addParseIssues(parsed, issues)
  const rows: District[] = []
  if (!checkColumns(parsed, DISTRICT_COLUMNS, issues)) return finishValidation(rows, issues)
  const ids = new Map<string, number>()
  const names = new Map<string, number>()
  for (const { line, fields } of parsed.records) {
    const id = readText(fields, 'id')
    const nameZh = readText(fields, 'name_zh')
    const nameEn = readText(fields, 'name_en')
    const color = readText(fields, 'color')
    let valid = checkId(id, line, 'id', ids, issues)
    valid = checkRequiredText(nameZh, line, 'name_zh', issues) && valid
    valid = checkRequiredText(nameEn, line, 'name_en', issues) && valid
    const firstName = names.get(nameZh)
    if (nameZh !== '' && firstName !== undefined) {
      valid = false
      issues.add(
        makeIssue({ code: 'name-duplicate', line, column: 'name_zh', params: { value: nameZh, first: firstName } }),
      )
    } else if (nameZh !== '') names.set(nameZh, line)
    if (!COLOR.test(color)) {
      valid = false
      issues.add(makeIssue({ code: 'color-invalid', line, column: 'color', params: { value: color } }))
    }
    if (valid) rows.push({ id, nameZh, nameEn, color: color.toLowerCase() })
  }
  return finishValidation(rows, issues)
}
