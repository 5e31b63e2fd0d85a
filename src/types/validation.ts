/** Severity of a validation finding: errors reject the file, warnings do not. */
export type IssueSeverity = 'error' | 'warning'

/** One problem found in a CSV file, tied to its physical line and column. */
export interface ValidationIssue {
  severity: IssueSeverity
  /** Stable machine code, e.g. 'value-not-number'. */
  code: string
  /** 1-based physical line (header = 1); 0 when the issue concerns the whole file. */
  line: number
  /** Column name as in the header, or '' when not about one column. */
  column: string
  /** English message: what is wrong and what was expected. */
  message: string
  /** Chinese message with the same content. */
  messageZh: string
}

/** Text encodings a CSV file may arrive in. */
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030'
