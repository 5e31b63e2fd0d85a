import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { detectCsvKind, loadCatalogue, loadMetricsCsv, validateCsvFile } from '../../../src/dataset/load'
import { FIXTURE_CATALOGUE, METRICS_HEADER, fixtureBytes, metricsCsv, utf8 } from './fixtures'
import { issueMessage } from '../../../src/locales/issue-messages'
import type { ValidationIssue } from '../../../src/types/validation'

/** An issue's English and Chinese wording, as the import panel and `npm run validate` show it. */
const en = (issue: ValidationIssue | undefined): string => (issue ? issueMessage(issue, 'en') : '')
const zh = (issue: ValidationIssue | undefined): string => (issue ? issueMessage(issue, 'zh-CN') : '')

const load = (bytes: Uint8Array) => loadMetricsCsv(bytes, FIXTURE_CATALOGUE, { fileName: 'f.csv', datasetId: 'imp' })
const loadFixture = (name: string) => load(fixtureBytes(name))

describe('loadMetricsCsv', () => {
  it('loads a file of the older format, with one warning naming the defaults it assumed', () => {
    const result = loadFixture('valid-metrics.csv')
    expect(result).toMatchObject({ ok: true, fileName: 'f.csv', encoding: 'utf-8', errorCount: 0, warningCount: 1 })
    expect(result.issues).toMatchObject([{ severity: 'warning', code: 'attributes-defaulted', line: 1 }])
    expect(en(result.issues[0])).toContain('measure=flow, basis=(empty), status=achieved, method=reported')
    expect(zh(result.issues[0])).toContain('status=achieved')
    expect(result.rows.every((r) => r.measure === 'flow' && r.basis === '' && r.status === 'achieved')).toBe(true)
    expect(result.rows.every((r) => r.method === 'reported' && r.noteEn === '')).toBe(true)
  })

  it('reads what each figure counts from the attribute columns, a target beside the achieved figure', () => {
    const catalogue = {
      ...FIXTURE_CATALOGUE,
      bases: [
        { id: 'public_courses', nameZh: '公益课程', nameEn: 'public courses', descriptionZh: '', descriptionEn: '' },
      ],
    }
    const result = loadMetricsCsv(fixtureBytes('valid-metrics-attributes.csv'), catalogue, {
      fileName: 'f.csv',
      datasetId: 'imp',
    })
    expect(result).toMatchObject({ ok: true, issues: [], warningCount: 0 })
    expect(result.rows.map((r) => [r.measure, r.basis, r.status, r.method, r.noteEn])).toEqual([
      ['stock', '', 'achieved', 'reported', 'Members at year end'],
      ['flow', 'public_courses', 'achieved', 'reported', ''],
      ['flow', '', 'nominated', 'reported', 'Nominations'],
      ['flow', '', 'target', 'reported', ''],
      ['flow', '', 'target', 'derived', 'Derived from the plan'],
    ])
  })

  it('rejects unknown attribute values and basis keys, naming the line and what was expected', () => {
    const result = loadFixture('attribute-invalid.csv')
    expect(result.ok).toBe(false)
    expect(result.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['measure-invalid', 2, 'measure'],
      ['basis-unknown', 3, 'basis'],
      ['status-invalid', 4, 'status'],
      ['method-invalid', 5, 'method'],
    ])
    expect(en(result.issues[0])).toBe('measure "state" is not one of flow, stock; leave it empty for flow')
    expect(zh(result.issues[1])).toContain('不在 bases.csv 中')
  })

  it('loads a valid file with its encoding and rows', () => {
    const result = loadFixture('valid-metrics.csv')
    expect(result).toMatchObject({ ok: true, fileName: 'f.csv', encoding: 'utf-8', errorCount: 0 })
    expect(result.rows.map((r) => [r.district, r.indicator, r.period, r.value, r.qualifier, r.line])).toEqual([
      ['xiaoshan', 'members', '2024', 356000, 'approx', 2],
      ['xiaoshan', 'welfare_spending', '2024', 978900, 'exact', 3],
      ['xihu', 'training_sessions', '2018-2022', 1250, 'at_least', 4],
      ['qiantang', 'coverage_rate', '2023', 92.5, 'exact', 5],
      ['fuyang', 'members_recruited', '2024', 0, 'at_most', 6],
    ])
    expect(result.rows[2]?.note).toBe('He said "over 1,250".')
    expect(result.rows.every((r) => r.dataset === 'imp')).toBe(true)
  })

  it('loads a GB18030 file saved by Excel on Chinese Windows', () => {
    const result = loadFixture('gbk-encoded.csv')
    expect(result).toMatchObject({ ok: true, encoding: 'gb18030' })
    expect(result.rows.map((r) => [r.district, r.quote, r.note])).toEqual([
      ['xiaoshan', '全区会员约35.6万人', ''],
      ['xihu', '累计开展培训1250余场', '“引号”与逗号，'],
    ])
  })

  it('loads a UTF-8 file with a BOM', () => {
    const result = loadFixture('bom-utf8.csv')
    expect(result).toMatchObject({ ok: true, encoding: 'utf-8-bom' })
    expect(result.rows[0]).toMatchObject({ district: 'xiaoshan', quote: '全区会员' })
  })

  it('loads a CRLF file, counting the lines of a quoted line break', () => {
    const result = loadFixture('crlf.csv')
    expect(result.ok).toBe(true)
    expect(result.rows.map((r) => [r.line, r.quote, r.note])).toEqual([
      [2, 'two\r\nlines', 'note'],
      [4, '', 'last note'],
    ])
  })

  it('accepts a header in any case, order and spacing', () => {
    expect(loadFixture('header-case-and-order.csv').rows).toMatchObject([{ district: 'xiaoshan', value: 356000 }])
  })

  it('normalises Chinese district names to ids', () => {
    expect(loadFixture('district-chinese-name.csv').rows.map((r) => r.district)).toEqual([
      'xiaoshan',
      'xihu',
      'qiantang',
    ])
  })

  it('removes the apostrophe the exporter adds against CSV injection', () => {
    const rows = loadFixture('injection-neutralised.csv').rows
    expect(rows.map((r) => [r.source, r.quote, r.note])).toEqual([
      ['@src', '=SUM(A1)', '+1 more'],
      ['', "'hello", '-'],
    ])
  })

  it('loads a file with an unknown column, warning about it', () => {
    const result = loadFixture('unknown-column.csv')
    expect(result).toMatchObject({ ok: true, errorCount: 0, warningCount: 2 })
    expect(result.issues).toMatchObject([
      { severity: 'warning', code: 'column-unknown', line: 1, column: 'remarks' },
      { severity: 'warning', code: 'attributes-defaulted', line: 1 },
    ])
    expect(result.rows).toHaveLength(1)
  })

  it.each([
    ['missing-value-column.csv', 'column-missing', 1, 'value'],
    ['value-with-unit.csv', 'value-unit', 3, 'value'],
    ['value-thousands-separator.csv', 'value-thousands-separator', 2, 'value'],
    ['value-percent.csv', 'value-percent', 2, 'value'],
    ['value-not-finite.csv', 'value-not-finite', 2, 'value'],
    ['value-exponent.csv', 'value-exponent', 2, 'value'],
    ['value-negative.csv', 'value-negative', 2, 'value'],
    ['value-plus-sign.csv', 'value-plus-sign', 2, 'value'],
    ['value-empty.csv', 'value-empty', 2, 'value'],
    ['value-not-number.csv', 'value-not-number', 2, 'value'],
    ['duplicate-key.csv', 'duplicate-key', 5, ''],
    ['multiline-quote-shifts-lines.csv', 'indicator-unknown', 5, 'indicator'],
    ['unknown-indicator.csv', 'indicator-unknown', 3, 'indicator'],
    ['unknown-district.csv', 'district-unknown', 2, 'district'],
    ['period-invalid.csv', 'period-invalid', 2, 'period'],
    ['period-reversed.csv', 'period-reversed', 2, 'period'],
    ['period-out-of-range.csv', 'period-out-of-range', 2, 'period'],
    ['qualifier-invalid.csv', 'qualifier-invalid', 2, 'qualifier'],
    ['field-count-too-many.csv', 'field-count', 2, ''],
    ['field-count-too-few.csv', 'field-count', 2, ''],
    ['blank-lines-skipped.csv', 'value-not-number', 6, 'value'],
    ['unterminated-quote.csv', 'quote-unterminated', 3, 'quote'],
    ['duplicate-header.csv', 'header-duplicate', 1, 'value'],
    ['header-only.csv', 'no-data-rows', 1, ''],
    ['empty-file.csv', 'empty-file', 0, ''],
    ['semicolon-separated.csv', 'column-missing', 1, 'district'],
    ['utf16-le.csv', 'encoding-utf16', 0, ''],
    ['utf16-le-no-bom.csv', 'encoding-utf16', 0, ''],
    ['utf16-be.csv', 'encoding-utf16', 0, ''],
    ['png-image.csv', 'encoding-binary', 0, ''],
    ['nul-bytes.csv', 'encoding-binary', 0, ''],
  ])('rejects %s with %s at line %i, column %j', (name, code, line, column) => {
    const result = loadFixture(name)
    expect(result.ok).toBe(false)
    expect(result.rows).toEqual([])
    expect(result.issues[0]).toMatchObject({ severity: 'error', code, line, column })
    expect(en(result.issues[0])).not.toBe('')
    expect(zh(result.issues[0])).toMatch(/[\u4e00-\u9fff]/)
  })

  it('names the first line in a duplicate-key error', () => {
    expect(en(loadFixture('duplicate-key.csv').issues[0])).toBe(
      'district xiaoshan, indicator members, period 2024 already appears on line 2; each combination may appear only once',
    )
  })

  it('counts the lines of multi-line quotes in every later line number', () => {
    expect(loadFixture('multiline-quote-shifts-lines.csv').issues.map((i) => [i.code, i.line])).toEqual([
      ['indicator-unknown', 5],
      ['value-not-number', 8],
    ])
  })

  it('hints at the separator when a file uses semicolons', () => {
    expect(en(loadFixture('semicolon-separated.csv').issues[0])).toContain("separated by ';'")
  })

  it('rejects the whole file when one row of many is wrong', () => {
    const result = load(
      utf8(metricsCsv('xiaoshan,members,2024,1,,,,', 'xihu,members,2024,x,,,,', 'fuyang,members,2024,3,,,,')),
    )
    expect(result).toMatchObject({ ok: false, rows: [], errorCount: 1 })
  })

  it('returns the first 100 issues and the total count', () => {
    const lines = Array.from({ length: 150 }, (_, i) => `xiaoshan,members,${1950 + i},bad,,,,`)
    const result = load(utf8(metricsCsv(...lines)))
    expect(result.issues).toHaveLength(100)
    expect(result.issues[0]?.line).toBe(2)
    expect(result.errorCount).toBe(150)
  })

  it('reports progress in bytes, ending at the file size', () => {
    const lines = Array.from({ length: 30000 }, (_, i) => `xiaoshan,members,${1950 + (i % 150)}-2100,${i},,,,`)
    const bytes = utf8(
      metricsCsv(...lines.slice(0, 150)) +
        lines
          .slice(150)
          .map((l, i) => l.replace('xiaoshan', ['xihu', 'qiantang', 'fuyang'][i % 3] ?? ''))
          .join('\n'),
    )
    const calls: Array<[number, number]> = []
    loadMetricsCsv(bytes, FIXTURE_CATALOGUE, {
      fileName: 'f',
      datasetId: 'd',
      onProgress: (done, total) => calls.push([done, total]),
    })
    expect(calls.at(-1)).toEqual([bytes.byteLength, bytes.byteLength])
    const dones = calls.map(([done]) => done)
    expect(dones).toEqual([...dones].sort((a, b) => a - b))
  })

  it('never throws on random bytes and explains every rejection', () => {
    const header = utf8(`${METRICS_HEADER}\n`)
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 500 }),
      fc.uint8Array({ maxLength: 500 }).map((tail) => new Uint8Array([...header, ...tail])),
    )
    fc.assert(
      fc.property(bytes, (input) => {
        const result = load(input)
        if (!result.ok) {
          expect(result.rows).toEqual([])
          expect(result.errorCount).toBeGreaterThan(0)
          expect(result.issues.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 300 },
    )
  })

  // The timeout is a hang guard for a shared, busy machine, not a speed limit.
  it('validates 200,000 rows, every one kept (speed is measured by npm run bench)', { timeout: 60_000 }, () => {
    const lines: string[] = []
    for (const indicator of ['members', 'welfare_spending', 'coverage_rate', 'training_sessions', 'outreach_events']) {
      for (const district of ['xiaoshan', 'xihu', 'qiantang', 'fuyang']) {
        for (let start = 1949; start <= 2100 && lines.length < 200_000; start++) {
          for (let end = start; end <= 2100 && lines.length < 200_000; end++) {
            lines.push(`${district},${indicator},${start}-${end},${end * 10.5},approx,src,"引文, ""quoted""",`)
          }
        }
      }
    }
    const bytes = utf8(`${METRICS_HEADER}\n${lines.join('\n')}\n`)
    const result = load(bytes)
    expect(result.issues.map((i) => i.code)).toEqual(['attributes-defaulted'])
    expect(result.rows).toHaveLength(200_000)
  })
})

describe('detectCsvKind', () => {
  it('tells each file kind from its header', () => {
    expect(detectCsvKind(['district', 'indicator', 'period', 'value'])).toBe('metrics')
    expect(detectCsvKind(['district', 'period', 'value'])).toBe('metrics')
    expect(detectCsvKind([' ID ', 'Name_ZH', 'name_en', 'color'])).toBe('districts')
    expect(detectCsvKind(['id', 'category', 'name_zh', 'name_en', 'unit', 'description'])).toBe('indicators')
    expect(detectCsvKind(['id', 'district', 'title_zh', 'published', 'period', 'file', 'note'])).toBe('sources')
    expect(detectCsvKind(['name', 'age'])).toBeNull()
    expect(detectCsvKind([])).toBeNull()
  })
})

describe('loadCatalogue', () => {
  const catalogueFiles = (dir: string) => ({
    districts: fixtureBytes(`${dir}/districts.csv`),
    indicators: fixtureBytes(`${dir}/indicators.csv`),
    sources: fixtureBytes(`${dir}/sources.csv`),
  })

  it('loads the three catalogue files', () => {
    const result = loadCatalogue(catalogueFiles('catalogue'))
    expect(result.issues).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.catalogue).toEqual(FIXTURE_CATALOGUE)
  })

  it('tags each issue with its file and drops the rows of a file with errors, without blaming sources for it', () => {
    const result = loadCatalogue(catalogueFiles('catalogue-broken'))
    expect(result.ok).toBe(false)
    expect(result.issues.map((i) => [i.file, i.line, i.code])).toEqual([
      ['districts.csv', 3, 'id-invalid'],
      ['districts.csv', 3, 'color-invalid'],
    ])
    expect(result.catalogue.districts).toEqual([])
    expect(result.catalogue.indicators).toHaveLength(7)
  })

  it('reports an undecodable catalogue file without throwing', () => {
    const result = loadCatalogue({ ...catalogueFiles('catalogue'), indicators: fixtureBytes('utf16-le.csv') })
    expect(result.issues).toMatchObject([{ file: 'indicators.csv', code: 'encoding-utf16' }])
  })
})

describe('validateCsvFile', () => {
  it('validates each kind of file by its header', () => {
    expect(validateCsvFile(fixtureBytes('valid-metrics.csv'), FIXTURE_CATALOGUE)).toMatchObject({
      kind: 'metrics',
      ok: true,
      rowCount: 5,
    })
    expect(validateCsvFile(fixtureBytes('catalogue/districts.csv'), FIXTURE_CATALOGUE)).toMatchObject({
      kind: 'districts',
      ok: true,
      rowCount: 4,
    })
    expect(validateCsvFile(fixtureBytes('catalogue/indicators.csv'), FIXTURE_CATALOGUE)).toMatchObject({
      kind: 'indicators',
      ok: true,
      rowCount: 7,
    })
    expect(validateCsvFile(fixtureBytes('catalogue/sources.csv'), FIXTURE_CATALOGUE)).toMatchObject({
      kind: 'sources',
      ok: true,
      rowCount: 2,
    })
  })

  it('rejects a file whose header fits no kind', () => {
    const report = validateCsvFile(utf8('name,age\nLi,3\n'), FIXTURE_CATALOGUE)
    expect(report).toMatchObject({ kind: null, ok: false, errorCount: 1 })
    expect(report.issues).toMatchObject([{ code: 'kind-unknown', line: 1 }])
  })
})
