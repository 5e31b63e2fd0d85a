// Times decode + parse + validate of generated metrics CSVs (100k and 1M rows), and what it costs to post
// 1M rows from the worker to the page. Run: npx tsx tests/bench/bench-parse.ts
import type { Catalogue, Metric } from '../../src/types/domain'
import { CATEGORIES, QUALIFIERS } from '../../src/types/domain'
import { packMetrics, packedTransferables, unpackMetrics } from '../../src/dataset/compact-rows'
import { loadMetricsCsv } from '../../src/dataset/load'
import { decodeCsvBytes, parseCsvText } from '../../src/dataset/parse-csv'
import { validateMetrics } from '../../src/dataset/validators/metrics'
import { issueMessage } from '../../src/locales/issue-messages'
import type { ValidationIssue } from '../../src/types/validation'

/** An issue's English and Chinese wording, as the import panel and `npm run validate` show it. */
const en = (issue: ValidationIssue | undefined): string => (issue ? issueMessage(issue, 'en') : '')

const DISTRICTS = [
  ['xiaoshan', '萧山区'],
  ['xihu', '西湖区'],
  ['qiantang', '钱塘区'],
  ['fuyang', '富阳区'],
] as const
const INDICATOR_COUNT = 30

const catalogue: Catalogue = {
  districts: DISTRICTS.map(([id, nameZh], i) => ({ id, nameZh, nameEn: id, color: `#00000${i}` })),
  indicators: Array.from({ length: INDICATOR_COUNT }, (_, i) => ({
    id: `indicator_${i}`,
    category: CATEGORIES[i % CATEGORIES.length] ?? 'organising',
    nameZh: `指标${i}`,
    nameEn: `Indicator ${i}`,
    unit: i % 3 === 0 ? '元' : '人',
    description: '',
    descriptionEn: '',
  })),
  sources: [],
  bases: [],
  boundaries: [],
}

/** A valid metrics CSV of `rows` rows with unique (district, indicator, period) keys and mixed text. */
function generateCsv(rows: number): Uint8Array {
  const lines = ['\uFEFFdistrict,indicator,period,value,qualifier,source,quote,note']
  outer: for (let indicator = 0; indicator < INDICATOR_COUNT; indicator++) {
    for (const [district, nameZh] of DISTRICTS) {
      for (let start = 1949; start <= 2100; start++) {
        for (let end = start; end <= 2100; end++) {
          const n = lines.length
          if (n > rows) break outer
          const who = n % 5 === 0 ? nameZh : district
          const period = start === end ? String(start) : `${start}-${end}`
          const value = n % 4 === 0 ? String(n * 37) : (n * 1.25).toFixed(2)
          const qualifier = n % 7 === 0 ? '' : (QUALIFIERS[n % QUALIFIERS.length] ?? 'exact')
          const quote = n % 3 === 0 ? `"全区会员约${n}人, 同比增长""5%"""` : `全区会员约${n}人`
          const note = n % 11 === 0 ? `"Two-line\nnote ${n}"` : ''
          lines.push(`${who},indicator_${indicator},${period},${value},${qualifier},report-${n % 9},${quote},${note}`)
        }
      }
    }
  }
  if (lines.length - 1 < rows) throw new Error(`catalogue too small for ${rows} unique rows`)
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

function time<T>(run: () => T): [T, number] {
  const started = performance.now()
  const result = run()
  return [result, performance.now() - started]
}

interface Row {
  case: string
  rows: number
  mb: number
  ms: number
  rowsPerS: number
}

function benchLoad(rows: number, runs: number): Row {
  const bytes = generateCsv(rows)
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const [result, ms] = time(() => loadMetricsCsv(bytes, catalogue, { fileName: 'bench.csv', datasetId: 'bench' }))
    if (!result.ok || result.rows.length !== rows) {
      throw new Error(`bench file invalid: ${result.issues[0]?.line}: ${en(result.issues[0])}`)
    }
    times.push(ms)
  }
  const ms = median(times)
  return {
    case: `load ${rows / 1000}k (median of ${runs})`,
    rows,
    mb: bytes.byteLength / 1e6,
    ms,
    rowsPerS: rows / (ms / 1000),
  }
}

function phases(rows: number): Row[] {
  const bytes = generateCsv(rows)
  const [decoded, decodeMs] = time(() => decodeCsvBytes(bytes))
  if (!decoded.ok) throw new Error(en(decoded.issue))
  const [parsed, parseMs] = time(() => parseCsvText(decoded.text))
  const [, validateMs] = time(() => validateMetrics(parsed, catalogue, 'bench', { maxIssues: 100 }))
  const mb = bytes.byteLength / 1e6
  const row = (name: string, ms: number): Row => ({
    case: `  ${name} ${rows / 1000}k`,
    rows,
    mb,
    ms,
    rowsPerS: rows / (ms / 1000),
  })
  return [row('decode', decodeMs), row('parse', parseMs), row('validate', validateMs)]
}

function transfer(rows: number): Row[] {
  const result = loadMetricsCsv(generateCsv(rows), catalogue, { fileName: 'bench.csv', datasetId: 'bench' })
  const metrics: Metric[] = result.rows
  const [, objectsMs] = time(() => structuredClone(metrics))
  const [packed, packMs] = time(() => packMetrics(metrics))
  const [cloned, cloneMs] = time(() => structuredClone(packed, { transfer: packedTransferables(packed) }))
  const [, unpackMs] = time(() => unpackMetrics(cloned))
  const row = (name: string, ms: number): Row => ({ case: `  ${name}`, rows, mb: 0, ms, rowsPerS: rows / (ms / 1000) })
  return [
    row('structuredClone 1M Metric objects', objectsMs),
    row('packMetrics (worker side)', packMs),
    row('structuredClone packed + transfer', cloneMs),
    row('unpackMetrics (page side, sliced)', unpackMs),
  ]
}

const table: Row[] = []
const load100k = benchLoad(100_000, 5)
table.push(load100k, ...phases(100_000))
const load1m = benchLoad(1_000_000, 3)
table.push(load1m, ...phases(1_000_000), ...transfer(1_000_000))

console.log(`${'case'.padEnd(42)} ${'MB'.padStart(7)} ${'ms'.padStart(8)} ${'rows/s'.padStart(11)}`)
for (const r of table) {
  const mb = r.mb > 0 ? r.mb.toFixed(1) : ''
  console.log(
    `${r.case.padEnd(42)} ${mb.padStart(7)} ${r.ms.toFixed(0).padStart(8)} ${Math.round(r.rowsPerS).toString().padStart(11)}`,
  )
}
console.log(
  JSON.stringify({
    parse100k_rows_per_s: Math.round(load100k.rowsPerS),
    parse1m_rows_per_s: Math.round(load1m.rowsPerS),
  }),
)
