import { strToU8, zipSync, type Zippable } from 'fflate'
import { neutraliseCell } from '../dataset/export-csv'
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

/** One cell's XML: numbers as numbers, text as an inline string neutralised like CSV (=, +, -, @ cannot run). */
export function cellXml(ref: string, cell: Cell, style = 0): string {
  const s = style ? ` s="${style}"` : ''
  if (typeof cell === 'number')
    return Number.isFinite(cell) ? `<c r="${ref}"${s}><v>${cell}</v></c>` : `<c r="${ref}"${s}/>`
  const text = [...neutraliseCell(cell)].slice(0, MAX_CELL).join('')
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`
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
    const cells = row.map((cell, c) => cellXml(`${columnName(c)}${r + 1}`, cell, r === 0 ? 1 : 0)).join('')
    return `<row r="${r + 1}">${cells}</row>`
  })
  const last = `${columnName(Math.max(table.header.length, 1) - 1)}${table.rows.length + 1}`
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<cols>${cols.join('')}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    (table.header.length ? `<autoFilter ref="A1:${last}"/>` : '') +
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

// Style 0: normal; style 1: bold (the header row).
const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="2"><font><sz val="11"/><name val="Microsoft YaHei"/></font><font><b/><sz val="11"/><name val="Microsoft YaHei"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
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
