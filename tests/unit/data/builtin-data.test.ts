import { beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { builtinCatalogue as cat, builtinMetrics as metrics } from './builtin'
import { CATEGORIES, UNITS } from '../../../src/types/domain'
import { locateFigure } from '../../../src/domain/locate-figure'

const SEEDS = '../shared/seeds'

describe('built-in catalogue', () => {
  it('passes the project validator with no errors', () => {
    expect(cat.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(cat.ok).toBe(true)
  })

  it('has the four districts with their fixed ids', () => {
    expect(cat.catalogue.districts.map((d) => d.id)).toEqual(['xiaoshan', 'xihu', 'qiantang', 'fuyang'])
  })

  it('uses only allowed categories and units', () => {
    for (const i of cat.catalogue.indicators) {
      expect(CATEGORIES).toContain(i.category)
      expect(UNITS).toContain(i.unit)
    }
  })
})

describe('built-in metrics', () => {
  it('pass the project validator with no errors or warnings', () => {
    expect(metrics.issues).toEqual([])
    expect(metrics.ok).toBe(true)
    expect(metrics.rows.length).toBeGreaterThan(150)
  })

  it('refer only to known districts, indicators and sources', () => {
    const d = new Set(cat.catalogue.districts.map((x) => x.id))
    const i = new Set(cat.catalogue.indicators.map((x) => x.id))
    const s = new Set(cat.catalogue.sources.map((x) => x.id))
    for (const m of metrics.rows) {
      expect(d.has(m.district), m.district).toBe(true)
      expect(i.has(m.indicator), m.indicator).toBe(true)
      expect(s.has(m.source), `line ${m.line}: ${m.source}`).toBe(true)
    }
  })

  it('have no duplicate (district, indicator, period)', () => {
    const keys = metrics.rows.map((m) => `${m.district}|${m.indicator}|${m.period}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('use every indicator at least once', () => {
    const used = new Set(metrics.rows.map((m) => m.indicator))
    expect(cat.catalogue.indicators.filter((i) => !used.has(i.id)).map((i) => i.id)).toEqual([])
  })

  it('come from a report of their own district', () => {
    const bySource = new Map(cat.catalogue.sources.map((s) => [s.id, s]))
    for (const m of metrics.rows) expect(bySource.get(m.source)?.district, `line ${m.line}`).toBe(m.district)
  })

  it('mark 余/超/以上 figures as at_least and 近/约 figures as approx', () => {
    const wrong = metrics.rows.flatMap((m) => {
      const span = locateFigure(m.quote, m.value)
      if (!span) return [] // derived or converted figures are not stated literally
      const before = m.quote.slice(Math.max(0, span.start - 3), span.start)
      const after = m.quote.slice(span.end, span.end + 4)
      const atLeast = /(超过|超|逾|突破)[\s*]*$/.test(before) || /^[^\d，,。；]{0,2}(余|多)/.test(after) || /^[^\d，,。；]{0,3}以上/.test(after)
      const approx = /(近|约|将近)[\s*]*$/.test(before) || /^[^\d，,。；]{0,3}左右/.test(after)
      if (atLeast && m.qualifier !== 'at_least') return [`line ${m.line}: expected at_least: ${m.quote}`]
      if (approx && m.qualifier !== 'approx') return [`line ${m.line}: expected approx: ${m.quote}`]
      if (!atLeast && !approx && m.qualifier !== 'exact') return [`line ${m.line}: ${m.qualifier} without a marker: ${m.quote}`]
      return []
    })
    expect(wrong).toEqual([])
  })
})

// A bare clone has no ../shared: there the check is skipped, and says so. CI has ../shared beside its clone, so
// there it always runs, and fails if the reports are missing.
const IN_CI = Boolean(process.env.CI) && process.env.CI !== 'false'
const CHECK_QUOTES = IN_CI || existsSync(SEEDS)
if (!CHECK_QUOTES) console.warn(`builtin-data.test.ts: no ${SEEDS}, so quotes are not checked against the reports`)

if (!CHECK_QUOTES)
  describe('quotes against the reports', () => {
    it.skip(`are not checked: ${SEEDS} is not beside this clone (CI has it and runs the check)`, () => {})
  })

describe.runIf(CHECK_QUOTES)('quotes against the reports in ../shared/seeds', () => {
  const squash = (s: string): string => s.replace(/\s+/g, '')
  // Read in beforeAll: a skipped describe's body still runs at collection, and without ../shared there is nothing to read.
  let reports = new Map<string, string>()
  beforeAll(() => {
    if (!existsSync(SEEDS)) throw new Error(`${SEEDS} is missing: CI must check every quote against its report`)
    reports = new Map(readdirSync(SEEDS).map((f) => [f, squash(readFileSync(`${SEEDS}/${f}`, 'utf8'))]))
  })

  it('name report files that exist', () => {
    for (const s of cat.catalogue.sources) expect(reports.has(s.file), s.file).toBe(true)
  })

  it('find every quote verbatim in its source report (whitespace-insensitive)', () => {
    const fileOf = new Map(cat.catalogue.sources.map((s) => [s.id, s.file]))
    const missing = metrics.rows.filter((m) => !reports.get(fileOf.get(m.source) ?? '')?.includes(squash(m.quote)))
    expect(missing.map((m) => `line ${m.line}: ${m.quote}`)).toEqual([])
  })

  it('keep every quote short enough to read (about 80 characters)', () => {
    const long = metrics.rows.filter((m) => [...m.quote].length > 100)
    expect(long.map((m) => `line ${m.line}`)).toEqual([])
  })
})
