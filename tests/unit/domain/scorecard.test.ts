import { describe, expect, it } from 'vitest'
import { CATEGORIES, type BoundaryChange, type Indicator, type Metric } from '../../../src/types/domain'
import {
  buildScorecard,
  cellReasons,
  chartableIndicators,
  districtsWithoutYear,
  judgeRow,
  yearCounts,
  type CellState,
} from '../../../src/domain/scorecard'
import { makeMetric } from './metric-fixture'

const D = ['xiaoshan', 'xihu', 'qiantang', 'fuyang']
const entries = (ms: Array<Metric | null>) => ms.map((metric, i) => ({ district: D[i] ?? `d${i}`, metric }))
const states = (cells: ReturnType<typeof judgeRow>): CellState[] => cells.map((c) => c.state)
const m = (district: string, p: Partial<Metric> = {}) => makeMetric({ district, ...p })

const XIAOSHAN_2021: BoundaryChange = { district: 'xiaoshan', year: 2021, changeZh: '', changeEn: '', source: '' }

describe('judgeRow', () => {
  it.each<[string, Array<Metric | null>, CellState[]]>([
    [
      'same basis, same year: all comparable',
      [m('xiaoshan', { value: 442 }), m('xihu', { value: 10 }), null, m('fuyang', { value: 642 })],
      ['comparable', 'comparable', 'none', 'comparable'],
    ],
    [
      'a figure of another year with the same basis is set beside, not ranked',
      [m('xiaoshan'), m('xihu', { period: '2023' }), null, m('fuyang')],
      ['comparable', 'otherYear', 'none', 'comparable'],
    ],
    [
      'a different basis is its own state',
      [m('xiaoshan', { basis: 'free_courses' }), null, null, m('fuyang', { basis: 'job_skills' })],
      ['otherBasis', 'none', 'none', 'otherBasis'],
    ],
    [
      'a multi-year total beside single years is a total',
      [m('xiaoshan'), m('xihu', { period: '2018-2022' }), m('qiantang'), null],
      ['comparable', 'total', 'comparable', 'none'],
    ],
    [
      'a single year whose only companion is a total has no partner',
      [m('xiaoshan'), m('xihu', { period: '2018-2022' }), null, null],
      ['alone', 'total', 'none', 'none'],
    ],
    ['one figure alone', [m('xiaoshan'), null, null, null], ['alone', 'none', 'none', 'none']],
    [
      'a target is never shown as a figure to compare',
      [m('xiaoshan'), m('xihu', { status: 'target' }), null, null],
      ['alone', 'none', 'none', 'none'],
    ],
    [
      'nominated beside achieved differs in status',
      [m('xiaoshan', { status: 'nominated' }), m('xihu'), m('qiantang'), null],
      ['otherBasis', 'comparable', 'comparable', 'none'],
    ],
    [
      'two years, one figure each, same basis: both another year, none ranked',
      [m('xiaoshan', { period: '2024' }), m('xihu', { period: '2023' }), null, null],
      ['otherYear', 'otherYear', 'none', 'none'],
    ],
  ])('%s', (_name, figures, expected) => {
    expect(states(judgeRow(entries(figures), []))).toEqual(expected)
  })

  it('ranks only within the comparable cohort and says among how many', () => {
    const cells = judgeRow(
      entries([
        m('xiaoshan', { value: 442 }),
        m('xihu', { value: 931, period: '2018-2022' }),
        m('qiantang', { value: 500 }),
        m('fuyang', { value: 642 }),
      ]),
      [],
    )
    expect(cells.map((c) => [c.rank, c.of])).toEqual([
      [3, 3],
      [null, 0],
      [2, 3],
      [1, 3],
    ])
  })

  it('names what differs and against whom, in the one rule reasons', () => {
    const cells = judgeRow(
      entries([
        m('xiaoshan', { value: 40000, basis: 'free_courses' }),
        null,
        null,
        m('fuyang', { basis: 'job_skills' }),
      ]),
      [],
    )
    expect(cells[0]?.reference?.district).toBe('fuyang')
    expect(cells[3]?.reference?.district).toBe('xiaoshan')
    expect(cellReasons(cells[0]!, [])).toEqual([
      {
        kind: 'basis',
        byDistrict: [
          { district: 'fuyang', value: 'job_skills' },
          { district: 'xiaoshan', value: 'free_courses' },
        ],
      },
    ])
    expect(cellReasons(cells[1]!, [])).toEqual([])
  })

  it('a boundary change between two years of the same basis makes them not comparable', () => {
    const cells = judgeRow(entries([m('xiaoshan', { period: '2020' }), m('xihu', { period: '2024' }), null, null]), [
      XIAOSHAN_2021,
    ])
    expect(cells[0]?.state).toBe('otherBasis')
    expect(cellReasons(cells[0]!, [XIAOSHAN_2021])).toContainEqual({ kind: 'boundary', change: XIAOSHAN_2021 })
  })
})

const indicator = (id: string, category: Indicator['category']): Indicator => ({
  id,
  category,
  nameZh: id,
  nameEn: id,
  unit: '家',
  description: '',
  descriptionEn: '',
})

describe('buildScorecard', () => {
  const indicators = [
    indicator('a_single', 'organising'),
    indicator('b_two', 'organising'),
    indicator('c_three', 'organising'),
    indicator('d_training', 'training'),
  ]
  const metrics = [
    m('xiaoshan', { indicator: 'a_single' }),
    m('xiaoshan', { indicator: 'b_two' }),
    m('fuyang', { indicator: 'b_two', basis: 'other' }),
    m('xiaoshan', { indicator: 'c_three' }),
    m('qiantang', { indicator: 'c_three' }),
    m('fuyang', { indicator: 'c_three', period: '2023' }),
    m('xiaoshan', { indicator: 'd_training', period: '2022' }),
    m('xihu', { indicator: 'd_training', period: '2022' }),
  ]
  const card = (year: number | 'latest') =>
    buildScorecard({ metrics, indicators, districts: D, year, boundaries: [], categories: CATEGORIES })

  it('puts rows with more comparable cells first within a category and keeps single-district rows apart', () => {
    const { sections, singles } = card('latest')
    expect(sections.map((s) => [s.category, s.rows.map((r) => r.indicator)])).toEqual([
      ['organising', ['c_three', 'b_two']],
      ['training', ['d_training']],
    ])
    expect(singles.map((r) => r.indicator)).toEqual(['a_single'])
    expect(chartableIndicators(sections)).toEqual(['c_three', 'd_training'])
  })

  it('for a chosen year keeps only that year and drops rows nobody reported', () => {
    const { sections } = card(2022)
    expect(sections.map((s) => s.rows.map((r) => r.indicator))).toEqual([['d_training']])
    const { sections: s2024 } = card(2024)
    const c = s2024[0]?.rows[0]
    expect(c?.indicator).toBe('c_three')
    expect(c?.cells.map((x) => x.state)).toEqual(['comparable', 'none', 'comparable', 'none'])
  })
})

describe('buildScorecard progress', () => {
  const indicators = [indicator('unions_founded', 'organising')]
  const metrics = [
    m('xiaoshan', { period: '2020', value: 174 }),
    m('xiaoshan', { value: 442 }),
    m('fuyang', { period: '2023', value: 553 }),
    m('fuyang', { value: 642 }),
  ]
  const targets = new Map([
    [
      'unions_founded',
      [
        m('xiaoshan', { value: 500, status: 'target' }),
        m('fuyang', { value: 700, status: 'target' }),
        m('xihu', { value: 300, status: 'target' }),
      ],
    ],
  ])
  const cells = (year: number | 'latest') =>
    buildScorecard({
      metrics,
      indicators,
      districts: D,
      year,
      boundaries: [XIAOSHAN_2021],
      categories: CATEGORIES,
      targets,
    }).sections[0]?.rows[0]?.cells ?? []

  it('gives each cell its target completion, unreported where only a target exists', () => {
    const [xiaoshan, xihu, qiantang, fuyang] = cells(2024)
    expect(xiaoshan?.completion?.kind === 'rate' && xiaoshan.completion.percent).toBeCloseTo(88.4)
    expect(fuyang?.completion?.kind === 'rate' && fuyang.completion.target.value).toBe(700)
    expect(xihu?.state).toBe('none')
    expect(xihu?.completion?.kind).toBe('unreported')
    expect(qiantang?.completion).toBeNull()
  })

  it('gives the change on the previous comparable figure, and none across a boundary change', () => {
    const [xiaoshan, , , fuyang] = cells(2024)
    expect(fuyang?.change?.kind === 'change' && fuyang.change.diff).toBe(89)
    expect(xiaoshan?.change?.kind).toBe('break')
  })
})

describe('yearCounts and districtsWithoutYear', () => {
  const ms = [
    m('xiaoshan', { period: '2024' }),
    m('xiaoshan', { period: '2024', indicator: 'x' }),
    m('fuyang', { period: '2024' }),
    m('xihu', { period: '2018-2022' }),
    m('qiantang', { period: '2023' }),
    m('qiantang', { period: '2025', status: 'target' }),
  ]
  it('counts single-year figures per year among the districts, newest first; totals and targets do not count', () => {
    expect(yearCounts(ms, D)).toEqual([
      { year: 2024, count: 3 },
      { year: 2023, count: 1 },
    ])
    expect(yearCounts(ms, ['fuyang', 'qiantang'])).toEqual([
      { year: 2024, count: 1 },
      { year: 2023, count: 1 },
    ])
  })
  it('names the districts without a figure of the year', () => {
    expect(districtsWithoutYear(ms, D, 2024)).toEqual(['xihu', 'qiantang'])
  })
})
