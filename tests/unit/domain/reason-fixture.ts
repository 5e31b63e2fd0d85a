import type { Basis } from '../../../src/types/domain'
import type { ReasonContext, ReasonLabels } from '../../../src/domain/reason-text'
import zh from '../../../src/locales/zh-CN.json'
import en from '../../../src/locales/en.json'

/** The app's own reason wording, filled from the locale files as the UI fills it. */
export function reasonLabels(locale: 'zh-CN' | 'en'): ReasonLabels {
  const r = locale === 'en' ? en.reason : zh.reason
  const fill = (template: string, values: Record<string, string | number>): string =>
    template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`))
  return {
    basis: (parts) => fill(r.basis, { parts }),
    basisPart: (district, basis) => fill(r.basisPart, { district, basis }),
    basisDefault: r.basisDefault,
    measure: (parts) => fill(r.measure, { parts }),
    measurePart: (district, measure) => fill(r.measurePart, { district, measure }),
    measureNames: r.measureNames,
    status: (parts) => fill(r.status, { parts }),
    statusPart: (district, status) => fill(r.statusPart, { district, status }),
    statusNames: r.statusNames,
    span: (parts) => fill(r.span, { parts }),
    spanPart: (district, period) => fill(r.spanPart, { district, period }),
    boundary: (district, year, change) => fill(r.boundary, { district, year, change }),
    years: (parts) => fill(r.years, { parts }),
    yearsPart: (district, period) => fill(r.yearsPart, { district, period }),
    kindNames: r.kindNames,
    notCompared: (kinds) => fill(r.notCompared, { kinds }),
    manyNames: (names, count, more) => fill(r.manyNames, { names, count, more }),
  }
}

/** Two bases as the built-in data name them. */
export const TEST_BASES: Basis[] = [
  {
    id: 'public_courses',
    nameZh: '“萧工学堂”公益课程',
    nameEn: 'free public courses',
    descriptionZh: '',
    descriptionEn: '',
  },
  {
    id: 'employment_skills',
    nameZh: '仅就业技能培训',
    nameEn: 'employment-skills training only',
    descriptionZh: '',
    descriptionEn: '',
  },
]

/** A reason context with the given district names. */
export function reasonContext(locale: 'zh-CN' | 'en', names: Record<string, string>): ReasonContext {
  return {
    labels: reasonLabels(locale),
    districtName: (id) => names[id] ?? id,
    bases: TEST_BASES,
    locale,
    period: (p) => p.replace('-', '–'),
  }
}
