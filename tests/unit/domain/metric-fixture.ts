import type { Metric } from '../../../src/types/domain'

/** A valid Metric for tests: period '2024' unless given; start/end follow the period text. */
export function makeMetric(p: Partial<Metric> = {}): Metric {
  const period = p.period ?? '2024'
  const [a, b] = period.split('-')
  const start = Number(a)
  const end = Number(b ?? a)
  return {
    district: 'xiaoshan',
    indicator: 'unions_founded',
    period,
    start,
    end,
    value: 1,
    qualifier: 'exact',
    source: 'xs-2024',
    quote: '',
    note: '',
    measure: 'flow',
    basis: '',
    status: 'achieved',
    method: 'reported',
    noteEn: '',
    place: null,
    line: 2,
    dataset: 'builtin',
    ...p,
  }
}
