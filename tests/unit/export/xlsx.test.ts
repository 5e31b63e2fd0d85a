import { describe, expect, it } from 'vitest'
import { strFromU8, unzipSync } from 'fflate'
import { buildXlsx, cellXml, columnName, escapeXml, sheetName } from '../../../src/export/xlsx'
import { zipFiles } from '../../../src/export/zip-files'

const TABLE = {
  header: ['区县', '指标', '数值', '原文'],
  rows: [
    ['萧山区', '新建基层工会', 442, '新建工会 442 家 <以上> & 更多'],
    ['富阳区', '=1+1', 0.5, '@SUM(A1)'],
  ],
}

/** Tags left open or closed out of order (an empty list for well-nested XML). */
function unbalancedTags(xml: string): string[] {
  const stack: string[] = []
  const wrong: string[] = []
  for (const [, close, tag, selfClose] of xml.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/g)) {
    if (selfClose) continue
    if (!close) stack.push(tag ?? '')
    else if (stack.pop() !== tag) wrong.push(tag ?? '')
  }
  return [...wrong, ...stack]
}

function read(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes)
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]))
}

describe('buildXlsx', () => {
  it('writes a workbook with its parts and one worksheet', () => {
    const files = read(buildXlsx(TABLE, '总览'))
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ])
    expect(files['xl/workbook.xml']).toContain('<sheet name="总览" sheetId="1" r:id="rId1"/>')
  })

  it('keeps Chinese text as inline strings in sheet1.xml and numbers as numbers', () => {
    const sheet = read(buildXlsx(TABLE, 'x'))['xl/worksheets/sheet1.xml'] ?? ''
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">萧山区</t></is></c>')
    expect(sheet).toContain('<c r="C2"><v>442</v></c>')
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr">')
    expect(sheet).toContain('<autoFilter ref="A1:D3"/>')
  })

  it('writes text verbatim, with no apostrophe, as inline strings that cannot be formulas, and escapes markup', () => {
    const sheet = read(buildXlsx(TABLE, 'x'))['xl/worksheets/sheet1.xml'] ?? ''
    expect(sheet).toContain('<c r="B3" s="2" t="inlineStr"><is><t xml:space="preserve">=1+1</t></is></c>')
    expect(sheet).toContain('<c r="D3" s="2" t="inlineStr"><is><t xml:space="preserve">@SUM(A1)</t></is></c>')
    expect(sheet).not.toContain(">'")
    expect(sheet).toContain('新建工会 442 家 &lt;以上&gt; &amp; 更多')
    expect(sheet).not.toContain('<f>')
  })

  it('keeps a quote that starts with an apostrophe or a minus exactly as written', () => {
    const quote = "'十四五'期间 -- 新建工会"
    const sheet = read(buildXlsx({ header: ['原文'], rows: [[quote], ['-5']] }, 'x'))['xl/worksheets/sheet1.xml'] ?? ''
    expect(sheet).toContain(`<t xml:space="preserve">${quote}</t>`)
    expect(sheet).toContain('<c r="A3" s="2" t="inlineStr"><is><t xml:space="preserve">-5</t>')
  })

  it('marks the quote-prefix style in styles.xml', () => {
    const styles = read(buildXlsx(TABLE, 'x'))['xl/styles.xml'] ?? ''
    expect(styles).toContain('<cellXfs count="3">')
    expect(styles).toContain('quotePrefix="1"')
  })

  it('tells Excel that period text such as 2024 is text on purpose (no green triangle)', () => {
    const table = {
      header: ['区县', '时段', '数值', '原文'],
      rows: [
        ['萧山区', '2024', 442, '新建工会'],
        ['西湖区', '2018-2022', 931, '新建'],
        ['富阳区', '2023', 12, '1,234'],
      ],
    }
    const sheet = read(buildXlsx(table, 'x'))['xl/worksheets/sheet1.xml'] ?? ''
    expect(sheet).toContain('<ignoredErrors><ignoredError sqref="B2:B4 D4" numberStoredAsText="1"/></ignoredErrors>')
    // After autoFilter, as the schema orders a worksheet's elements.
    expect(sheet.indexOf('<ignoredErrors>')).toBeGreaterThan(sheet.indexOf('<autoFilter'))
    expect(sheet.endsWith('</ignoredErrors></worksheet>')).toBe(true)
  })

  it('adds no ignoredErrors when no text looks like a number', () => {
    const sheet = read(buildXlsx({ header: ['a'], rows: [['萧山']] }, 'x'))['xl/worksheets/sheet1.xml'] ?? ''
    expect(sheet).not.toContain('ignoredErrors')
  })

  it('is well-formed XML in every part', () => {
    for (const [name, xml] of Object.entries(read(buildXlsx(TABLE, 'a/b[c]')))) {
      expect(xml.startsWith('<?xml'), name).toBe(true)
      expect(unbalancedTags(xml), name).toEqual([])
    }
  })
})

describe('xlsx helpers', () => {
  it('names columns like a spreadsheet', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA'])
  })

  it('drops characters XML cannot hold', () => {
    expect(escapeXml('a\u0000b\u0008c\td"')).toBe('ab' + 'c\td&quot;')
  })

  it('makes a sheet name Excel accepts', () => {
    expect(sheetName('指标 · 新建基层工会/2024[x]')).toBe('指标 · 新建基层工会 2024 x')
    expect([...sheetName('很'.repeat(40))]).toHaveLength(31)
    expect(sheetName('')).toBe('Sheet1')
  })

  it('writes a non-finite number as an empty cell', () => {
    expect(cellXml('B2', Number.NaN)).toBe('<c r="B2"/>')
  })
})

describe('zipFiles', () => {
  it('stores files under unique UTF-8 names', () => {
    const bytes = zipFiles([
      { name: '01_新建基层工会.png', data: new Uint8Array([1, 2, 3]) },
      { name: '01_新建基层工会.png', data: new Uint8Array([4]) },
    ])
    const files = unzipSync(bytes)
    expect(Object.keys(files)).toEqual(['01_新建基层工会.png', '01_新建基层工会 (2).png'])
    expect([...(files['01_新建基层工会.png'] ?? [])]).toEqual([1, 2, 3])
  })
})
