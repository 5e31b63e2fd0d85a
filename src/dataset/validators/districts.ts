import type { District } from '../../types/domain'
import type { ParsedCsv } from '../parse-csv'
import {
  addParseIssues,
  checkColumns,
  checkId,
  checkRequiredText,
  createIssueCollector,
  errorIssue,
  finishValidation,
  quoteValue,
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
        errorIssue(
          'name-duplicate',
          line,
          'name_zh',
          `name_zh ${quoteValue(nameZh)} already appears on line ${firstName}; district names must be unique`,
          `name_zh ${quoteValue(nameZh)} 已在第 ${firstName} 行出现；区名称必须唯一`,
        ),
      )
    } else if (nameZh !== '') names.set(nameZh, line)
    if (!COLOR.test(color)) {
      valid = false
      issues.add(
        errorIssue(
          'color-invalid',
          line,
          'color',
          `color ${quoteValue(color)} is not a hex colour; expected #RRGGBB such as #1f77b4`,
          `color ${quoteValue(color)} 不是十六进制颜色；应为 #RRGGBB，例如 #1f77b4`,
        ),
      )
    }
    if (valid) rows.push({ id, nameZh, nameEn, color: color.toLowerCase() })
  }
  return finishValidation(rows, issues)
}
