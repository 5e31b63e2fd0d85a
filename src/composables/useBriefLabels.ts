import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import type { BriefLabels } from '../domain/brief'
import { useChartLabels } from './useChartLabels'

/** The brief's wording from the message table, recomputed when the language changes. */
export function useBriefLabels(): ComputedRef<BriefLabels> {
  const { t } = useI18n()
  const { labels: chart, locale } = useChartLabels()
  return computed<BriefLabels>(() => {
    void locale.value
    return {
      title: (when) => t('brief.title', { when }),
      latest: t('brief.latest'),
      year: (year) => t('brief.year', { year }),
      scope: (count, cumulative) => t(cumulative ? 'brief.scopeCumulative' : 'brief.scope', { count }),
      asOf: (p) => t(p.published ? 'brief.asOf' : 'brief.asOfNoReport', p),
      figure: (indicator, value, period) => t('brief.figure', { indicator, value, period }),
      cumulative: chart.value.cumulative,
      derived: t('brief.derived'),
      more: (count) => t('brief.more', { count }),
      moreDistricts: (count) => t('brief.moreDistricts', { count }),
      noFigures: (year) => (year === null ? t('brief.noFigures') : t('brief.noFiguresYear', { year })),
      districtsWithout: (names, year) =>
        year === null ? t('brief.districtsWithout', { names }) : t('brief.districtsWithoutYear', { names, year }),
      notReported: (indicator, names, reported) => t('brief.notReported', { indicator, names, reported }),
      namesEtc: (names, count) => t('brief.namesEtc', { names, count }),
      about: (indicator, text) => t('brief.about', { indicator, text }),
      multiYear: (district, periods) => t('brief.multiYear', { district, periods }),
      latestYearsDiffer: t('brief.latestYearsDiffer'),
      headings: {
        districts: t('brief.headings.districts'),
        comparisons: t('brief.headings.comparisons'),
        gaps: t('brief.headings.gaps'),
        caveats: t('brief.headings.caveats'),
      },
      none: {
        comparisons: t('brief.none.comparisons'),
        gaps: t('brief.none.gaps'),
        caveats: t('brief.none.caveats'),
      },
      reasons: chart.value.reasons,
      ...(chart.value.progress
        ? {
            targets: {
              heading: t('brief.targets.heading'),
              line: (district: string, indicator: string, progress: string) =>
                t('brief.targets.line', { district, indicator, progress }),
              progress: chart.value.progress,
            },
          }
        : {}),
    }
  })
}
