import { describe, expect, it } from 'vitest'
import { parseFilterQuery, toFilterQuery } from '../../../src/domain/filter-query'

const IDS = ['xiaoshan', 'xihu', 'qiantang', 'fuyang']

describe('parseFilterQuery', () => {
  it('defaults to the overview of every district in latest mode', () => {
    const f = parseFilterQuery({}, IDS)
    expect(f).toMatchObject({
      view: 'overview',
      year: 'latest',
      districts: IDS,
      category: 'organising',
      cumulative: false,
      lang: 'zh-CN',
    })
  })

  it('reads year, districts in catalogue order, category and language', () => {
    const f = parseFilterQuery(
      { year: '2024', districts: 'fuyang,xiaoshan', view: 'category', category: 'welfare', lang: 'en' },
      IDS,
    )
    expect(f.year).toBe(2024)
    expect(f.districts).toEqual(['xiaoshan', 'fuyang'])
    expect(f.view).toBe('category')
    expect(f.category).toBe('welfare')
    expect(f.lang).toBe('en')
  })

  it('ignores malformed values instead of failing', () => {
    const f = parseFilterQuery(
      { year: '20x4', districts: 'nowhere', view: 'evil', category: '<b>', district: 'mars' },
      IDS,
    )
    expect(f.year).toBe('latest')
    expect(f.districts).toEqual(IDS)
    expect(f.view).toBe('overview')
    expect(f.category).toBe('organising')
    expect(f.district).toBeNull()
  })
})

describe('toFilterQuery', () => {
  it('leaves defaults out and round-trips through parseFilterQuery', () => {
    const f = parseFilterQuery(
      { view: 'indicator', indicator: 'unions_founded', year: '2020', districts: 'xihu', cumulative: '1' },
      IDS,
    )
    const q = toFilterQuery(f, IDS)
    expect(q).toEqual({
      view: 'indicator',
      indicator: 'unions_founded',
      year: '2020',
      districts: 'xihu',
      cumulative: '1',
    })
    expect(parseFilterQuery(q, IDS)).toEqual(f)
    expect(toFilterQuery(parseFilterQuery({}, IDS), IDS)).toEqual({})
  })
})

describe('the per-head key', () => {
  it('reads per=members, ignores unknown values, and keeps old links (no key) off', () => {
    expect(parseFilterQuery({ per: 'members' }, IDS).per).toBe('members')
    expect(parseFilterQuery({ per: 'toString' }, IDS).per).toBeUndefined()
    expect(parseFilterQuery({ year: '2024' }, IDS).per).toBeUndefined()
  })

  it('writes per only when on, and round-trips', () => {
    const on = parseFilterQuery({ per: 'members', year: '2024' }, IDS)
    expect(toFilterQuery(on, IDS)).toEqual({ year: '2024', per: 'members' })
    expect(toFilterQuery({ ...on, per: undefined }, IDS)).toEqual({ year: '2024' })
  })
})
