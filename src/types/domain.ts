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
}

/** Required columns of a metrics CSV (the import contract other tools rely on). */
export const METRIC_REQUIRED_COLUMNS = ['district', 'indicator', 'period', 'value'] as const
/** Optional columns of a metrics CSV. */
export const METRIC_OPTIONAL_COLUMNS = ['qualifier', 'source', 'quote', 'note'] as const
/** Every column of a metrics CSV, in the order exports and the template write them. */
export const METRIC_CSV_COLUMNS = [...METRIC_REQUIRED_COLUMNS, ...METRIC_OPTIONAL_COLUMNS] as const

/** The built-in CSV files under data/, by name without extension, in load order. */
export const BUILT_IN_NAMES = ['districts', 'indicators', 'sources', 'metrics'] as const
/** A built-in CSV file name without extension. */
export type BuiltInName = (typeof BUILT_IN_NAMES)[number]
