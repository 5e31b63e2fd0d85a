/** Severity of a validation finding: errors reject the file, warnings do not. */
export type IssueSeverity = 'error' | 'warning'

/** A choice column's parameters: the value given, the accepted values, and what an empty cell means. */
export interface ChoiceIssueParams {
  value: string
  allowed: readonly string[]
  fallback: string
}

/**
 * What each issue code carries besides its line and column: the facts its zh and en wording
 * (src/locales/issue-messages.ts) fills in. Values are the raw text found; the wording quotes and shortens them.
 */
export interface IssueParamsByCode {
  // The file as a whole (decoding and parsing).
  'encoding-binary': { format: 'png' | 'archive' | 'binary' }
  'encoding-utf16': Record<string, never>
  'encoding-mixed': { from: 'utf-8' | 'gb18030' }
  'encoding-html': Record<string, never>
  'encoding-invalid': { bom: boolean }
  'quote-unterminated': Record<string, never>
  'quote-malformed': Record<string, never>
  'header-duplicate': Record<string, never>
  'field-count': { fields: number; columns: number }
  'empty-file': Record<string, never>
  'no-data-rows': Record<string, never>
  'kind-unknown': { separator: ';' | null }
  // Columns and ids shared by every kind of file.
  'column-missing': { required: readonly string[]; separator: ';' | 'tab' | null }
  'column-unknown': { index: number; known: readonly string[] }
  'id-empty': Record<string, never>
  'id-invalid': { value: string }
  'id-duplicate': { value: string; first: number }
  'field-empty': Record<string, never>
  // Catalogue files.
  'name-duplicate': { value: string; first: number }
  'color-invalid': { value: string }
  'category-invalid': { value: string; allowed: readonly string[] }
  'unit-invalid': { value: string; allowed: readonly string[]; baseUnit: string | null }
  'change-of-unknown': { value: string }
  'change-of-unit': { unit: string }
  'published-invalid': { value: string }
  'period_status-invalid': ChoiceIssueParams
  'year-invalid': { value: string; min: number; max: number }
  'boundary-duplicate': { district: string; year: number; first: number }
  // Metrics (and the district and period of catalogue rows). `scope: 'catalogue'` names districts.csv.
  'district-empty': DistrictIssueParams
  'district-unknown': DistrictIssueParams
  'indicator-empty': Record<string, never>
  'indicator-unknown': { value: string; near: readonly string[] }
  'period-empty': Record<string, never>
  'period-invalid': { value: string; suggestion: string | null }
  'period-out-of-range': { value: string; min: number; max: number }
  'period-reversed': { value: string; start: number; end: number }
  'value-empty': ValueIssueParams
  'value-not-finite': ValueIssueParams
  'value-negative': ValueIssueParams
  'value-plus-sign': ValueIssueParams
  'value-exponent': ValueIssueParams
  'value-percent': ValueIssueParams
  'value-thousands-separator': ValueIssueParams
  'value-unit': ValueIssueParams
  'value-not-number': ValueIssueParams
  'qualifier-invalid': { value: string; hint: string | null }
  'measure-invalid': ChoiceIssueParams
  'status-invalid': ChoiceIssueParams
  'method-invalid': ChoiceIssueParams
  'basis-unknown': { value: string; known: readonly string[] }
  'place-invalid': { value: string }
  'duplicate-key': { district: string; indicator: string; period: string; first: number }
  'attributes-defaulted': { assumed: ReadonlyArray<{ column: string; value: string }> }
}

/** A district cell's parameters: a catalogue file names districts.csv; a metrics file also gives an example name. */
export type DistrictIssueParams =
  | { scope: 'catalogue'; value: string; known: readonly string[] }
  | { scope: 'metrics'; value: string; known: readonly string[]; example: string }

/** A value cell's parameters: the text, the indicator's unit (null when the indicator is unknown), a fix if any. */
export interface ValueIssueParams {
  value: string
  unit: string | null
  suggestion: string | null
}

/** Stable machine code of an issue, e.g. 'value-not-number'. */
export type IssueCode = keyof IssueParamsByCode

/** One problem of one code, tied to its physical line and column. */
export interface IssueOf<C extends IssueCode> {
  severity: IssueSeverity
  code: C
  /** 1-based physical line (header = 1); 0 when the issue concerns the whole file. */
  line: number
  /** Column name as in the header, or '' when not about one column. */
  column: string
  /** The facts the message is worded from (src/locales/issue-messages.ts has the words). */
  params: IssueParamsByCode[C]
}

/** One problem found in a CSV file: a code and its parameters, worded in either language by issueMessage. */
export type ValidationIssue = { [C in IssueCode]: IssueOf<C> }[IssueCode]

/** Text encodings a CSV file may arrive in. */
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030'
