import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { MEASURES, METHODS, QUALIFIERS, STATUSES } from '../../../src/types/domain'
import type { Metric } from '../../../src/types/domain'
import { packMetrics, packedTransferables, unpackMetrics, unpackMetricsRange } from '../../../src/dataset/compact-rows'

const metricArb: fc.Arbitrary<Metric> = fc.record({
  district: fc.constantFrom('xiaoshan', 'xihu'),
  indicator: fc.string({ maxLength: 8 }),
  period: fc.constantFrom('2024', '2019-2021'),
  start: fc.integer({ min: 1949, max: 2100 }),
  end: fc.integer({ min: 1949, max: 2100 }),
  value: fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
  qualifier: fc.constantFrom(...QUALIFIERS),
  source: fc.string(),
  quote: fc.string({ unit: 'grapheme' }),
  note: fc.string({ unit: 'grapheme' }),
  measure: fc.constantFrom(...MEASURES),
  basis: fc.constantFrom('', 'public_courses', 'industry_wide'),
  status: fc.constantFrom(...STATUSES),
  method: fc.constantFrom(...METHODS),
  noteEn: fc.string({ unit: 'grapheme' }),
  place: fc.option(fc.integer({ min: 1, max: 99_999 }), { nil: null }),
  line: fc.integer({ min: 2, max: 5_000_000 }),
  dataset: fc.constantFrom('builtin', 'import-1'),
})

describe('packMetrics', () => {
  it('round-trips any metrics through unpackMetrics', () => {
    fc.assert(
      fc.property(fc.array(metricArb, { maxLength: 40 }), (rows) => {
        expect(unpackMetrics(packMetrics(rows))).toEqual(rows)
      }),
    )
  })

  it('survives structured cloning with its buffers transferred', () => {
    const rows: Metric[] = [
      {
        district: 'xihu',
        indicator: 'members',
        period: '2024',
        start: 2024,
        end: 2024,
        value: 1.5,
        qualifier: 'approx',
        source: 's',
        quote: '引文',
        note: '',
        measure: 'flow',
        basis: '',
        status: 'achieved',
        method: 'reported',
        noteEn: '',
        place: null,
        line: 2,
        dataset: 'd',
      },
    ]
    const packed = packMetrics(rows)
    const cloned = structuredClone(packed, { transfer: packedTransferables(packed) })
    expect(packed.value.byteLength).toBe(0)
    expect(unpackMetrics(cloned)).toEqual(rows)
  })

  it('stores repeated short strings once', () => {
    const row: Metric = {
      district: 'xihu',
      indicator: 'members',
      period: '2024',
      start: 2024,
      end: 2024,
      value: 1,
      qualifier: 'exact',
      source: '',
      quote: 'q',
      note: 'n',
      measure: 'flow',
      basis: '',
      status: 'achieved',
      method: 'reported',
      noteEn: '',
      place: null,
      line: 2,
      dataset: 'd',
    }
    const packed = packMetrics(Array.from({ length: 1000 }, (_, i) => ({ ...row, line: i + 2 })))
    expect(packed.dict).toEqual(['xihu', 'members', '2024', 'exact', '', 'd', 'flow||achieved|reported'])
  })
})

describe('unpackMetricsRange', () => {
  it('rebuilds only the requested slice', () => {
    const rows = Array.from({ length: 5 }, (_, i): Metric => ({
      district: 'xihu',
      indicator: 'm',
      period: '2024',
      start: 2024,
      end: 2024,
      value: i,
      qualifier: 'exact',
      source: '',
      quote: `q${i}`,
      note: '',
      measure: 'flow',
      basis: '',
      status: 'achieved',
      method: 'reported',
      noteEn: '',
      place: null,
      line: i + 2,
      dataset: 'd',
    }))
    const out = new Array<Metric>(5)
    unpackMetricsRange(packMetrics(rows), 1, 3, out)
    expect(out.filter(Boolean).map((m) => m.quote)).toEqual(['q1', 'q2'])
  })
})
