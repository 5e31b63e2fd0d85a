import { CATEGORIES, UNITS } from '../../types/domain'
import type { Category, Indicator, Unit } from '../../types/domain'
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

/** Columns of indicators.csv. */
export const INDICATOR_COLUMNS = {
  required: ['id', 'category', 'name_zh', 'name_en', 'unit'],
  optional: ['description', 'description_en', 'change_of'],
} as const satisfies ColumnSpec

const isCategory = (text: string): text is Category => (CATEGORIES as readonly string[]).includes(text)
const isUnit = (text: string): text is Unit => (UNITS as readonly string[]).includes(text)

/** Checks indicators.csv: unique ids, a known category and a known base unit on every row. */
export function validateIndicators(parsed: ParsedCsv, opts: ValidateOptions = {}): ValidationResult<Indicator> {
  const issues = createIssueCollector(opts.maxIssues)
  addParseIssues(parsed, issues)
  const rows: Indicator[] = []
  if (!checkColumns(parsed, INDICATOR_COLUMNS, issues)) return finishValidation(rows, issues)
  const ids = new Map<string, number>()
  // A stated rate names the indicator it is the change of: checked once every id is known.
  const changes: Array<{ line: number; id: string; value: string; unit: string }> = []
  for (const { line, fields } of parsed.records) {
    const id = readText(fields, 'id')
    const category = readText(fields, 'category').toLowerCase()
    const nameZh = readText(fields, 'name_zh')
    const nameEn = readText(fields, 'name_en')
    const unit = readText(fields, 'unit')
    let valid = checkId(id, line, 'id', ids, issues)
    valid = checkRequiredText(nameZh, line, 'name_zh', issues) && valid
    valid = checkRequiredText(nameEn, line, 'name_en', issues) && valid
    if (!isCategory(category)) {
      valid = false
      issues.add(
        makeIssue({
          code: 'category-invalid',
          line,
          column: 'category',
          params: { value: category, allowed: CATEGORIES },
        }),
      )
    }
    if (!isUnit(unit)) {
      valid = false
      // 万元 or 亿人: the value should be stored in the unit without the multiplier.
      const baseUnit = unit.startsWith('万') || unit.startsWith('亿') ? unit.slice(1) || '元' : null
      issues.add(
        makeIssue({ code: 'unit-invalid', line, column: 'unit', params: { value: unit, allowed: UNITS, baseUnit } }),
      )
    }
    const changeOf = readText(fields, 'change_of')
    if (changeOf !== '') changes.push({ line, id, value: changeOf, unit })
    if (valid && isCategory(category) && isUnit(unit)) {
      rows.push({
        id,
        category,
        nameZh,
        nameEn,
        unit,
        description: readText(fields, 'description'),
        descriptionEn: readText(fields, 'description_en'),
        ...(changeOf !== '' ? { changeOf } : {}),
      })
    }
  }
  for (const c of changes) {
    if (!ids.has(c.value) || c.value === c.id)
      issues.add(
        makeIssue({ code: 'change-of-unknown', line: c.line, column: 'change_of', params: { value: c.value } }),
      )
    else if (c.unit !== '%')
      issues.add(makeIssue({ code: 'change-of-unit', line: c.line, column: 'change_of', params: { unit: c.unit } }))
  }
  return finishValidation(rows, issues)
}
