import type { ProgressLabels } from '../../../src/domain/progress'
import zh from '../../../src/locales/zh-CN.json'
import en from '../../../src/locales/en.json'

/** The app's own progress wording, filled from the locale files as the UI fills it. */
export function progressLabels(locale: 'zh-CN' | 'en'): ProgressLabels {
  const p = locale === 'en' ? en.progress : zh.progress
  const fill = (template: string, values: Record<string, string | number>): string =>
    template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`))
  return {
    target: (value) => fill(p.target, { value }),
    rate: {
      exact: (pct) => fill(p.rate.exact, { pct }),
      approx: (pct) => fill(p.rate.approx, { pct }),
      at_least: (pct) => fill(p.rate.at_least, { pct }),
      at_most: (pct) => fill(p.rate.at_most, { pct }),
    },
    unreported: p.unreported,
    otherBasis: p.otherBasis,
    noRate: p.noRate,
    change: {
      exact: (year, amount) => fill(p.change.exact, { year, amount }),
      approx: (year, amount) => fill(p.change.approx, { year, amount }),
      at_least: (year, amount) => fill(p.change.at_least, { year, amount }),
      at_most: (year, amount) => fill(p.change.at_most, { year, amount }),
    },
    withPercent: (diff, pct) => fill(p.withPercent, { diff, pct }),
    points: (n) => fill(p.points, { n }),
    boundaryBreak: (year, from) => fill(p.boundaryBreak, { year, from }),
    basisBreak: (from) => fill(p.basisBreak, { from }),
    stated: (from, pct) => fill(p.stated, { from, pct }),
  }
}
