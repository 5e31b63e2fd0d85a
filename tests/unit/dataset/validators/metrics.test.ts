import { describe, expect, it } from 'vitest'
import { parseCsvText } from '../../../../src/dataset/parse-csv'
import { buildDistrictLookup, resolveDistrict, validateMetrics } from '../../../../src/dataset/validators/metrics'
import { FIXTURE_CATALOGUE, metricsCsv } from '../fixtures'
import { issueMessage } from '../../../../src/locales/issue-messages'
import type { ValidationIssue } from '../../../../src/types/validation'

/** An issue's English and Chinese wording, as the import panel and `npm run validate` show it. */
const en = (issue: ValidationIssue | undefined): string => (issue ? issueMessage(issue, 'en') : '')
const zh = (issue: ValidationIssue | undefined): string => (issue ? issueMessage(issue, 'zh-CN') : '')

function validate(text: string, opts = {}) {
  return validateMetrics(parseCsvText(text), FIXTURE_CATALOGUE, 'test', opts)
}

function codes(text: string): Array<[string, number, string]> {
  return validate(text).issues.map((i) => [i.code, i.line, i.column])
}

describe('validateMetrics', () => {
  it('returns typed metrics tagged with their line and dataset', () => {
    const result = validate(
      metricsCsv('xiaoshan,members,2019-2021,356000.5,approx,xiaoshan-2024,"全区会员, 约35.6万",note'),
    )
    expect(result.issues.map((i) => [i.severity, i.code])).toEqual([['warning', 'attributes-defaulted']])
    expect(result.rows).toEqual([
      {
        district: 'xiaoshan',
        indicator: 'members',
        period: '2019-2021',
        start: 2019,
        end: 2021,
        value: 356000.5,
        qualifier: 'approx',
        source: 'xiaoshan-2024',
        quote: '全区会员, 约35.6万',
        note: 'note',
        measure: 'flow',
        basis: '',
        status: 'achieved',
        method: 'reported',
        noteEn: '',
        place: null,
        line: 2,
        dataset: 'test',
      },
    ])
  })

  it('reads the optional paragraph number and rejects one that is not a whole number from 1', () => {
    const ok = validate('district,indicator,period,value,place\nxihu,members,2024,12,12\nxihu,members,2023,12,\n')
    expect(ok.rows.map((r) => r.place)).toEqual([12, null])
    for (const bad of ['0', '1.5', '第12段', '-3']) {
      const result = validate(`district,indicator,period,value,place\nxihu,members,2024,12,${bad}\n`)
      expect(result.rows).toEqual([])
      expect(result.issues.map((i) => [i.code, i.line, i.column])).toEqual([['place-invalid', 2, 'place']])
    }
  })

  it('accepts columns in any order and without the optional ones', () => {
    const result = validate('value,period,indicator,district\n12,2024,members,xihu\n')
    expect(result.rows).toMatchObject([
      { district: 'xihu', value: 12, qualifier: 'exact', source: '', quote: '', note: '' },
    ])
  })

  it('normalises Chinese district names with or without 区, and ids in any case', () => {
    const result = validate(
      metricsCsv(
        '萧山区,members,2024,1,,,,',
        '西湖,members,2024,1,,,,',
        'QIANTANG,members,2024,1,,,,',
        'Fuyang,members,2024,1,,,,',
      ),
    )
    expect(result.rows.map((r) => r.district)).toEqual(['xiaoshan', 'xihu', 'qiantang', 'fuyang'])
  })

  it('reports an unknown district listing the known ids', () => {
    const [issue] = validate(metricsCsv('binjiang,members,2024,1,,,,')).issues
    expect(issue).toMatchObject({ code: 'district-unknown', line: 2, column: 'district' })
    expect(en(issue)).toContain('xiaoshan, xihu, qiantang, fuyang')
    expect(zh(issue)).toContain('不在区目录中')
  })

  it('reports an unknown indicator naming up to three close ids', () => {
    const [issue] = validate(metricsCsv('xiaoshan,member,2024,1,,,,')).issues
    expect(issue).toMatchObject({ code: 'indicator-unknown', line: 2, column: 'indicator' })
    expect(en(issue)).toBe('indicator "member" is not in the catalogue; did you mean members, members_recruited?')
  })

  it('suggests the id of an indicator given by its name', () => {
    const [issue] = validate(metricsCsv('xiaoshan,建会率,2024,1,,,,')).issues
    expect(en(issue)).toContain('did you mean coverage_rate?')
  })

  it.each([
    ['2024年', 'period-invalid'],
    ['2019–2021', 'period-invalid'],
    ['', 'period-empty'],
    ['1948', 'period-out-of-range'],
    ['2101', 'period-out-of-range'],
    ['2021-2019', 'period-reversed'],
  ])('rejects period %j with %s', (period, code) => {
    expect(codes(metricsCsv(`xiaoshan,members,${period},1,,,,`))).toEqual([[code, 2, 'period']])
  })

  it.each([
    ['12万', 'value-unit', '120000'],
    ['"1,234"', 'value-thousands-separator', '1234'],
    ['85%', 'value-percent', null],
    ['NaN', 'value-not-finite', null],
    ['Infinity', 'value-not-finite', null],
    ['', 'value-empty', null],
    ['1e5', 'value-exponent', '100000'],
    ['+5', 'value-plus-sign', '5'],
    ['-5', 'value-negative', null],
    ['abc', 'value-not-number', null],
  ])('rejects value %s with %s', (value, code, suggestion) => {
    const [issue] = validate(metricsCsv(`xiaoshan,members,2024,${value},,,,`)).issues
    expect(issue).toMatchObject({ code, line: 2, column: 'value' })
    expect(en(issue)).toContain('in 人')
    if (suggestion) expect(en(issue)).toContain(`such as ${suggestion}`)
  })

  it('says what was found and what is expected for a value with a unit', () => {
    const [issue] = validate(metricsCsv('xiaoshan,welfare_spending,2024,12万,,,,')).issues
    expect(en(issue)).toBe(
      'value "12万" is not a plain number (it carries a unit or 万/亿); expected a plain decimal in 元 such as 120000',
    )
    expect(zh(issue)).toBe('value "12万" 不是普通数字（带有单位或万/亿）；应为以“元”为单位的普通小数，例如 120000')
  })

  it('suggests the number of a percentage only for a % indicator', () => {
    const [issue] = validate(metricsCsv('xiaoshan,coverage_rate,2024,85%,,,,')).issues
    expect(en(issue)).toContain('in % such as 85')
  })

  it('accepts the four qualifiers in any case and an empty one as exact', () => {
    const result = validate(
      metricsCsv(
        'xiaoshan,members,2021,1,APPROX,,,',
        'xiaoshan,members,2022,1,at_least,,,',
        'xiaoshan,members,2023,1,at_most,,,',
        'xiaoshan,members,2024,1,,,,',
      ),
    )
    expect(result.rows.map((r) => r.qualifier)).toEqual(['approx', 'at_least', 'at_most', 'exact'])
  })

  it('rejects another qualifier, hinting at the Chinese marker it matches', () => {
    const [issue] = validate(metricsCsv('xiaoshan,members,2024,1,约,,,')).issues
    expect(issue).toMatchObject({ code: 'qualifier-invalid', line: 2, column: 'qualifier' })
    expect(en(issue)).toContain('did you mean approx?')
  })

  it('reports the second occurrence of a district, indicator and period, naming the first line', () => {
    const result = validate(
      metricsCsv('xiaoshan,members,2024,1,,,,', 'xihu,members,2024,1,,,,', '萧山,members,2024,2,,,,'),
    )
    expect(result.issues).toMatchObject([{ code: 'duplicate-key', line: 4 }])
    expect(en(result.issues[0])).toContain('already appears on line 2')
  })

  it('treats 2024 and 2024-2024 as the same period', () => {
    expect(codes(metricsCsv('xiaoshan,members,2024,1,,,,', 'xiaoshan,members,2024-2024,1,,,,'))).toEqual([
      ['duplicate-key', 3, ''],
    ])
  })

  it('keeps free text as given, trimming only surrounding whitespace', () => {
    const result = validate(metricsCsv('xiaoshan,members,2024,1,, report A ,"  他说：“好”,  ok  ","a\nb"'))
    expect(result.rows[0]).toMatchObject({ source: 'report A', quote: '他说：“好”,  ok', note: 'a\nb' })
  })

  it('removes the apostrophe the exporter puts before = + - @', () => {
    const result = validate(
      metricsCsv("xiaoshan,members,2024,1,,'@src,'=SUM(A1),'-1", "xihu,members,2024,1,,'plain,''=x,'"),
    )
    expect(result.rows.map((r) => [r.source, r.quote, r.note])).toEqual([
      ['@src', '=SUM(A1)', '-1'],
      ["'plain", "'=x", "'"],
    ])
  })

  it('reports a missing required column on the header line and checks no rows', () => {
    const result = validate('district,indicator,period\nxiaoshan,members,2024\n')
    expect(result.issues.map((i) => [i.code, i.line, i.column])).toEqual([['column-missing', 1, 'value']])
    expect(result.rows).toEqual([])
  })

  it('warns about unknown columns and still returns the rows', () => {
    const result = validate('district,indicator,period,value,remarks\nxiaoshan,members,2024,1,x\n')
    expect(result.issues).toMatchObject([
      { severity: 'warning', code: 'column-unknown', line: 1, column: 'remarks' },
      { severity: 'warning', code: 'attributes-defaulted', line: 1 },
    ])
    expect(result.warningCount).toBe(2)
    expect(result.rows).toHaveLength(1)
  })

  it('collects every error of every row and returns no rows', () => {
    const result = validate(
      metricsCsv('nowhere,nothing,20x,12万,maybe,,,', 'xiaoshan,members,2024,1,,,,', 'xihu,members,2024,-1,,,,'),
    )
    expect(result.issues.map((i) => [i.code, i.line])).toEqual([
      ['district-unknown', 2],
      ['indicator-unknown', 2],
      ['period-invalid', 2],
      ['value-unit', 2],
      ['qualifier-invalid', 2],
      ['value-negative', 4],
    ])
    expect(result.errorCount).toBe(6)
    expect(result.rows).toEqual([])
  })

  it('merges parse issues with its own in line order', () => {
    const result = validate(
      metricsCsv('xiaoshan,members,2024,x,,,,', 'xihu,members,2024,1,,,', 'fuyang,members,2024,y,,,,'),
    )
    expect(result.issues.map((i) => [i.code, i.line])).toEqual([
      ['value-not-number', 2],
      ['field-count', 3],
      ['value-not-number', 4],
    ])
  })

  it('keeps only the earliest issues when capped but counts them all', () => {
    const lines = Array.from({ length: 150 }, (_, i) => `xiaoshan,members,${1950 + i},bad,,,,`)
    const result = validate(metricsCsv(...lines), { maxIssues: 100 })
    expect(result.issues).toHaveLength(100)
    expect(result.issues.at(-1)?.line).toBe(101)
    expect(result.errorCount).toBe(150)
  })

  it('reports progress up to the record count', () => {
    const lines = Array.from({ length: 20000 }, (_, i) => `xiaoshan,members,${1950 + (i % 150)}-2100,${i},,,,`)
    const calls: number[] = []
    validate(metricsCsv(...lines), { onProgress: (done: number, total: number) => calls.push(done / total) })
    expect(calls.at(-1)).toBe(1)
    expect(calls.length).toBeGreaterThan(2)
  })
})

describe('buildDistrictLookup', () => {
  it('maps ids, Chinese names with and without 区, union names and English names to the id', () => {
    const lookup = buildDistrictLookup(FIXTURE_CATALOGUE)
    for (const text of ['xiaoshan', '萧山区', '萧山', '萧山区总工会', 'Xiaoshan', 'XIAOSHAN']) {
      expect(resolveDistrict(lookup, text)).toBe('xiaoshan')
    }
    expect(resolveDistrict(lookup, '滨江')).toBeUndefined()
  })
})

describe('validateMetrics on hostile input', () => {
  // No time limit (flaky on a shared machine): a quadratic search for suggestions would hit the 20 s hang guard.
  it('reports each row naming a different unknown indicator', { timeout: 20_000 }, () => {
    const lines = Array.from(
      { length: 50_000 },
      (_, i) => `xiaoshan,free text that is not an id number ${i},2024,1,,,,`,
    )
    const result = validate(metricsCsv(...lines), { maxIssues: 100 })
    expect(result.errorCount).toBe(50_000)
    expect(result.issues.length).toBeLessThanOrEqual(100)
  })
})
