import type { Basis } from '../../types/domain'
import type { ParsedCsv } from '../parse-csv'
import {
  addParseIssues,
  checkColumns,
  checkId,
  checkRequiredText,
  createIssueCollector,
  finishValidation,
  readText,
} from './common'
import type { ColumnSpec, ValidateOptions, ValidationResult } from './common'

/** Columns of bases.csv. */
export const BASIS_COLUMNS = {
  required: ['id', 'name_zh', 'name_en'],
  optional: ['description_zh', 'description_en'],
} as const satisfies ColumnSpec

/** Checks bases.csv: unique ids and a short name in both languages (the words a "different basis" reason uses). */
export function validateBases(parsed: ParsedCsv, opts: ValidateOptions = {}): ValidationResult<Basis> {
  const issues = createIssueCollector(opts.maxIssues)
  addParseIssues(parsed, issues)
  const rows: Basis[] = []
  if (!checkColumns(parsed, BASIS_COLUMNS, issues)) return finishValidation(rows, issues)
  const ids = new Map<string, number>()
  for (const { line, fields } of parsed.records) {
    const id = readText(fields, 'id')
    const nameZh = readText(fields, 'name_zh')
    const nameEn = readText(fields, 'name_en')
    let valid = checkId(id, line, 'id', ids, issues)
    valid = checkRequiredText(nameZh, line, 'name_zh', issues) && valid
    valid = checkRequiredText(nameEn, line, 'name_en', issues) && valid
    if (valid) {
      rows.push({
        id,
        nameZh,
        nameEn,
        descriptionZh: readText(fields, 'description_zh'),
        descriptionEn: readText(fields, 'description_en'),
      })
    }
  }
  return finishValidation(rows, issues)
}
