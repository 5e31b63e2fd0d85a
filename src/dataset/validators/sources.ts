import type { District, Source } from '../../types/domain'
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
import { catalogueDistrictCheck } from './metrics'
import { parsePeriod } from './period'

/** Columns of sources.csv. */
export const SOURCE_COLUMNS = {
  required: ['id', 'district', 'title_zh'],
  optional: [
    'published',
    'period',
    'file',
    'note',
    'title_en',
    'publisher',
    'publisher_en',
    'label_zh',
    'label_en',
    'period_status',
    'note_en',
  ],
} as const satisfies ColumnSpec

const PUBLISHED = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

function isPublishedDate(text: string): boolean {
  const match = PUBLISHED.exec(text)
  if (!match) return false
  const month = match[2] === undefined ? 1 : Number(match[2])
  const day = match[3] === undefined ? 1 : Number(match[3])
  const date = new Date(Date.UTC(Number(match[1]), month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/**
 * Checks sources.csv: unique ids, a known district, a title, and well-formed dates and periods when given.
 * Pass `districts: null` when districts.csv itself is broken, to skip the district check rather than fail every row.
 */
export function validateSources(
  parsed: ParsedCsv,
  districts: readonly District[] | null,
  opts: ValidateOptions = {},
): ValidationResult<Source> {
  const issues = createIssueCollector(opts.maxIssues)
  addParseIssues(parsed, issues)
  const rows: Source[] = []
  if (!checkColumns(parsed, SOURCE_COLUMNS, issues)) return finishValidation(rows, issues)
  const checkDistrict = catalogueDistrictCheck(districts)
  const ids = new Map<string, number>()
  for (const { line, fields } of parsed.records) {
    const id = readText(fields, 'id')
    const districtText = readText(fields, 'district')
    const titleZh = readText(fields, 'title_zh')
    const published = readText(fields, 'published')
    const period = readText(fields, 'period')
    let valid = checkId(id, line, 'id', ids, issues)
    valid = checkRequiredText(titleZh, line, 'title_zh', issues) && valid
    const district = checkDistrict(districtText, line, issues)
    if (district === undefined) valid = false
    if (published !== '' && !isPublishedDate(published)) {
      valid = false
      issues.add(makeIssue({ code: 'published-invalid', line, column: 'published', params: { value: published } }))
    }
    if (period !== '') {
      const checked = parsePeriod(period)
      if (!checked.ok) {
        valid = false
        issues.add({ severity: 'error', line, column: 'period', ...checked.problem })
      }
    }
    const periodStatus = readText(fields, 'period_status').toLowerCase() || 'stated'
    if (periodStatus !== 'stated' && periodStatus !== 'inferred') {
      valid = false
      issues.add(
        makeIssue({
          code: 'period_status-invalid',
          line,
          column: 'period_status',
          params: { value: periodStatus, allowed: ['stated', 'inferred'], fallback: 'stated' },
        }),
      )
    }
    if (valid && district !== undefined && (periodStatus === 'stated' || periodStatus === 'inferred')) {
      rows.push({
        id,
        district,
        titleZh,
        published,
        period,
        file: readText(fields, 'file'),
        note: readText(fields, 'note'),
        titleEn: readText(fields, 'title_en'),
        publisher: readText(fields, 'publisher'),
        publisherEn: readText(fields, 'publisher_en'),
        labelZh: readText(fields, 'label_zh'),
        labelEn: readText(fields, 'label_en'),
        periodStatus,
        noteEn: readText(fields, 'note_en'),
      })
    }
  }
  return finishValidation(rows, issues)
}
