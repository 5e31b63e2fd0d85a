import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { QUALIFIERS } from '../../../src/types/domain'
import type { Metric } from '../../../src/types/domain'
import { neutraliseCell, serializeCsv, serializeMetricsCsv } from '../../../src/dataset/export-csv'
import { decodeCsvBytes, parseCsvText } from '../../../src/dataset/parse-csv'
import { validateMetrics } from '../../../src/dataset/validators/metrics'
import { FIXTURE_CATALOGUE, utf8 } from './fixtures'
import { issueMessage } from '../../../src/locales/issue-messages'
import type { ValidationIssue } from '../../../src/types/validation'

/** An issue's English and Chinese wording, as the import panel and `npm run validate` show it. */
const en = (issue: ValidationIssue | undefined): string => (issue ? issueMessage(issue, 'en') : '')

const metric = (over: Partial<Metric> = {}): Metric => ({
  district: 'xiaoshan',
  indicator: 'members',
  period: '2024',
  start: 2024,
  end: 2024,
  value: 356000,
  qualifier: 'exact',
  source: '',
  quote: '',
  note: '',
  measure: 'flow',
  basis: '',
  status: 'achieved',
  method: 'reported',
  noteEn: '',
  place: null,
  line: 2,
  dataset: 'd',
  ...over,
})

describe('neutraliseCell', () => {
  it('prefixes an apostrophe to cells a spreadsheet would run as formulas', () => {
    for (const cell of ['=SUM(A1)', '+86', '-x', '@cmd', '\tx', '\rx', "'=x", "''+x"])
      expect(neutraliseCell(cell)).toBe(`'${cell}`)
  })

  it('leaves ordinary text and plain negative numbers alone', () => {
    for (const cell of ['hello', "'hello", '12', '-5', '-0.25', '', '萧山']) expect(neutraliseCell(cell)).toBe(cell)
  })
})

describe('serializeCsv', () => {
  it('writes a BOM, CRLF line ends and RFC 4180 quoting', () => {
    const csv = serializeCsv(
      ['a', 'b'],
      [
        ['x, y', 'say "hi"'],
        ['line\nbreak', 'plain'],
      ],
    )
    expect(csv).toBe('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"line\nbreak",plain\r\n')
  })

  it('leaves the BOM out when asked', () => {
    expect(serializeCsv(['a'], [['1']], { bom: false })).toBe('a\r\n1\r\n')
  })

  it('neutralises formula cells before quoting them', () => {
    expect(serializeCsv(['a'], [['=1,2']], { bom: false })).toBe('a\r\n"\'=1,2"\r\n')
  })
})

describe('serializeMetricsCsv', () => {
  it('writes the import header and one line per metric', () => {
    const csv = serializeMetricsCsv([metric({ quote: '全区会员, 约35.6万人', qualifier: 'approx' })])
    expect(csv).toBe(
      '\uFEFFdistrict,indicator,period,value,qualifier,source,quote,note,measure,basis,status,method,note_en,place\r\nxiaoshan,members,2024,356000,approx,,"全区会员, 约35.6万人",,flow,,achieved,reported,,\r\n',
    )
  })

  it('writes values as plain decimals', () => {
    const csv = serializeMetricsCsv(
      [metric({ value: 0.000001 }), metric({ value: 1e-7, period: '2023', start: 2023, end: 2023 })],
      { bom: false },
    )
    expect(csv.split('\r\n').slice(1, 3)).toEqual([
      'xiaoshan,members,2024,0.000001,exact,,,,flow,,achieved,reported,,',
      'xiaoshan,members,2023,0.0000001,exact,,,,flow,,achieved,reported,,',
    ])
  })

  it('makes free text starting with = + - @ safe', () => {
    const csv = serializeMetricsCsv([metric({ quote: '=HYPERLINK("x")', note: '@SUM' })], { bom: false })
    expect(csv).toContain(`"'=HYPERLINK(""x"")",'@SUM`)
  })

  it('round-trips random valid tables through decode, parse and validate unchanged', () => {
    const special = fc.constantFrom(
      ',',
      '"',
      '\n',
      '\r\n',
      '\r',
      '=',
      '+',
      '-',
      '@',
      "'",
      ' ',
      '\t',
      '萧',
      '“',
      '”',
      '，',
      '😀',
    )
    const unit = fc.oneof(special, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }))
    // Importers trim text and reject control characters, so generate what survives that.
    const text = fc.string({ unit, maxLength: 30 }).map((s) =>
      [...s]
        .filter((c) => {
          const code = c.codePointAt(0) ?? 0
          return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code !== 0x7f)
        })
        .join('')
        .trim(),
    )
    const period = fc
      .tuple(fc.integer({ min: 1949, max: 2100 }), fc.integer({ min: 1949, max: 2100 }), fc.boolean())
      .map(([a, b, range]) => {
        const start = Math.min(a, b)
        const end = Math.max(a, b)
        return { start, end, period: start === end && !range ? String(start) : `${start}-${end}` }
      })
    const value = fc.oneof(
      fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: 0, max: 1e9 }),
    )
    const row = fc.record({
      district: fc.constantFrom(...FIXTURE_CATALOGUE.districts.map((d) => d.id)),
      indicator: fc.constantFrom(...FIXTURE_CATALOGUE.indicators.map((i) => i.id)),
      period,
      value: value.map((v) => (Object.is(v, -0) ? 0 : v)),
      qualifier: fc.constantFrom(...QUALIFIERS),
      source: text,
      quote: text,
      note: text,
    })
    const table = fc.uniqueArray(row, {
      minLength: 1,
      maxLength: 25,
      selector: (r) => `${r.district}|${r.indicator}|${r.period.start}-${r.period.end}`,
    })
    fc.assert(
      fc.property(table, fc.boolean(), (generated, bom) => {
        const rows: Metric[] = generated.map((r, i) => ({
          district: r.district,
          indicator: r.indicator,
          period: r.period.period,
          start: r.period.start,
          end: r.period.end,
          value: r.value,
          qualifier: r.qualifier,
          source: r.source,
          quote: r.quote,
          note: r.note,
          measure: 'flow',
          basis: '',
          status: 'achieved',
          method: 'reported',
          noteEn: '',
          place: null,
          line: i + 2,
          dataset: 'round-trip',
        }))
        const decoded = decodeCsvBytes(utf8(serializeMetricsCsv(rows, { bom })))
        if (!decoded.ok) throw new Error(en(decoded.issue))
        expect(decoded.encoding).toBe(bom ? 'utf-8-bom' : 'utf-8')
        const result = validateMetrics(parseCsvText(decoded.text), FIXTURE_CATALOGUE, 'round-trip')
        expect(result.issues).toEqual([])
        // Lines move when text holds line breaks, so compare them apart from everything else.
        expect(result.rows.map((r) => ({ ...r, line: 0 }))).toEqual(rows.map((r) => ({ ...r, line: 0 })))
        const breaks = (m: Metric) => [m.source, m.quote, m.note].join('').split('\n').length - 1
        let expected = 2
        result.rows.forEach((r, i) => {
          expect(r.line).toBe(expected)
          expected += 1 + breaks(rows[i] as Metric)
        })
      }),
      { numRuns: 200 },
    )
  })
})
