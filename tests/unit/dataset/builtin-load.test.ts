import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BUILT_IN_NAMES, type BuiltInName } from '../../../src/types/domain'
import {
  loadBuiltInData,
  startBuiltInLoad,
  takeBuiltInLoad,
  type BuiltInBuffers,
} from '../../../src/dataset/builtin-load'
import { loadBuiltInFiles } from '../../../src/dataset/load'
import { FakeWorker } from './fake-worker'
import { fixtureBytes, metricsCsv, utf8 } from './fixtures'

const dataBytes = (name: BuiltInName): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../data/${name}.csv`, import.meta.url)))

function buffers(over: Partial<Record<BuiltInName, Uint8Array>> = {}): BuiltInBuffers {
  const entries = BUILT_IN_NAMES.map((name) => [name, (over[name] ?? dataBytes(name)).slice().buffer])
  return Object.fromEntries(entries) as BuiltInBuffers
}

const mainThread = () => {
  throw new Error('no worker here')
}

describe('loadBuiltInData', () => {
  const expected = loadBuiltInFiles({
    districts: dataBytes('districts'),
    indicators: dataBytes('indicators'),
    sources: dataBytes('sources'),
    bases: dataBytes('bases'),
    boundaries: dataBytes('boundaries'),
    metrics: dataBytes('metrics'),
  })

  it('checks the repository’s data/*.csv in the worker and rebuilds the same figures', async () => {
    if (!expected.ok) throw new Error('data/ does not validate')
    const worker = new FakeWorker()
    const loaded = await loadBuiltInData(
      () => Promise.resolve(buffers()),
      () => worker,
    )
    expect(worker.received.map((r) => r.kind)).toEqual(['builtin'])
    expect(worker.terminated).toBe(true)
    expect(loaded).toEqual({ ok: true, catalogue: expected.catalogue, metrics: expected.rows })
    expect(expected.catalogue.districts.map((d) => d.id)).toEqual(['xiaoshan', 'xihu', 'qiantang', 'fuyang'])
    expect(expected.rows.length).toBeGreaterThan(200)
  })

  it('parses on the main thread when the worker fails or cannot start', async () => {
    const crashing = new FakeWorker('crash')
    const afterCrash = await loadBuiltInData(
      () => Promise.resolve(buffers()),
      () => crashing,
    )
    expect(crashing.received).toHaveLength(1)
    expect(afterCrash).toEqual({
      ok: true,
      catalogue: expected.ok && expected.catalogue,
      metrics: expected.ok && expected.rows,
    })
    const noWorker = await loadBuiltInData(() => Promise.resolve(buffers()), mainThread)
    expect(noWorker).toEqual(afterCrash)
  })

  it('names the file that could not be fetched', async () => {
    const loaded = await loadBuiltInData(() => Promise.reject(new Error('data/sources.csv: HTTP 404')), mainThread)
    expect(loaded).toEqual({ ok: false, failure: { message: 'data/sources.csv: HTTP 404', issues: [] } })
  })

  it('reports catalogue problems under their own file', async () => {
    const text = new TextDecoder().decode(dataBytes('indicators'))
    const indicators = utf8(`${text.trimEnd()}\nbroken_one,no_such_category,坏,Broken,人,x\n`)
    const badLine = text.trimEnd().split('\n').length + 1
    const loaded = await loadBuiltInData(
      () => Promise.resolve(buffers({ districts: fixtureBytes('catalogue-broken/districts.csv'), indicators })),
      () => new FakeWorker(),
    )
    expect(loaded.ok).toBe(false)
    if (loaded.ok) return
    const issues = loaded.failure.issues
    expect(issues.some((i) => i.file === 'data/districts.csv' && i.line === 3)).toBe(true)
    expect(issues.some((i) => i.file === 'data/indicators.csv' && i.line === badLine)).toBe(true)
    expect(issues.every((i) => /^data\/(districts|indicators|sources)\.csv$/.test(i.file))).toBe(true)
  })

  it('reports a bad metrics row with its file and line', async () => {
    const metrics = utf8(metricsCsv('xiaoshan,unions_founded,2024,442,,,,', 'xiaoshan,no_such_indicator,2024,1,,,,'))
    const loaded = await loadBuiltInData(
      () => Promise.resolve(buffers({ metrics })),
      () => new FakeWorker(),
    )
    expect(loaded.ok).toBe(false)
    if (loaded.ok) return
    expect(loaded.failure.issues).toEqual([
      expect.objectContaining({ file: 'data/metrics.csv', line: 3, code: 'indicator-unknown' }),
    ])
  })
})

describe('startBuiltInLoad / takeBuiltInLoad', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('hands the early load over once; a later take fetches afresh', async () => {
    const urls: string[] = []
    vi.stubGlobal('fetch', (url: string) => {
      urls.push(url)
      const name = /data\/(\w+)\.csv$/.exec(url)?.[1] as BuiltInName
      return Promise.resolve(new Response(dataBytes(name).slice().buffer))
    })
    startBuiltInLoad()
    startBuiltInLoad() // a second start reuses the first
    expect(urls).toEqual(BUILT_IN_NAMES.map((n) => `/data/${n}.csv`))
    expect((await takeBuiltInLoad()).ok).toBe(true)
    expect(urls).toHaveLength(BUILT_IN_NAMES.length)
    expect((await takeBuiltInLoad()).ok).toBe(true)
    expect(urls).toHaveLength(2 * BUILT_IN_NAMES.length)
  })
})
