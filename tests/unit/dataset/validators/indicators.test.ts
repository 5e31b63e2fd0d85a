import { describe, expect, it } from 'vitest'
import { parseCsvText } from '../../../../src/dataset/parse-csv'
import { validateIndicators } from '../../../../src/dataset/validators/indicators'
import { issueMessage } from '../../../../src/locales/issue-messages'
import type { ValidationIssue } from '../../../../src/types/validation'

/** An issue's English and Chinese wording, as the import panel and `npm run validate` show it. */
const en = (issue: ValidationIssue | undefined): string => (issue ? issueMessage(issue, 'en') : '')

const HEADER = 'id,category,name_zh,name_en,unit,description'

describe('validateIndicators', () => {
  it('returns indicators with their category and unit', () => {
    const result = validateIndicators(
      parseCsvText(`${HEADER}\nmembers,organising,会员人数,Members,人,"Members, at year end"\n`),
    )
    expect(result.rows).toEqual([
      {
        id: 'members',
        category: 'organising',
        nameZh: '会员人数',
        nameEn: 'Members',
        unit: '人',
        description: 'Members, at year end',
        descriptionEn: '',
      },
    ])
  })

  it('treats description as optional', () => {
    const result = validateIndicators(parseCsvText('id,category,name_zh,name_en,unit\nrate,rights,建会率,Rate,%\n'))
    expect(result.rows[0]?.description).toBe('')
  })

  it('rejects an unknown category and a unit outside the closed set', () => {
    const result = validateIndicators(
      parseCsvText(`${HEADER}\nfunds,money,帮扶资金,Funds,万元,\nfunds_paid,welfare,帮扶资金,Funds,元,\n`),
    )
    expect(result.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['category-invalid', 2, 'category'],
      ['unit-invalid', 2, 'unit'],
    ])
    expect(en(result.issues[1])).toContain('store values in the base unit (元)')
  })

  it('rejects duplicate and malformed ids', () => {
    const result = validateIndicators(
      parseCsvText(`${HEADER}\nMembers,organising,a,b,人,\nx,organising,a,b,人,\nx,organising,a,b,人,\n`),
    )
    expect(result.issues.map((i) => [i.code, i.line])).toEqual([
      ['id-invalid', 2],
      ['id-duplicate', 4],
    ])
  })
})
