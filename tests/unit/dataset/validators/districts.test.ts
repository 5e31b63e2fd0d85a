import { describe, expect, it } from 'vitest'
import { parseCsvText } from '../../../../src/dataset/parse-csv'
import { validateDistricts } from '../../../../src/dataset/validators/districts'
import { issueMessage } from '../../../../src/locales/issue-messages'
import type { ValidationIssue } from '../../../../src/types/validation'

/** An issue's English and Chinese wording, as the import panel and `npm run validate` show it. */
const en = (issue: ValidationIssue | undefined): string => (issue ? issueMessage(issue, 'en') : '')

const HEADER = 'id,name_zh,name_en,color'

describe('validateDistricts', () => {
  it('returns districts with colours lower-cased', () => {
    const result = validateDistricts(parseCsvText(`${HEADER}\nxiaoshan,萧山区,Xiaoshan,#0072B2\n`))
    expect(result.rows).toEqual([{ id: 'xiaoshan', nameZh: '萧山区', nameEn: 'Xiaoshan', color: '#0072b2' }])
    expect(result.issues).toEqual([])
  })

  it('rejects ids that are not lowercase ascii, duplicates, names and colours', () => {
    const text = [
      HEADER,
      'xiaoshan,萧山区,Xiaoshan,#0072B2',
      'Xi Hu,西湖区,Xihu,#E69F00',
      'xiaoshan,钱塘区,Qiantang,#009E73',
      'fuyang,萧山区,,orange',
    ].join('\n')
    const result = validateDistricts(parseCsvText(text))
    expect(result.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['id-invalid', 3, 'id'],
      ['id-duplicate', 4, 'id'],
      ['field-empty', 5, 'name_en'],
      ['name-duplicate', 5, 'name_zh'],
      ['color-invalid', 5, 'color'],
    ])
    expect(en(result.issues[1])).toContain('already appears on line 2')
    expect(result.rows).toEqual([])
  })

  it('reports a missing column', () => {
    const result = validateDistricts(parseCsvText('id,name_zh,name_en\nxiaoshan,萧山区,Xiaoshan\n'))
    expect(result.issues).toMatchObject([{ code: 'column-missing', line: 1, column: 'color' }])
  })
})
