import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useLocationStore } from '../../../src/stores/location'

/** A browser's location and session history, enough for the store: push, replace, Back (with its popstate). */
function fakeBrowser(start: string) {
  const entries = [new URL(start)]
  let index = 0
  const current = (): URL => entries[index] as URL
  const window = new EventTarget()
  const history = {
    state: null,
    get length() {
      return entries.length
    },
    pushState: vi.fn((_state: unknown, _title: string, url: string) => {
      entries.splice(index + 1, Infinity, new URL(url, current()))
      index++
    }),
    replaceState: vi.fn((_state: unknown, _title: string, url: string) => {
      entries[index] = new URL(url, current())
    }),
    back() {
      index--
      window.dispatchEvent(new Event('popstate'))
    },
  }
  const location = {
    get pathname() {
      return current().pathname
    },
    get search() {
      return current().search
    },
    get hash() {
      return current().hash
    },
    get href() {
      return current().href
    },
  }
  vi.stubGlobal('window', window)
  vi.stubGlobal('location', location)
  vi.stubGlobal('history', history)
  return { history, location }
}

describe('useLocationStore', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => vi.unstubAllGlobals())

  it('reads the query the page was opened with', () => {
    fakeBrowser('http://x/app/?year=2024&districts=xiaoshan,fuyang')
    expect(useLocationStore().query).toEqual({ year: '2024', districts: 'xiaoshan,fuyang' })
  })

  it('pushes a new history entry, keeping the path and the hash', () => {
    const { history, location } = fakeBrowser('http://x/app/?year=2024#top')
    const store = useLocationStore()
    expect(store.navigate({ year: '2023', districts: 'xiaoshan,fuyang' }, 'push')).toBe(true)
    expect(location.href).toBe('http://x/app/?year=2023&districts=xiaoshan,fuyang#top')
    expect(history.length).toBe(2)
    expect(store.query).toEqual({ year: '2023', districts: 'xiaoshan,fuyang' })
  })

  it('replaces the current entry without adding one', () => {
    const { history, location } = fakeBrowser('http://x/?view=table')
    const store = useLocationStore()
    expect(store.navigate({ view: 'table', q: '体检' }, 'replace')).toBe(true)
    expect(location.search).toBe(`?view=table&q=${encodeURIComponent('体检')}`)
    expect(history.length).toBe(1)
    expect(history.pushState).not.toHaveBeenCalled()
    expect(store.query).toEqual({ view: 'table', q: '体检' })
  })

  it('touches no history when the query would not change', () => {
    const { history } = fakeBrowser('http://x/?year=2024')
    const store = useLocationStore()
    const before = store.query
    expect(store.navigate({ year: '2024' }, 'push')).toBe(false)
    expect(store.navigate({ year: '2024' }, 'replace')).toBe(false)
    expect(history.pushState).not.toHaveBeenCalled()
    expect(history.replaceState).not.toHaveBeenCalled()
    expect(store.query).toBe(before)
  })

  it('follows Back (the popstate event)', () => {
    const { history } = fakeBrowser('http://x/')
    const store = useLocationStore()
    store.navigate({ year: '2023' }, 'push')
    history.back()
    expect(store.query).toEqual({})
  })
})
