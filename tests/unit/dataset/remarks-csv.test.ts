import { describe, expect, it } from 'vitest'
import { parseRemarksCsvBytes, parseRemarksCsvText, serializeRemarksCsv } from '../../../src/dataset/remarks-csv'
import type { Remark } from '../../../src/domain/remarks'

const defaults = { newId: (line: number) => `n${line}`, now: '2025-01-02T00:00:00.000Z' }
const remark = (over: Partial<Remark> = {}): Remark => ({
  id: 'a',
  figure: 'xihu|members|2016-2020|b1',
  text: '核实口径, 见 "附表" <script>alert(1)</script>\n第二行',
  owner: '张三',
  due: '2025-06-30',
  state: 'open',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...over,
})

describe('serializeRemarksCsv', () => {
  it('writes a BOM, CRLF and the columns, and reads back the same remarks', () => {
    const list = [remark(), remark({ id: 'b', text: '=SUM(A1)', state: 'done', figure: 'xiaoshan|members|2024|' })]
    const csv = serializeRemarksCsv(list)
    expect(
      csv.startsWith('\uFEFFid,district,indicator,period,basis,text,owner,due,state,created_at,updated_at\r\n'),
    ).toBe(true)
    expect(csv).toContain(",'=SUM(A1),")
    expect(parseRemarksCsvText(csv, defaults)).toEqual({ ok: true, remarks: list })
  })
})

describe('parseRemarksCsvBytes', () => {
  it('reads a GBK file as Excel on Chinese Windows saves it', () => {
    // "district,indicator,period,text\r\nxihu,members,2024,核实\r\n" in GBK: 核 = BA CB, 实 = CA B5.
    const head = new TextEncoder().encode('district,indicator,period,text\r\nxihu,members,2024,')
    const bytes = new Uint8Array([...head, 0xba, 0xcb, 0xca, 0xb5, 0x0d, 0x0a])
    const result = parseRemarksCsvBytes(bytes, defaults)
    expect(result.ok && result.remarks.map((r) => [r.id, r.figure, r.text])).toEqual([
      ['n2', 'xihu|members|2024|', '核实'],
    ])
  })

  it('rejects a binary file with the decoder issue', () => {
    const result = parseRemarksCsvBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]), defaults)
    expect(result.ok ? [] : result.csvIssues.map((i) => i.code)).toEqual(['encoding-binary'])
  })
})

describe('parseRemarksCsvText', () => {
  it.each([
    ['id,text\r\na,x\r\n', [['columns-missing', 1, 'district, indicator, period']]],
    [
      'district,indicator,period,text,due\r\nxihu,members,2024,ok,2025-06-30\r\nxihu,members,2024,,2025-02-30\r\n',
      [
        ['text-missing', 3, 'text'],
        ['due-invalid', 3, 'due'],
      ],
    ],
    ['id,district,indicator,period,text\r\na,xihu,m,2024,x\r\na,xihu,m,2024,y\r\n', [['id-duplicate', 3, 'id']]],
  ])('rejects the whole file %j with every problem', (text, expected) => {
    const result = parseRemarksCsvText(text, defaults)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.map((i) => [i.code, i.line, i.column])).toEqual(expected)
  })

  it('reports CSV problems (an unterminated quote) as the import does', () => {
    const result = parseRemarksCsvText('district,indicator,period,text\r\nxihu,m,2024,"open\r\n', defaults)
    expect(result.ok ? [] : result.csvIssues.map((i) => [i.code, i.line])).toEqual([['quote-unterminated', 2]])
  })
})
