import { describe, expect, it } from 'vitest'
import { pickRadarAxes } from '../../../src/charts/options/build-radar-card'
import type { Metric } from '../../../src/types/domain'

function m(district: string, indicator: string, value: number, period = '2024'): Metric {
  const [s, e] = period.split('-').map(Number)
  return {
    district,
    indicator,
    period,
    start: s ?? 0,
    end: e ?? s ?? 0,
    value,
    qualifier: 'exact',
    source: 's',
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
  }
}

const D = ['a', 'b', 'c']

describe('pickRadarAxes', () => {
  it('keeps the indicators the highlighted district shares with the partner that has most in common', () => {
    const metrics = [
      ...['w', 'x', 'y', 'z'].map((i) => m('a', i, 1)),
      ...['w', 'x', 'y'].map((i) => m('b', i, 2)),
      ...['y', 'z'].map((i) => m('c', i, 3)),
    ]
    expect(pickRadarAxes(metrics, ['w', 'x', 'y', 'z'], D, 2024, 'a')).toEqual(['y', 'w', 'x'])
  })

  it('returns nothing when no partner shares three indicators', () => {
    const metrics = [m('a', 'x', 1), m('b', 'x', 2), m('a', 'y', 1), m('b', 'y', 1)]
    expect(pickRadarAxes(metrics, ['x', 'y'], D, 2024, 'a')).toEqual([])
  })

  it('ignores multi-year totals and caps the number of axes', () => {
    const ids = ['p', 'q', 'r', 's']
    const metrics = [m('a', 'x', 1), m('b', 'x', 2, '2018-2022'), ...ids.flatMap((i) => [m('a', i, 1), m('b', i, 1)])]
    expect(pickRadarAxes(metrics, ['x', ...ids], D, 'latest', 'a', 3)).toEqual(['p', 'q', 'r'])
  })
})
