import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CATEGORIES } from '../../../src/types/domain'
import { TABLE_SORT_KEYS } from '../../../src/domain/table-rows'
import {
  DEFAULT_TABLE_STATE,
  nextSort,
  parseTableState,
  toTableQuery,
  type TableState,
} from '../../../src/domain/table-state'
import { formatSearch, parseSearch } from '../../../src/domain/location-query'

const stateArb: fc.Arbitrary<TableState> = fc.record({
  category: fc.constantFrom('' as const, ...CATEGORIES),
  indicator: fc.constantFrom('', 'unions_founded', 'aid_amount'),
  period: fc.constantFrom('', '2024', '2018-2022'),
  sort: fc.constantFrom(...TABLE_SORT_KEYS),
  dir: fc.constantFrom('asc' as const, 'desc' as const),
})

describe('table state in the URL', () => {
  it('survives a round trip through the query string', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const search = formatSearch({ view: 'table', ...toTableQuery(state) })
        expect(parseTableState(parseSearch(search))).toEqual(state)
      }),
    )
  })

  it('leaves the defaults out, so a plain table link stays short', () => {
    expect(toTableQuery(DEFAULT_TABLE_STATE)).toEqual({})
    expect(toTableQuery({ ...DEFAULT_TABLE_STATE, sort: 'value', dir: 'desc' })).toEqual({ sort: 'value' })
    expect(toTableQuery({ ...DEFAULT_TABLE_STATE, sort: 'value', dir: 'asc' })).toEqual({ sort: 'value', dir: 'asc' })
  })

  it('reads a written link', () => {
    expect(parseTableState(parseSearch('?tcategory=welfare&tperiod=2024&sort=districtName&dir=desc'))).toEqual({
      category: 'welfare',
      indicator: '',
      period: '2024',
      sort: 'districtName',
      dir: 'desc',
    })
  })

  it('falls back to the defaults for malformed values', () => {
    expect(
      parseTableState({ tcategory: '<b>', tindicator: 'a b"', tperiod: '20x4', sort: 'quote', dir: 'sideways' }),
    ).toEqual(DEFAULT_TABLE_STATE)
  })
})

describe('nextSort', () => {
  it('flips the chosen column and starts another in its own direction', () => {
    expect(nextSort({ sort: 'value', dir: 'desc' }, 'value')).toEqual({ sort: 'value', dir: 'asc' })
    expect(nextSort({ sort: 'value', dir: 'desc' }, 'districtName')).toEqual({ sort: 'districtName', dir: 'asc' })
    expect(nextSort({ sort: 'districtName', dir: 'asc' }, 'period')).toEqual({ sort: 'period', dir: 'desc' })
  })
})
