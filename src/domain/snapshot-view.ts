import type { Catalogue } from '../types/domain'
import type { Locale } from '../types/locale'
import { formatExact, formatMetricValue, qualifierSymbol, unitLabel } from './format'
import { localName } from './intl'
import { basisName, figureCredit, type ImportCredit } from './source'
import { snapshotKey, type SnapshotDiff, type SnapshotFigure } from './snapshot'

/** Translated wording the rows need (the panel passes i18n's). */
export interface SnapshotRowLabels {
  target: string
  nominated: string
  noSource: string
  imported: (source: string, file: string) => string
  importedOnly: (file: string) => string
  /** A figure from an import no longer on this computer (a snapshot from elsewhere, or a removed import). */
  importedGone: (source: string) => string
}

/** One line of the "since the last meeting" list, as text (never HTML). */
export interface SnapshotRow {
  key: string
  /** District · indicator · period, with the basis and a status other than achieved. */
  figure: string
  /** The value now (added) or then (removed), with qualifier and unit. */
  value: string
  source: string
}

/** A revised figure: both values and both sources. */
export interface SnapshotRevisionRow {
  key: string
  figure: string
  before: string
  after: string
  /** The unit after both numbers ('' when the indicator is unknown here). */
  unit: string
  sourceBefore: string
  sourceAfter: string
}

/** The diff as the panel lists it; each list cut at `limit` rows (the rest counted). */
export interface SnapshotView {
  added: SnapshotRow[]
  revised: SnapshotRevisionRow[]
  removed: SnapshotRow[]
  more: { added: number; revised: number; removed: number }
}

/** Rows of the "since the last meeting" list: names from the catalogue (ids when it does not know them), exact values. */
export function buildSnapshotView(
  diff: SnapshotDiff,
  catalogue: Catalogue,
  imports: readonly ImportCredit[],
  locale: Locale,
  labels: SnapshotRowLabels,
  limit = 200,
): SnapshotView {
  const districts = new Map(catalogue.districts.map((d) => [d.id, d]))
  const indicators = new Map(catalogue.indicators.map((i) => [i.id, i]))

  function figure(f: SnapshotFigure): string {
    const d = districts.get(f.district)
    const i = indicators.get(f.indicator)
    const parts = [d ? localName(d, locale) : f.district, i ? localName(i, locale) : f.indicator, f.period]
    if (f.basis !== '') parts.push(basisName(catalogue.bases, f.basis, locale, ''))
    if (f.status !== 'achieved') parts.push(labels[f.status])
    return parts.join(' · ')
  }

  function value(f: SnapshotFigure): string {
    const unit = indicators.get(f.indicator)?.unit
    return unit
      ? formatMetricValue(f, unit, locale, 'exact')
      : qualifierSymbol(f.qualifier) + formatExact(f.value, locale)
  }

  function source(f: SnapshotFigure): string {
    const gone = f.dataset !== 'builtin' && !imports.some((d) => d.id === f.dataset)
    const credit = figureCredit(f, catalogue.sources, imports, locale, labels)
    if (gone) return labels.importedGone(credit || labels.noSource)
    return credit || labels.noSource
  }

  const row = (f: SnapshotFigure): SnapshotRow => ({
    key: snapshotKey(f),
    figure: figure(f),
    value: value(f),
    source: source(f),
  })
  const number = (f: SnapshotFigure): string => qualifierSymbol(f.qualifier) + formatExact(f.value, locale)

  return {
    added: diff.added.slice(0, limit).map(row),
    removed: diff.removed.slice(0, limit).map(row),
    revised: diff.revised.slice(0, limit).map(({ key, before, after }) => {
      const unit = indicators.get(after.indicator)?.unit
      return {
        key,
        figure: figure(after),
        before: number(before),
        after: number(after),
        unit: unit ? unitLabel(unit, locale, after.value) : '',
        sourceBefore: source(before),
        sourceAfter: source(after),
      }
    }),
    more: {
      added: Math.max(0, diff.added.length - limit),
      revised: Math.max(0, diff.revised.length - limit),
      removed: Math.max(0, diff.removed.length - limit),
    },
  }
}
