import { describe, expect, it } from 'vitest'
import { unpackMetrics } from '../../../src/dataset/compact-rows'
import { handleParseRequest } from '../../../src/dataset/parse-worker-protocol'
import type { ParseResponse } from '../../../src/dataset/parse-worker-protocol'
import { FIXTURE_CATALOGUE, fixtureBytes, metricsCsv, utf8 } from './fixtures'

function run(bytes: Uint8Array, now?: () => number) {
  const posted: Array<{ message: ParseResponse; transfer: ArrayBuffer[] }> = []
  const buffer = bytes.slice().buffer
  handleParseRequest(
    { kind: 'metrics', id: 7, bytes: buffer, catalogue: FIXTURE_CATALOGUE, fileName: 'f.csv', datasetId: 'imp' },
    (message, transfer) => posted.push({ message, transfer }),
    now,
  )
  return posted
}

describe('handleParseRequest', () => {
  it('posts the result with rows packed and their buffers listed for transfer', () => {
    const posted = run(fixtureBytes('valid-metrics.csv'))
    const last = posted.at(-1)
    expect(last?.message.type).toBe('result')
    if (last?.message.type !== 'result') return
    expect(last.message.id).toBe(7)
    expect(last.message.result).toMatchObject({ ok: true, fileName: 'f.csv', encoding: 'utf-8', rows: [] })
    expect(unpackMetrics(last.message.packedRows).map((m) => m.district)).toEqual([
      'xiaoshan',
      'xiaoshan',
      'xihu',
      'qiantang',
      'fuyang',
    ])
    expect(last.transfer.length).toBeGreaterThan(0)
  })

  it('posts issues for a bad file', () => {
    const last = run(fixtureBytes('value-with-unit.csv')).at(-1)
    expect(last?.message.type === 'result' && last.message.result.issues[0]?.code).toBe('value-unit')
  })

  it('posts throttled progress in bytes before the result', () => {
    const lines = Array.from({ length: 40000 }, (_, i) => `xiaoshan,members,${1950 + (i % 150)}-2100,${i},,,,`)
    const bytes = utf8(metricsCsv(...lines))
    let clock = 0
    const posted = run(bytes, () => (clock += 30))
    const progress = posted.filter((p) => p.message.type === 'progress').map((p) => p.message)
    expect(progress.length).toBeGreaterThan(1)
    expect(progress.at(-1)).toEqual({ id: 7, type: 'progress', done: bytes.byteLength, total: bytes.byteLength })
    expect(posted.at(-1)?.message.type).toBe('result')
  })
})
