import { strToU8, zipSync, type Zippable } from 'fflate'
import type { Cell, ExportTable } from './figure-table'
import { escapeXml } from './xml-text'

export { escapeXml }

// The smallest workbook Excel, WPS, Numbers and LibreOffice all open: one sheet, inline strings (so the text sits in
// sheet1.xml), a bold frozen header row with a filter.

/** Excel's limit on the text of one cell. */
const MAX_CELL = 32_767

/** 0 → 'A', 25 → 'Z', 26 → 'AA'. */
export function columnName(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
export function sheetName(name: string): string {
  const s = [
    ...name
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim(),
  ]
    .slice(0, 31)
    .join('')
    .trim()
  return s || 'Sheet1'
}

/** Style index of the bold header row. */
const STYLE_HEADER = 1
/** Style index of text that would read as a formula if typed: Excel's quote prefix, which is not part of the value. */
const STYLE_QUOTE_PREFIX = 2
// What a spreadsheet would take for a formula when the cell is typed in again.
const FORMULA_LIKE = /^[=+\-@\t\r]/

/**
 * One cell's XML: numbers as numbers, text as an inline string exactly as given. An inline string is text and never
 * a formula (only an <f> element is), so no apostrophe is added (the CSV export needs one; a verbatim quote here
 * stays verbatim); text that starts like a formula gets Excel's quote-prefix style, so editing the cell keeps it text.
 */
export function cellXml(ref: string, cell: Cell, style = 0): string {
  if (typeof cell === 'number') {
    const s = style ? ` s="${style}"` : ''
    return Number.isFinite(cell) ? `<c r="${ref}"${s}><v>${cell}</v></c>` : `<c r="${ref}"${s}/>`
  }
  const own = style || (FORMULA_LIKE.test(cell) ? STYLE_QUOTE_PREFIX : 0)
  const s = own ? ` s="${own}"` : ''
  const text = [...cell].slice(0, MAX_CELL).join('')
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`
}

// Text Excel would take for a number ('2024', '1,234', '12.5%'): flagged with a green triangle unless ignored.
const NUMBER_LIKE = /^\s*[-+]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*%?\s*$/

/**
 * The ranges of text cells that look like numbers (a period column's '2024'), by column, for <ignoredErrors>: they are
 * text on purpose ('2024' beside '2018-2022'), and Excel should not offer to convert them.
 */
export function numberLikeTextRanges(table: ExportTable): string[] {
  const ranges: string[] = []
  table.header.forEach((_, c) => {
    const rows = table.rows.flatMap((row, r) => {
      const cell = row[c]
      return typeof cell === 'string' && NUMBER_LIKE.test(cell) ? [r + 2] : []
    })
    if (!rows.length) return
    const first = Math.min(...rows)
    const last = Math.max(...rows)
    ranges.push(first === last ? `${columnName(c)}${first}` : `${columnName(c)}${first}:${columnName(c)}${last}`)
  })
  return ranges
}

/** Column width in Excel's character units: CJK counts double, capped so long quotes wrap in a sane column. */
function columnWidth(table: ExportTable, col: number): number {
  let widest = 0
  for (const row of [table.header, ...table.rows]) {
    const cell = row[col]
    const text = cell === undefined ? '' : String(cell)
    let w = 0
    for (const ch of text.slice(0, 200)) w += /[\u2e80-\uffff]/u.test(ch) ? 2 : 1
    widest = Math.max(widest, w)
  }
  return Math.min(Math.max(widest + 2, 8), 60)
}

function sheetXml(table: ExportTable): string {
  const cols = table.header.map(
    (_, i) => `<col min="${i + 1}" max="${i + 1}" width="${columnWidth(table, i)}" customWidth="1"/>`,
  )
  const rows = [table.header, ...table.rows].map((row, r) => {
    const cells = row.map((cell, c) => cellXml(`${columnName(c)}${r + 1}`, cell, r === 0 ? STYLE_HEADER : 0)).join('')
    return `<row r="${r + 1}">${cells}</row>`
  })
  const last = `${columnName(Math.max(table.header.length, 1) - 1)}${table.rows.length + 1}`
  const textNumbers = numberLikeTextRanges(table)
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<cols>${cols.join('')}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    (table.header.length ? `<autoFilter ref="A1:${last}"/>` : '') +
    (textNumbers.length
      ? `<ignoredErrors><ignoredError sqref="${textNumbers.join(' ')}" numberStoredAsText="1"/></ignoredErrors>`
      : '') +
    '</worksheet>'
  )
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '</Types>'

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '</Relationships>'

const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '</Relationships>'

// Style 0: normal; style 1: bold (the header row); style 2: quote prefix (text that starts like a formula).
const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="2"><font><sz val="11"/><name val="Microsoft YaHei"/></font><font><b/><sz val="11"/><name val="Microsoft YaHei"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>'

function workbookXml(name: string, table: ExportTable): string {
  const sheet = sheetName(name).replace(/'/g, "''")
  const lastCol = columnName(Math.max(table.header.length, 1) - 1)
  const filter = table.header.length
    ? `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${escapeXml(sheet)}'!$A$1:$${lastCol}$${table.rows.length + 1}</definedName></definedNames>`
    : ''
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheets><sheet name="${escapeXml(sheetName(name))}" sheetId="1" r:id="rId1"/></sheets>` +
    filter +
    '</workbook>'
  )
}

/** Writes one table as an .xlsx workbook (bytes of a zip). */
export function buildXlsx(table: ExportTable, name: string): Uint8Array<ArrayBuffer> {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'xl/workbook.xml': strToU8(workbookXml(name, table)),
    'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
    'xl/styles.xml': strToU8(STYLES),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml(table)),
  }
  return zipSync(files, { level: 6 })
}
