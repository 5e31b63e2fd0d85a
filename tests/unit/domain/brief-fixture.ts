import type { BriefLabels } from '../../../src/domain/brief'
import zh from '../../../src/locales/zh-CN.brief.json'
import en from '../../../src/locales/en.brief.json'
import { reasonLabels } from './reason-fixture'

/** The app's own brief wording, filled from the locale files as the UI fills it. */
export function briefLabels(locale: 'zh-CN' | 'en'): BriefLabels {
  const b = locale === 'en' ? en.brief : zh.brief
  const fill = (template: string, values: Record<string, string | number>): string =>
    template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`))
  return {
    title: (when) => fill(b.title, { when }),
    latest: b.latest,
    year: (year) => fill(b.year, { year }),
    scope: (count, cumulative) => fill(cumulative ? b.scopeCumulative : b.scope, { count }),
    asOf: (p) => fill(p.published ? b.asOf : b.asOfNoReport, p),
    figure: (indicator, value, period) => fill(b.figure, { indicator, value, period }),
    cumulative: (period) => (locale === 'en' ? `${period} total` : `${period} 累计`),
    derived: b.derived,
    more: (count) => fill(b.more, { count }),
    moreDistricts: (count) => fill(b.moreDistricts, { count }),
    noFigures: (year) => (year === null ? b.noFigures : fill(b.noFiguresYear, { year })),
    districtsWithout: (names, year) =>
      year === null ? fill(b.districtsWithout, { names }) : fill(b.districtsWithoutYear, { names, year }),
    notReported: (indicator, names, reported) => fill(b.notReported, { indicator, names, reported }),
    namesEtc: (names, count) => fill(b.namesEtc, { names, count }),
    about: (indicator, text) => fill(b.about, { indicator, text }),
    multiYear: (district, periods) => fill(b.multiYear, { district, periods }),
    latestYearsDiffer: b.latestYearsDiffer,
    headings: b.headings,
    none: b.none,
    reasons: reasonLabels(locale),
  }
}
