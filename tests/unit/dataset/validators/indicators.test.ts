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

  it('reads change_of: a stated rate names the indicator it is the change of, checked against the ids and unit %', () => {
    const head = 'id,category,name_zh,name_en,unit,change_of'
    const ok = validateIndicators(
      parseCsvText(`${head}\naid,welfare,医疗互助,Aid,人次,\naid_growth,welfare,医疗互助增幅,Aid growth,%,aid\n`),
    )
    expect(ok.issues).toEqual([])
    expect(ok.rows.map((r) => [r.id, r.changeOf])).toEqual([
      ['aid', undefined],
      ['aid_growth', 'aid'],
    ])
    const bad = validateIndicators(
      parseCsvText(
        `${head}\naid,welfare,医疗互助,Aid,人次,\nx,welfare,X,X,%,nope\ny,welfare,Y,Y,人,aid\nz,welfare,Z,Z,%,z\n`,
      ),
    )
    expect(bad.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['change-of-unknown', 3, 'change_of'],
      ['change-of-unit', 4, 'change_of'],
      ['change-of-unknown', 5, 'change_of'],
    ])
    expect(en(bad.issues[1])).toContain('its unit must be %')
    expect(bad.rows).toEqual([])
  })
})
