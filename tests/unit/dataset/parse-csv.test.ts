import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decodeCsvBytes, findEncodingChange, parseCsvText, rowSeparatorOf } from '../../../src/dataset/parse-csv'
import { fixtureBytes, utf8 } from './fixtures'
import { issueMessage } from '../../../src/locales/issue-messages'
import type { ValidationIssue } from '../../../src/types/validation'

/** An issue's English and Chinese wording, as the import panel and `npm run validate` show it. */
const en = (issue: ValidationIssue | undefined): string => (issue ? issueMessage(issue, 'en') : '')
const zh = (issue: ValidationIssue | undefined): string => (issue ? issueMessage(issue, 'zh-CN') : '')

function decodeFixture(name: string) {
  return decodeCsvBytes(fixtureBytes(name))
}

describe('decodeCsvBytes', () => {
  it('decodes plain UTF-8 and reports utf-8', () => {
    const result = decodeCsvBytes(utf8('a,b\n萧山,1\n'))
    expect(result).toEqual({ ok: true, text: 'a,b\n萧山,1\n', encoding: 'utf-8' })
  })

  it('strips a UTF-8 byte order mark and reports utf-8-bom', () => {
    const result = decodeFixture('bom-utf8.csv')
    expect(result.ok && result.encoding).toBe('utf-8-bom')
    expect(result.ok && result.text.startsWith('district,')).toBe(true)
  })

  it('falls back to GB18030 for bytes that are not valid UTF-8', () => {
    const result = decodeFixture('gbk-encoded.csv')
    expect(result.ok && result.encoding).toBe('gb18030')
    expect(result.ok && result.text).toContain('萧山区,members,2024,356000')
    expect(result.ok && result.text).toContain('“引号”与逗号，')
  })

  it.each(['utf16-le.csv', 'utf16-be.csv', 'utf16-le-no-bom.csv'])('rejects UTF-16 text (%s)', (name) => {
    const result = decodeFixture(name)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issue).toMatchObject({ severity: 'error', code: 'encoding-utf16', line: 0, column: '' })
    expect(en(result.issue)).toContain('UTF-16')
    expect(zh(result.issue)).toContain('UTF-16')
  })

  it('rejects a PNG image, naming it', () => {
    const result = decodeFixture('png-image.csv')
    expect(!result.ok && result.issue.code).toBe('encoding-binary')
    expect(!result.ok && en(result.issue)).toContain('PNG')
  })

  it('rejects text with NUL bytes as binary', () => {
    const result = decodeFixture('nul-bytes.csv')
    expect(!result.ok && result.issue.code).toBe('encoding-binary')
  })

  it('rejects an Excel workbook, telling how to save CSV', () => {
    const result = decodeCsvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))
    expect(!result.ok && result.issue.code).toBe('encoding-binary')
    expect(!result.ok && en(result.issue)).toContain('Excel')
  })

  it('rejects bytes full of control characters even without NUL', () => {
    const bytes = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41))
    expect(decodeCsvBytes(bytes).ok).toBe(false)
  })

  it('rejects a UTF-8 BOM followed by invalid UTF-8', () => {
    const result = decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff, 0x62]))
    expect(!result.ok && result.issue.code).toBe('encoding-invalid')
  })

  it('decodes an empty file as empty UTF-8 text', () => {
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ ok: true, text: '', encoding: 'utf-8' })
  })

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const result = decodeCsvBytes(bytes)
        expect(typeof result.ok).toBe('boolean')
      }),
    )
  })
})

describe('parseCsvText', () => {
  it('trims and lower-cases header names and keys records by them', () => {
    const parsed = parseCsvText(' Value ,DISTRICT\n12, xiaoshan \n')
    expect(parsed.header).toEqual(['value', 'district'])
    expect(parsed.headerLine).toBe(1)
    expect(parsed.records).toEqual([{ line: 2, fields: { value: '12', district: ' xiaoshan ' } }])
    expect(parsed.issues).toEqual([])
  })

  it('reads RFC 4180 quoting: commas, doubled quotes and newlines inside quotes', () => {
    const parsed = parseCsvText('a,b\n"x, y","say ""hi""\nthere"\n')
    expect(parsed.records[0]?.fields).toEqual({ a: 'x, y', b: 'say "hi"\nthere' })
  })

  it('counts physical lines, so a record after a 3-line record starts 3 lines later', () => {
    const parsed = parseCsvText('a,b\n1,"one\ntwo\nthree"\n2,x\n3,"p\nq"\n4,y')
    expect(parsed.records.map((r) => r.line)).toEqual([2, 5, 6, 8])
  })

  it('handles CRLF without leaving carriage returns in fields', () => {
    const parsed = parseCsvText('a,b\r\n1,"two\r\nlines"\r\n2,last\r\n')
    expect(parsed.records).toEqual([
      { line: 2, fields: { a: '1', b: 'two\r\nlines' } },
      { line: 4, fields: { a: '2', b: 'last' } },
    ])
  })

  it('handles a file mixing LF and CRLF line ends', () => {
    const parsed = parseCsvText('a,b\r\n1,x\n2,y\r\n3,z')
    expect(parsed.records.map((r) => [r.line, r.fields.b])).toEqual([
      [2, 'x'],
      [3, 'y'],
      [4, 'z'],
    ])
  })

  it('reads a file whose lines end in CR only', () => {
    const parsed = parseCsvText('a,b\r1,x\r2,y\r')
    expect(parsed.records.map((r) => [r.line, r.fields.b])).toEqual([
      [2, 'x'],
      [3, 'y'],
    ])
  })

  it('skips blank and whitespace-only lines but keeps counting them', () => {
    const parsed = parseCsvText('\n\na,b\n\n1,x\n   \n,\n2,y\n\n')
    expect(parsed.headerLine).toBe(3)
    expect(parsed.records.map((r) => r.line)).toEqual([5, 8])
    expect(parsed.issues).toEqual([])
  })

  it('strips a byte order mark left in the text', () => {
    expect(parseCsvText('\uFEFFa,b\n1,2\n').header).toEqual(['a', 'b'])
  })

  it('reports a line with too many or too few fields', () => {
    const parsed = parseCsvText('a,b,c\n1,2,3\n1,2,3,4\n1,2\n')
    expect(parsed.records).toHaveLength(1)
    expect(parsed.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['field-count', 3, ''],
      ['field-count', 4, ''],
    ])
    expect(en(parsed.issues[0])).toBe(
      'the line has 4 fields but the header has 3 columns; a field containing a comma (such as 1,234) must be quoted or written without the comma',
    )
    expect(zh(parsed.issues[1])).toBe('该行有 2 个字段，但表头有 3 列')
  })

  it('reports an unterminated quote at the line and column where it opens', () => {
    const parsed = parseCsvText('a,b,c\n1,2,3\n4,5,"open\n6,7,8\n')
    expect(parsed.issues).toHaveLength(1)
    expect(parsed.issues[0]).toMatchObject({ code: 'quote-unterminated', line: 3, column: 'c' })
  })

  it('reports text after a closing quote as a malformed quote', () => {
    const parsed = parseCsvText('a,b\n1,x\n2,"bad"quote\n3,y\n')
    const issue = parsed.issues.find((i) => i.code === 'quote-malformed')
    expect(issue).toMatchObject({ line: 3, column: 'b' })
  })

  it('reports a duplicate header name and keeps the first column', () => {
    const parsed = parseCsvText('a,b,a\n1,2,3\n')
    expect(parsed.issues).toMatchObject([{ code: 'header-duplicate', line: 1, column: 'a' }])
    expect(parsed.records[0]?.fields).toEqual({ a: '1', b: '2' })
  })

  it('ignores a __proto__ column instead of touching the prototype', () => {
    const parsed = parseCsvText('__proto__,a\n{"x":1},2\n')
    const fields = parsed.records[0]?.fields ?? {}
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype)
    expect(fields).toEqual({ a: '2' })
  })

  it('reports an empty file', () => {
    expect(parseCsvText('').issues).toMatchObject([{ code: 'empty-file', line: 0 }])
    expect(parseCsvText('\n \n').issues).toMatchObject([{ code: 'empty-file', line: 0 }])
  })

  it('reports a header with no data rows at the header line', () => {
    expect(parseCsvText('a,b\n\n').issues).toMatchObject([{ code: 'no-data-rows', line: 1 }])
  })

  it('reports progress ending at the text length', () => {
    const text = 'a,b\n' + '1,2\n'.repeat(20000)
    const calls: Array<[number, number]> = []
    parseCsvText(text, { onProgress: (done, total) => calls.push([done, total]) })
    expect(calls.length).toBeGreaterThan(1)
    expect(calls.at(-1)).toEqual([text.length, text.length])
  })

  it('gives every issue an English and a Chinese message', () => {
    const parsed = parseCsvText('a,a\n1\n"x')
    for (const issue of parsed.issues) {
      expect(en(issue)).toMatch(/[a-z]/)
      expect(zh(issue)).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '萧') }), (text) => {
        const parsed = parseCsvText(text)
        for (const record of parsed.records) expect(record.line).toBeGreaterThan(parsed.headerLine)
      }),
    )
  })

  // Throughput is the benchmark's to measure (tests/bench/bench-parse.ts); the timeout only guards against a hang.
  it('parses 200,000 quoted rows with every line number in place', { timeout: 60_000 }, () => {
    const row = 'xiaoshan,members,2024,356000,exact,xiaoshan-2024,"全区会员, 约35.6万人",note\n'
    const text = 'district,indicator,period,value,qualifier,source,quote,note\n' + row.repeat(200_000)
    const parsed = parseCsvText(text)
    expect(parsed.issues).toEqual([])
    expect(parsed.records).toHaveLength(200_000)
    expect(parsed.records.at(-1)?.line).toBe(200_001)
    expect(parsed.records.at(-1)?.fields.quote).toBe('全区会员, 约35.6万人')
  })
})

describe('decodeCsvBytes with mixed encodings', () => {
  it('rejects UTF-8 rows appended to a GBK file, naming the line where the encoding changes', () => {
    const result = decodeFixture('mixed-gbk-then-utf8.csv')
    expect(result.ok).toBe(false)
    expect(!result.ok && result.issue).toMatchObject({ severity: 'error', code: 'encoding-mixed', line: 4 })
    expect(!result.ok && en(result.issue)).toContain('GB18030 (GBK), this line is UTF-8')
    expect(!result.ok && zh(result.issue)).toContain('从此行起为 UTF-8')
  })

  it('rejects GBK rows appended to a UTF-8 file at the first GBK line', () => {
    const result = decodeFixture('mixed-utf8-then-gbk.csv')
    expect(!result.ok && result.issue).toMatchObject({ code: 'encoding-mixed', line: 3 })
  })

  it('still reads a file that is GBK throughout', () => {
    expect(findEncodingChange(fixtureBytes('gbk-encoded.csv'))).toBeNull()
    expect(decodeFixture('gbk-encoded.csv').ok).toBe(true)
  })
})

describe('parseCsvText with CR line endings', () => {
  it('splits a CR-only file on CR, keeping an LF inside a quoted cell, with the right line numbers', () => {
    const decoded = decodeFixture('cr-only-lf-in-quote.csv')
    expect(decoded.ok).toBe(true)
    const parsed = parseCsvText(decoded.ok ? decoded.text : '')
    expect(parsed.issues).toEqual([])
    expect(parsed.header).toEqual(['district', 'indicator', 'period', 'value', 'qualifier', 'source', 'quote', 'note'])
    expect(parsed.records.map((r) => [r.line, r.fields.district, r.fields.quote])).toEqual([
      [2, 'xiaoshan', '全区会员\n约35.6万人'],
      [3, 'fuyang', ''],
      [4, 'xihu', ''],
    ])
  })

  it('takes the separator from the first line break outside quotes', () => {
    const at = (t: string) => rowSeparatorOf(t.length, (i) => t.charCodeAt(i))
    expect(at('a,b\r1,2\r')).toBe('\r')
    expect(at('a,"x\ny"\r1,2')).toBe('\r')
    expect(at('a,b\r\n1,2')).toBe('\n')
    expect(at('a,b\n1,"x\ry"')).toBe('\n')
    expect(at('a,b')).toBe('\n')
  })
})

describe('decodeCsvBytes with a web page', () => {
  it('names an HTML page as such instead of reading its first line as a header', () => {
    for (const page of [
      '<!doctype html><html><head></head></html>',
      '\ufeff\n  <html lang="zh-CN">\n<body></body></html>',
    ]) {
      const result = decodeCsvBytes(utf8(page))
      expect(!result.ok && result.issue).toMatchObject({ code: 'encoding-html', line: 0 })
      expect(!result.ok && zh(result.issue)).toContain('网页')
    }
    expect(decodeCsvBytes(utf8('district,quote\nxihu,<html> 标签\n')).ok).toBe(true)
  })
})
