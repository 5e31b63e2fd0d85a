import { describe, expect, it } from 'vitest'
import { loadMetricsWithWorker } from '../../../src/dataset/worker-client'
import { FakeWorker } from './fake-worker'
import { FIXTURE_CATALOGUE, fixtureBytes, metricsCsv, utf8 } from './fixtures'

const blob = (bytes: Uint8Array) => new Blob([bytes.slice().buffer])

describe('loadMetricsWithWorker', () => {
  it('resolves with the rows rebuilt from the worker’s packed result', async () => {
    const worker = new FakeWorker()
    const result = await loadMetricsWithWorker(
      () => worker,
      blob(fixtureBytes('valid-metrics.csv')),
      FIXTURE_CATALOGUE,
      { fileName: 'v.csv', datasetId: 'imp' },
    )
    expect(result).toMatchObject({ ok: true, fileName: 'v.csv', encoding: 'utf-8', errorCount: 0 })
    expect(result.rows).toHaveLength(5)
    expect(result.rows[1]).toMatchObject({
      district: 'xiaoshan',
      indicator: 'welfare_spending',
      value: 978900,
      line: 3,
      dataset: 'imp',
    })
    expect(worker.terminated).toBe(true)
  })

  it('passes progress on to the caller', async () => {
    const lines = Array.from({ length: 30000 }, (_, i) => `xiaoshan,members,${1950 + (i % 150)}-2100,${i},,,,`)
    const bytes = utf8(metricsCsv(...lines))
    const seen: number[] = []
    await loadMetricsWithWorker(() => new FakeWorker(), blob(bytes), FIXTURE_CATALOGUE, {
      fileName: 'big.csv',
      datasetId: 'imp',
      onProgress: (done, total) => seen.push(done / total),
    })
    expect(seen.at(-1)).toBe(1)
  })

  it('rejects with an AbortError and terminates the worker when aborted', async () => {
    const worker = new FakeWorker('hang')
    const controller = new AbortController()
    const pending = loadMetricsWithWorker(() => worker, blob(fixtureBytes('valid-metrics.csv')), FIXTURE_CATALOGUE, {
      fileName: 'v.csv',
      datasetId: 'imp',
      signal: controller.signal,
    })
    await new Promise((resolve) => setTimeout(resolve, 5))
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    await expect(pending).rejects.toBeInstanceOf(DOMException)
    expect(worker.terminated).toBe(true)
  })

  it('rejects at once when the signal is already aborted, starting no worker', async () => {
    let started = false
    const pending = loadMetricsWithWorker(
      () => {
        started = true
        return new FakeWorker()
      },
      blob(fixtureBytes('valid-metrics.csv')),
      FIXTURE_CATALOGUE,
      { fileName: 'v.csv', datasetId: 'imp', signal: AbortSignal.abort() },
    )
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    expect(started).toBe(false)
  })

  it('rejects with an Error when the worker fails', async () => {
    const worker = new FakeWorker('crash')
    await expect(
      loadMetricsWithWorker(() => worker, blob(utf8('a\n')), FIXTURE_CATALOGUE, { fileName: 'x', datasetId: 'd' }),
    ).rejects.toThrow('CSV worker failed: boom')
    expect(worker.terminated).toBe(true)
  })
})
