import { describe, expect, it } from 'vitest'
import { formatSearch, locationUrl, parseSearch } from '../../../src/domain/location-query'
import { parseFilterQuery, toFilterQuery } from '../../../src/domain/filter-query'

describe('parseSearch', () => {
  it('reads a query string, with or without its "?", decoding values', () => {
    expect(parseSearch('?year=2024&districts=xiaoshan,fuyang&q=%E8%90%A7%E5%B1%B1')).toEqual({
      year: '2024',
      districts: 'xiaoshan,fuyang',
      q: '萧山',
    })
    expect(parseSearch('view=table')).toEqual({ view: 'table' })
    expect(parseSearch('')).toEqual({})
  })

  it('keeps every value of a repeated key, in order', () => {
    expect(parseSearch('?year=2020&year=2024')).toEqual({ year: ['2020', '2024'] })
  })

  it('reads "+" as a space, as forms write it', () => {
    expect(parseSearch('?q=a+b')).toEqual({ q: 'a b' })
  })
})

describe('formatSearch', () => {
  it('writes keys in order and leaves commas readable', () => {
    expect(formatSearch({ view: 'category', districts: 'xiaoshan,fuyang', category: 'welfare' })).toBe(
      '?view=category&districts=xiaoshan,fuyang&category=welfare',
    )
  })

  it('encodes what would break the query: &, =, #, spaces and non-ASCII text', () => {
    const search = formatSearch({ q: 'a&b=c #1 萧山' })
    expect(search).toBe('?q=a%26b%3Dc%20%231%20%E8%90%A7%E5%B1%B1')
    expect(parseSearch(search)).toEqual({ q: 'a&b=c #1 萧山' })
  })

  it('is empty for an empty record, so the URL has no bare "?"', () => {
    expect(formatSearch({})).toBe('')
  })

  it('round-trips the filters of a shared link', () => {
    const ids = ['xiaoshan', 'xihu', 'qiantang', 'fuyang']
    const filters = parseFilterQuery(parseSearch('?view=table&year=2023&districts=fuyang,xihu&q=困难&lang=en'), ids)
    expect(parseFilterQuery(parseSearch(formatSearch(toFilterQuery(filters, ids))), ids)).toEqual(filters)
    expect(filters).toMatchObject({ view: 'table', year: 2023, districts: ['xihu', 'fuyang'], q: '困难', lang: 'en' })
  })
})

describe('locationUrl', () => {
  const here = { pathname: '/dash/', search: '?year=2024', hash: '#chart' }

  it('keeps the path and the hash, and writes the new query', () => {
    expect(locationUrl(here, { year: '2023' })).toBe('/dash/?year=2023#chart')
    expect(locationUrl(here, {})).toBe('/dash/#chart')
  })

  it('is null when the URL would not change', () => {
    expect(locationUrl(here, { year: '2024' })).toBeNull()
    expect(locationUrl({ pathname: '/', search: '', hash: '' }, {})).toBeNull()
  })
})
