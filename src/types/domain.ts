/** Indicator categories, in display order. */
export const CATEGORIES = ['organising', 'training', 'welfare', 'rights', 'outreach'] as const
/** One of the five areas of union work an indicator belongs to. */
export type Category = (typeof CATEGORIES)[number]

/** The closed set of base units a value may be expressed in. */
export const UNITS = ['元', '人', '人次', '户', '家', '个', '场', '次', '项', '份', '支', '%'] as const
/** A base unit; values are always plain numbers in this unit (万元 is stored as 元). */
export type Unit = (typeof UNITS)[number]

/** How a figure was stated in the report: 余/超/以上 → at_least, 近/约 → approx. */
export const QUALIFIERS = ['exact', 'approx', 'at_least', 'at_most'] as const
/** Qualifier of a stated figure. */
export type Qualifier = (typeof QUALIFIERS)[number]

/** Flow: what happened during the period (the default). Stock: the state at its end (现有, 已建成, 截至). */
export const MEASURES = ['flow', 'stock'] as const
/** Whether a figure counts events in its period or a state at its end. */
export type Measure = (typeof MEASURES)[number]

/** Achieved (the default), nominated (推荐/提名/上报, not a result) or target (a plan figure). */
export const STATUSES = ['achieved', 'nominated', 'target'] as const
/** What kind of outcome a figure states. */
export type Status = (typeof STATUSES)[number]

/** Reported (stated in the report, the default) or derived (computed from other figures; the note says how). */
export const METHODS = ['reported', 'derived'] as const
/** How a figure came to be. */
export type Method = (typeof METHODS)[number]

/** A district union (row of data/districts.csv). */
export interface District {
  id: string
  nameZh: string
  nameEn: string
  /** Hex colour used for this district in every chart. */
  color: string
}

/** A measured quantity (row of data/indicators.csv). */
export interface Indicator {
  id: string
  category: Category
  nameZh: string
  nameEn: string
  unit: Unit
  description: string
  /** English description; '' when the file has none. */
  descriptionEn: string
  /**
   * For a rate a report states (unit %), the indicator whose change on the previous year it is (change_of column):
   * 较2023年增长75.95% is the change of medical_aid_recipients. Absent for every other indicator.
   */
  changeOf?: string
}

/** A named basis: what exactly a figure counts when its indicator alone does not pin it down (row of data/bases.csv). */
export interface Basis {
  id: string
  /** Short phrase that fits '萧山为{nameZh}'. */
  nameZh: string
  /** Short phrase that fits 'Xiaoshan counts {nameEn}'. */
  nameEn: string
  descriptionZh: string
  descriptionEn: string
}

/** A change of a district's territory: from `year` on, its figures cover a different area (row of data/boundaries.csv). */
export interface BoundaryChange {
  district: string
  year: number
  changeZh: string
  changeEn: string
  /** A source id, or ''. */
  source: string
}

/** A report the figures come from (row of data/sources.csv). */
export interface Source {
  id: string
  district: string
  titleZh: string
  published: string
  period: string
  file: string
  note: string
  titleEn: string
  /** Who published the report, e.g. 萧山区总工会. */
  publisher: string
  publisherEn: string
  /** How a person names the report in a footnote, naming the district, e.g. 萧山区总工会 2024 年工作报道. */
  labelZh: string
  labelEn: string
  /** Whether the report states its period or the data team inferred it. */
  periodStatus: 'stated' | 'inferred'
  noteEn: string
}

/** A closed span of whole years; a single year has start === end. */
export interface Period {
  start: number
  end: number
}

/** One figure: a district's value of an indicator over a period (row of a metrics CSV). */
export interface Metric {
  district: string
  indicator: string
  /** As written: `YYYY` or `YYYY-YYYY`. */
  period: string
  start: number
  end: number
  value: number
  qualifier: Qualifier
  /** A source id from sources.csv, or free text naming a report the catalogue does not know. */
  source: string
  quote: string
  note: string
  /** Flow (default) or stock. */
  measure: Measure
  /** Key of data/bases.csv naming what exactly is counted; '' = the indicator's definition as written. */
  basis: string
  /** Achieved (default), nominated or target. */
  status: Status
  /** Reported (default) or derived. */
  method: Method
  /** The note in English; '' when none was given. */
  noteEn: string
  /** The quote's paragraph in the report (1 = the first non-empty paragraph); null when not known. */
  place: number | null
  /** Physical line in the file the figure came from (1-based, header is line 1). */
  line: number
  /** Id of the dataset this figure belongs to ('builtin' or an import's id). */
  dataset: string
}

/** The reference tables every metrics file is checked against. */
export interface Catalogue {
  districts: District[]
  indicators: Indicator[]
  sources: Source[]
  /** Named bases (data/bases.csv; empty when the file is absent). */
  bases: Basis[]
  /** Boundary changes (data/boundaries.csv; empty when the file is absent). */
  boundaries: BoundaryChange[]
}

/** Required columns of a metrics CSV (the import contract other tools rely on). */
export const METRIC_REQUIRED_COLUMNS = ['district', 'indicator', 'period', 'value'] as const
/** Optional columns of a metrics CSV. */
export const METRIC_OPTIONAL_COLUMNS = [
  'qualifier',
  'source',
  'quote',
  'note',
  'measure',
  'basis',
  'status',
  'method',
  'note_en',
  'place',
] as const
/** The optional columns that say what a figure counts, with the default assumed when a file lacks them. */
export const METRIC_ATTRIBUTE_DEFAULTS = {
  measure: 'flow',
  basis: '',
  status: 'achieved',
  method: 'reported',
} as const
/** Every column of a metrics CSV, in the order exports and the template write them. */
export const METRIC_CSV_COLUMNS = [...METRIC_REQUIRED_COLUMNS, ...METRIC_OPTIONAL_COLUMNS] as const

/** The built-in CSV files under data/, by name without extension, in load order. */
export const BUILT_IN_NAMES = ['districts', 'indicators', 'sources', 'bases', 'boundaries', 'metrics'] as const
/** A built-in CSV file name without extension. */
export type BuiltInName = (typeof BUILT_IN_NAMES)[number]
/** Built-in files a deployment may lack (older copies): absent reads as empty. */
export const OPTIONAL_BUILT_IN_NAMES: readonly BuiltInName[] = ['bases', 'boundaries']
