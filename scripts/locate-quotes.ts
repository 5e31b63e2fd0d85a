// Fills the optional `place` column of data/metrics.csv: the paragraph of its report (1 = the first non-empty one)
// where each figure's quote stands, found in ../shared/seeds/<file named in sources.csv>. Every other byte of the
// file stays as it was: the column is appended to each line (or rewritten when it is already the last one).
//   npx tsx scripts/locate-quotes.ts [--check]     (--check: exit 1 when the file is not what the reports give)
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import Papa from 'papaparse'
import { findQuoteParagraph, splitParagraphs } from '../src/domain/report-text'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const seeds = resolve(root, '../shared/seeds')
const metricsPath = resolve(root, 'data/metrics.csv')

const parseRow = (line: string): string[] => Papa.parse<string[]>(line, { header: false }).data[0] ?? []

const sources = Papa.parse<Record<string, string>>(readFileSync(resolve(root, 'data/sources.csv'), 'utf8'), {
  header: true,
  skipEmptyLines: true,
}).data
const paragraphsOf = new Map<string, string[]>()
for (const s of sources) {
  if (!s.id || !s.file) continue
  paragraphsOf.set(s.id, splitParagraphs(readFileSync(resolve(seeds, s.file), 'utf8')))
}

const text = readFileSync(metricsPath, 'utf8')
const lines = text.split('\n')
const trailing = lines[lines.length - 1] === '' ? lines.pop() : undefined
const header = parseRow(lines[0] ?? '')
if (header.some((c) => c.includes('\n'))) throw new Error('metrics.csv header is not one line')
const hasPlace = header[header.length - 1] === 'place'
const sourceCol = header.indexOf('source')
const quoteCol = header.indexOf('quote')
if (sourceCol < 0 || quoteCol < 0) throw new Error('metrics.csv needs source and quote columns')

/** A line without its last field (the old place), when the column is already there. */
function withoutPlace(line: string): string {
  return hasPlace ? line.slice(0, line.lastIndexOf(',')) : line
}

const missing: string[] = []
const repeated: string[] = []
const out = [`${withoutPlace(lines[0] ?? '')},place`]
for (let i = 1; i < lines.length; i++) {
  const line = lines[i] as string
  const fields = parseRow(line)
  const paragraphs = paragraphsOf.get(fields[sourceCol] ?? '') ?? []
  const quote = fields[quoteCol] ?? ''
  const place = findQuoteParagraph(paragraphs, quote)
  if (place === null) missing.push(`line ${i + 1}`)
  else if (findQuoteParagraph(paragraphs.slice(place), quote) !== null) repeated.push(`line ${i + 1} (¶${place})`)
  out.push(`${withoutPlace(line)},${place ?? ''}`)
}
const next = out.join('\n') + (trailing === undefined ? '' : '\n')

console.log(`${lines.length - 1} figures, ${lines.length - 1 - missing.length} placed`)
if (missing.length) console.log(`not found: ${missing.join(', ')}`)
if (repeated.length) console.log(`quote found in more than one paragraph (first taken): ${repeated.join(', ')}`)
if (process.argv.includes('--check')) {
  const same = next === text
  console.log(same ? 'metrics.csv place column is up to date' : 'metrics.csv place column differs from the reports')
  process.exitCode = same ? 0 : 1
} else writeFileSync(metricsPath, next)
