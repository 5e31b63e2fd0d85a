import type { Basis, District, Indicator, Measure, Method, Metric, Qualifier, Source, Status } from '../types/domain'
import { formatMetricValue } from './format'
import type { Locale } from '../types/locale'
import { locateFigure } from './locate-figure'
import { readableQuote } from './metric'
import { highlightParts, locateQuote, splitParagraphs, type QuotePlace, type TextPart } from './report-text'
import { basisName } from './source'

/** Translated names the panel needs (the builder never translates). */
export interface ProvenanceLabels {
  qualifierNames: Record<Qualifier, string>
  measureNames: Record<Measure, string>
  statusNames: Record<Status, string>
  methodNames: Record<Method, string>
  /** Name of the empty basis: the indicator as defined. */
  basisDefault: string
  /** The built-in dataset's name. */
  builtin: string
}

/** The names a figure's attributes need (a subset of the panel's labels). */
export type CountsLabels = Pick<ProvenanceLabels, 'measureNames' | 'statusNames' | 'methodNames' | 'basisDefault'>

/**
 * What a figure counts, in words: measure · basis · status · method; `brief` keeps the basis and only the attributes
 * that differ from the defaults (flow, achieved, reported), for a table cell that would otherwise repeat them.
 */
export function countsText(
  m: Pick<Metric, 'measure' | 'basis' | 'status' | 'method'>,
  labels: CountsLabels,
  bases: readonly Basis[],
  locale: Locale,
  brief = false,
): string {
  const basis = basisName(bases, m.basis, locale, labels.basisDefault)
  if (!brief)
    return [labels.measureNames[m.measure], basis, labels.statusNames[m.status], labels.methodNames[m.method]].join(
      ' · ',
    )
  return [
    m.measure === 'flow' ? '' : labels.measureNames[m.measure],
    basis,
    m.status === 'achieved' ? '' : labels.statusNames[m.status],
    m.method === 'reported' ? '' : labels.methodNames[m.method],
  ]
    .filter(Boolean)
    .join(' · ')
}

/** A report named the way a person cites it: who (district, publisher), what (label, title) and when. */
export interface ReportName {
  /** How a person names it, naming the district ('萧山区总工会 2024 年工作报道'); the source id when unknown. */
  label: string
  /** The report's own title, in 《》 (zh) or “” (en); '' when the catalogue has none. */
  title: string
  publisher: string
  district: string
  /** When it was published, as the catalogue gives it ('2025'); '' when unknown. */
  published: string
  /** Whether `published` is a year alone (worded '2025 年发布') rather than a date. */
  publishedIsYear: boolean
}

/** What the provenance panel shows for one figure: all text, ready for text nodes. */
export interface ProvenanceView {
  district: string
  indicator: string
  period: string
  /** Every digit, with ≥/≈ ('≥11,000人'). */
  value: string
  qualifier: string
  report: ReportName
  /** measure · basis · status · method, in words. */
  counts: string
  /** The quote as people read it, split around the figure as it is written there ('4万', '1906'). */
  quote: TextPart[]
  /** Whether the figure was found in the quote (else it was derived or converted). */
  figureInQuote: boolean
  /** The quote's paragraph in the report (1-based); null when not known. */
  place: number | null
  note: string
  /** The dataset the figure belongs to, by name. */
  dataset: string
  /** For an import, the line of its file the figure came from (never shown as a place in the report). */
  importLine: number | null
  /** The built-in value an import replaced, formatted; null when none. */
  overridden: string | null
  /** Where the report's full text may be deployed beside the data (reports/<source id>.txt); null without a source. */
  reportUrl: string | null
}

/** What the builder reads: the figure, its catalogue entries and the dataset and override facts. */
export interface ProvenanceInput {
  metric: Metric
  indicator: Indicator | undefined
  district: District | undefined
  source: Source | undefined
  bases: readonly Basis[]
  /** The import's name; undefined for the built-in data or an unknown dataset. */
  importName: string | undefined
  overridden: Metric | undefined
}

function reportName(input: ProvenanceInput, locale: Locale): ReportName {
  const { source, district, metric } = input
  const en = locale === 'en'
  const districtName = district ? (en ? district.nameEn : district.nameZh) : metric.district
  if (!source)
    return {
      label: metric.source,
      title: '',
      publisher: '',
      district: districtName,
      published: '',
      publishedIsYear: false,
    }
  const title = en ? source.titleEn || source.titleZh : source.titleZh
  const publisher = en ? source.publisherEn || source.publisher : source.publisher
  const label =
    (en ? source.labelEn || source.labelZh : source.labelZh) || [districtName, publisher].filter(Boolean).join(' · ')
  return {
    label: label || title,
    title: title ? (en ? `“${title}”` : `《${title}》`) : '',
    publisher,
    district: districtName,
    published: source.published,
    publishedIsYear: /^\d{4}$/.test(source.published),
  }
}

/** The quote split around the figure as the report writes it; one plain part when the figure is not in it. */
export function quoteParts(quote: string, value: number): { parts: TextPart[]; found: boolean } {
  const text = readableQuote(quote)
  const span = locateFigure(text, value)
  if (!span) return { parts: text ? [{ text, mark: false }] : [], found: false }
  const parts = [
    { text: text.slice(0, span.start), mark: false },
    { text: text.slice(span.start, span.end), mark: true },
    { text: text.slice(span.end), mark: false },
  ].filter((p) => p.text !== '')
  return { parts, found: true }
}

/** The panel's view of one figure, in the reader's language. */
export function buildProvenanceView(input: ProvenanceInput, labels: ProvenanceLabels, locale: Locale): ProvenanceView {
  const { metric: m, indicator, district, source } = input
  const en = locale === 'en'
  const { parts, found } = quoteParts(m.quote, m.value)
  return {
    district: district ? (en ? district.nameEn : district.nameZh) : m.district,
    indicator: indicator ? (en ? indicator.nameEn : indicator.nameZh) : m.indicator,
    period: m.period,
    value: indicator ? formatMetricValue(m, indicator.unit, locale, 'exact') : String(m.value),
    qualifier: labels.qualifierNames[m.qualifier],
    report: reportName(input, locale),
    counts: countsText(m, labels, input.bases, locale),
    quote: parts,
    figureInQuote: found,
    place: m.place,
    note: en ? m.noteEn || m.note : m.note,
    dataset: m.dataset === 'builtin' ? labels.builtin : (input.importName ?? m.dataset),
    importLine: m.dataset === 'builtin' ? null : m.line,
    overridden:
      input.overridden && indicator ? formatMetricValue(input.overridden, indicator.unit, locale, 'exact') : null,
    reportUrl: source ? `reports/${encodeURIComponent(source.id)}.txt` : null,
  }
}

const PARAGRAPH_SEPARATOR = '\u2029'

/** The paragraphs of a report that hold a quote, each split so the quote is marked; null when it is not there. */
export interface ReportExcerpt {
  /** First paragraph's number (1-based). */
  first: number
  paragraphs: TextPart[][]
}

/**
 * The quote in its paragraph(s) of the report's text: looked up at `place` first (the paragraph the data name), else
 * anywhere; null when the text does not hold the quote (another version of the report, say).
 */
export function reportExcerpt(reportText: string, quote: string, place: number | null): ReportExcerpt | null {
  const all = splitParagraphs(reportText)
  let at: QuotePlace | null = null
  if (place !== null && place >= 1) {
    const near = locateQuote(all.slice(place - 1), quote)
    if (near?.first === 1) at = { first: place, last: near.last + place - 1 }
  }
  at ??= locateQuote(all, quote)
  if (!at) return null
  // Mark the quote across the paragraphs: split the joined text (U+2029 counts as whitespace, so a quote that runs
  // over a break is still found), then cut the parts back at the paragraph separators.
  const parts = highlightParts(all.slice(at.first - 1, at.last).join(PARAGRAPH_SEPARATOR), quote)
  const paragraphs: TextPart[][] = [[]]
  for (const part of parts) {
    part.text.split(PARAGRAPH_SEPARATOR).forEach((piece, i) => {
      if (i > 0) paragraphs.push([])
      if (piece !== '') (paragraphs[paragraphs.length - 1] as TextPart[]).push({ text: piece, mark: part.mark })
    })
  }
  return { first: at.first, paragraphs }
}
