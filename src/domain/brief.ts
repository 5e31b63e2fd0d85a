import type { Catalogue, District, Indicator, Metric } from '../types/domain'
import { breaksBetween, judgeSet } from './comparability'
import { selectFigures, type FigureEntry, type YearChoice } from './compare'
import { formatMetricValue } from './format'
import type { Locale } from '../types/locale'
import { isCumulativeMetric, isDerived, metricKey } from './metric'
import { boundaryText, describeReason, type ReasonContext, type ReasonLabels } from './reason-text'
import { buildTakeaway } from './takeaway'
import { completionFor, progressLine, type ProgressLabels } from './progress'

/** Translated wording of the brief (the UI's message table fills it; the builder never translates). */
export interface BriefLabels {
  /** zh '一页纸汇报 · {when}'. */
  title: (when: string) => string
  /** What 'latest' reads as in the title: zh '各区最新'. */
  latest: string
  /** zh '{year} 年'. */
  year: (year: number) => string
  /** zh '{count} 个区' (+ '，含多年累计' when shown). */
  scope: (count: number, cumulative: boolean) => string
  /** zh '数据截至 {year} 年 · 最新报告发布于 {published} · 数据版本 {fingerprint}（…）'; published '' when no cited report gives a date. */
  asOf: (p: { year: string; published: string; fingerprint: string; count: number }) => string
  /** One figure of a district's line: zh '{indicator} {value}（{period}）'. */
  figure: (indicator: string, value: string, period: string) => string
  /** Period of a multi-year total: zh '{period} 累计'. */
  cumulative: (period: string) => string
  /** Mark of a derived figure: zh '推算'. */
  derived: string
  /** zh '另有 {count} 项'. */
  more: (count: number) => string
  /** zh '另有 {count} 个区'. */
  moreDistricts: (count: number) => string
  /** A district line without figures: zh '无 {year} 年数据' / '无数据'. */
  noFigures: (year: number | null) => string
  /** Districts with nothing for the year: zh '{names}无 {year} 年数据'. */
  districtsWithout: (names: string, year: number | null) => string
  /** An indicator others reported that these districts did not: zh '{indicator}：{names}未报告（{reported} 个区有）'. */
  notReported: (indicator: string, names: string, reported: number) => string
  /** Names cut short: zh '{names}等 {count} 个区'. */
  namesEtc: (names: string, count: number) => string
  /** A caveat about one indicator: zh '{indicator}：{text}'. */
  about: (indicator: string, text: string) => string
  /** Multi-year totals in a district's line: zh '{district}的 {periods} 数字为多年累计，不与单年数字比较'. */
  multiYear: (district: string, periods: string) => string
  /** In 'latest' mode the figures' years differ: one sentence saying only same-year figures are compared. */
  latestYearsDiffer: string
  /** Section headings. */
  headings: { districts: string; comparisons: string; gaps: string; caveats: string }
  /** Said when a section has nothing to list. */
  none: { comparisons: string; gaps: string; caveats: string }
  reasons: ReasonLabels
  /** The targets section's wording; absent: the brief lists no targets. */
  targets?: BriefTargetLabels
}

/** Wording of the brief's targets section (目标完成情况). */
export interface BriefTargetLabels {
  /** zh '目标完成情况'. */
  heading: string
  /** One target: zh '{district} {indicator}：{progress}'. */
  line: (district: string, indicator: string, progress: string) => string
  progress: ProgressLabels
}

/** How many items of each list fit one page; the rest are counted ('另有 N 项'). */
export interface BriefLimits {
  districts: number
  figuresPerDistrict: number
  comparisons: number
  gaps: number
  caveats: number
  /** Names listed in one gap before '等 N 个区'. */
  names: number
}

/** Everything the brief is built from: the figures in force, the catalogue, the filters shown and the wording. */
export interface BriefInput {
  catalogue: Catalogue
  /** Figures in force per indicator (MetricIndex.byIndicator). */
  byIndicator: ReadonlyMap<string, readonly Metric[]>
  year: YearChoice
  /** Selected district ids. */
  districts: readonly string[]
  /** Whether comparisons may set multi-year totals against each other (the cumulative filter). */
  cumulative: boolean
  locale: Locale
  labels: BriefLabels
  /** Defaults to briefLimits(number of selected districts). */
  limits?: BriefLimits
  /** Targets per indicator (status=target; the index leaves them out): each gets its completion line. */
  targets?: ReadonlyMap<string, readonly Metric[]>
}

/** One figure of a district's line. */
export interface BriefFigure {
  indicator: string
  text: string
  /** metricKey of the figure, for the provenance panel. */
  key: string
  cumulative: boolean
}

/** What one district reported for the year (or its latest figures). */
export interface BriefDistrictLine {
  district: string
  name: string
  color: string
  figures: BriefFigure[]
  /** '另有 N 项' when figures were left out, else ''. */
  more: string
  /** '无 2024 年数据' when the district has no figure, else ''. */
  empty: string
}

/** A like-for-like comparison worth saying, in the takeaway engine's words. */
export interface BriefComparison {
  indicator: string
  text: string
  /** How many districts the sentence compares. */
  among: number
}

/** The brief as plain data: what the page, the print and the slide show. */
export interface Brief {
  title: string
  scope: string
  asOf: string
  headings: BriefLabels['headings']
  districts: BriefDistrictLine[]
  moreDistricts: string
  comparisons: BriefComparison[]
  moreComparisons: string
  gaps: string[]
  moreGaps: string
  caveats: string[]
  moreCaveats: string
  /** What each empty section says instead. */
  none: BriefLabels['none']
  /** Each loaded target's completion ('未报送' where nothing is reported yet); null when no target is loaded. */
  targets: { heading: string; lines: string[]; more: string } | null
}

/** Fewer items per list as districts grow, so the brief stays one A4 page; a slide, read across a room, holds less. */
export function briefLimits(districtCount: number, medium: 'page' | 'slide' = 'page'): BriefLimits {
  if (medium === 'slide')
    return districtCount <= 6
      ? { districts: 8, figuresPerDistrict: 5, comparisons: 4, gaps: 3, caveats: 4, names: 4 }
      : { districts: 14, figuresPerDistrict: 2, comparisons: 3, gaps: 3, caveats: 3, names: 3 }
  if (districtCount <= 6) return { districts: 20, figuresPerDistrict: 6, comparisons: 6, gaps: 5, caveats: 7, names: 6 }
  if (districtCount <= 16)
    return { districts: 16, figuresPerDistrict: 2, comparisons: 4, gaps: 3, caveats: 5, names: 4 }
  return { districts: 14, figuresPerDistrict: 2, comparisons: 3, gaps: 3, caveats: 3, names: 4 }
}

/** FNV-1a, 32 bits: a short fingerprint of the data, not a security hash. */
function fnv1a(hash: number, text: string): number {
  let h = hash
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** What the data are: the latest year they cover, the latest report date, and a fingerprint of the figures in force. */
export interface DataVersion {
  /** Latest year any figure in force covers; null when there are none. */
  year: number | null
  /** Latest `published` of the reports the figures cite, as written ('' when none says). */
  published: string
  /** 8 hex digits that change whenever a figure in force changes (value, qualifier or what it counts). */
  fingerprint: string
  count: number
}

/** The data's date and version: the same figures give the same fingerprint, in any order of loading. */
export function dataVersion(
  byIndicator: ReadonlyMap<string, readonly Metric[]>,
  sources: Catalogue['sources'],
): DataVersion {
  let hash = 0x811c9dc5
  let year: number | null = null
  let count = 0
  const cited = new Set<string>()
  for (const id of [...byIndicator.keys()].sort()) {
    const rows = [...(byIndicator.get(id) ?? [])].map(
      (m) => `${m.district}|${m.indicator}|${m.period}|${m.value}|${m.qualifier}|${m.measure}|${m.basis}|${m.status}`,
    )
    for (const row of rows.sort()) hash = fnv1a(hash, `${row}\n`)
    for (const m of byIndicator.get(id) ?? []) {
      if (year === null || m.end > year) year = m.end
      cited.add(m.source)
      count++
    }
  }
  const published = sources
    .filter((s) => cited.has(s.id) && /^\d{4}/.test(s.published))
    .map((s) => s.published)
    .sort()
    .at(-1)
  return { year, published: published ?? '', fingerprint: hash.toString(16).padStart(8, '0'), count }
}

interface IndicatorFigures {
  indicator: Indicator
  name: string
  /** Each selected district's figure for the year, multi-year totals allowed (what it reported). */
  reported: FigureEntry[]
  /** The same under the cumulative filter (what may be compared). */
  compared: FigureEntry[]
  reportedCount: number
  rows: readonly Metric[]
}

function districtName(d: District | undefined, id: string, locale: Locale): string {
  return d ? (locale === 'en' ? d.nameEn : d.nameZh) : id
}

/** Names, the first few only when there are many: '上城区、拱墅区、西湖区等 8 个区'. */
function namesText(names: readonly string[], max: number, locale: Locale, labels: BriefLabels): string {
  const sep = locale === 'en' ? ', ' : '、'
  if (names.length <= max) return names.join(sep)
  return labels.namesEtc(names.slice(0, Math.max(1, max - 1)).join(sep), names.length)
}

function figureText(m: Metric, ind: IndicatorFigures, locale: Locale, labels: BriefLabels): string {
  const period = isCumulativeMetric(m) ? labels.cumulative(m.period.replace('-', '–')) : m.period
  const value = formatMetricValue(m, ind.indicator.unit, locale)
  return labels.figure(ind.name, value, isDerived(m) ? `${period} · ${labels.derived}` : period)
}

/** Splits a list at its limit and says how many were left out. */
function capped<T>(items: readonly T[], limit: number, more: (n: number) => string): { shown: T[]; more: string } {
  return { shown: items.slice(0, limit), more: items.length > limit ? more(items.length - limit) : '' }
}

/**
 * The one-page brief: a line per district with its most widely shared figures, the like-for-like comparisons with
 * the most districts (in buildTakeaway's words, over judgeSet's cohort only), what was not reported, and the caveats
 * in reason-text's words. Indicators reported by more of the selected districts come first everywhere.
 */
export function buildBrief(input: BriefInput): Brief {
  const { catalogue, labels, locale, year } = input
  const selected = catalogue.districts.filter((d) => input.districts.includes(d.id))
  const ids = selected.map((d) => d.id)
  const limits = input.limits ?? briefLimits(ids.length)
  const byId = new Map(catalogue.districts.map((d) => [d.id, d]))
  const name = (id: string): string => districtName(byId.get(id), id, locale)
  const reasons: ReasonContext = {
    labels: labels.reasons,
    districtName: name,
    bases: catalogue.bases,
    locale,
    period: (p) => p.replace('-', '–'),
  }

  const indicators: IndicatorFigures[] = []
  for (const indicator of catalogue.indicators) {
    const rows = input.byIndicator.get(indicator.id) ?? []
    if (rows.length === 0) continue
    const pick = (includeCumulative: boolean): FigureEntry[] =>
      selectFigures(rows, { year, includeCumulative, districts: ids, indicator: indicator.id })
    const reported = pick(true)
    const reportedCount = reported.filter((e) => e.metric).length
    if (reportedCount === 0) continue
    indicators.push({
      indicator,
      name: locale === 'en' ? indicator.nameEn : indicator.nameZh,
      reported,
      compared: input.cumulative ? reported : pick(false),
      reportedCount,
      rows,
    })
  }
  // Widely reported indicators first (stable: catalogue order among equals).
  indicators.sort((a, b) => b.reportedCount - a.reportedCount)

  const yearNumber = year === 'latest' ? null : year
  // Each district's figures, widely shared indicators first; the line shows the first few.
  const lines = selected.map((d, i) => {
    const all = indicators.flatMap((ind) => {
      const m = ind.reported[i]?.metric
      return m ? [{ ind, m }] : []
    })
    const cut = capped(all, limits.figuresPerDistrict, labels.more)
    const line: BriefDistrictLine = {
      district: d.id,
      name: name(d.id),
      color: d.color,
      figures: cut.shown.map(({ ind, m }) => ({
        indicator: ind.indicator.id,
        text: figureText(m, ind, locale, labels),
        key: metricKey(m),
        cumulative: isCumulativeMetric(m),
      })),
      more: cut.more,
      empty: all.length === 0 ? labels.noFigures(yearNumber) : '',
    }
    return { line, shown: cut.shown }
  })
  // With many districts, those that reported lead; the empty ones are named in the gaps anyway.
  const ordered =
    lines.length > limits.districts ? [...lines].sort((a, b) => Number(!!a.line.empty) - Number(!!b.line.empty)) : lines
  const shownLines = capped(ordered, limits.districts, labels.moreDistricts)
  const shownFigures = shownLines.shown.flatMap((l) => l.shown)

  // Like-for-like comparisons: judgeSet's largest cohort of single-year figures, two districts or more.
  const comparisons: BriefComparison[] = []
  for (const ind of indicators) {
    const verdict = judgeSet(ind.compared, catalogue.boundaries)
    const cohort = ind.compared.filter((e) => e.metric && verdict.ranked.includes(e.district))
    const first = cohort[0]?.metric
    if (cohort.length < 2 || !first || isCumulativeMetric(first)) continue
    comparisons.push({
      indicator: ind.indicator.id,
      among: cohort.length,
      text: buildTakeaway({
        entries: cohort,
        allMetrics: ind.rows,
        districtName: name,
        indicatorName: ind.name,
        unit: ind.indicator.unit,
        locale,
        year: first.start,
        boundaries: catalogue.boundaries,
        reasons,
      }),
    })
  }
  // Stable sort: more districts compared first, widely reported indicators first among equals.
  comparisons.sort((a, b) => b.among - a.among)
  const shownComparisons = capped(comparisons, limits.comparisons, labels.more)

  // Gaps: districts with nothing, then widely reported indicators some (otherwise reporting) districts lack.
  const gaps: string[] = []
  const emptyLines = lines.filter((l) => l.line.empty).map((l) => l.line)
  if (emptyLines.length > 0)
    gaps.push(
      labels.districtsWithout(
        namesText(
          emptyLines.map((l) => l.name),
          limits.names,
          locale,
          labels,
        ),
        yearNumber,
      ),
    )
  const emptyIds = new Set(emptyLines.map((l) => l.district))
  for (const ind of indicators) {
    if (ind.reportedCount < 2) continue
    const missing = ind.reported.filter((e) => !e.metric && !emptyIds.has(e.district)).map((e) => name(e.district))
    if (missing.length === 0) continue
    gaps.push(labels.notReported(ind.name, namesText(missing, limits.names, locale, labels), ind.reportedCount))
  }
  const shownGaps = capped(gaps, limits.gaps, labels.more)

  // Caveats about what the brief shows, in the reason wording every chart uses; a sentence is said once.
  const caveats: string[] = []
  const say = (text: string): void => {
    if (text !== '' && !caveats.includes(text)) caveats.push(text)
  }
  if (year === 'latest' && new Set(shownFigures.map((f) => f.m.period)).size > 1) say(labels.latestYearsDiffer)
  // Why districts left out of a comparison were left out, then totals, what lines set side by side, boundaries.
  // Years and spans are named with every figure; a boundary is said in its own words, once.
  const explain = (ind: IndicatorFigures, entries: readonly FigureEntry[]): void => {
    for (const r of judgeSet(entries, catalogue.boundaries).reasons)
      if (r.kind === 'boundary') say(boundaryText(r.change, reasons))
      else if (r.kind !== 'years' && r.kind !== 'span') say(labels.about(ind.name, describeReason(r, reasons)))
  }
  const shownIds = new Set(shownComparisons.shown.map((c) => c.indicator))
  for (const ind of indicators) if (shownIds.has(ind.indicator.id)) explain(ind, ind.compared)
  for (const { line, shown } of shownLines.shown) {
    const periods = [...new Set(shown.filter((f) => isCumulativeMetric(f.m)).map((f) => reasons.period(f.m.period)))]
    if (periods.length > 0) say(labels.multiYear(line.name, periods.join(locale === 'en' ? ', ' : '、')))
  }
  // An indicator in two or more lines is one readers set side by side.
  for (const ind of indicators) {
    const entries = ind.reported.filter((e) => e.metric && shownFigures.some((f) => f.m === e.metric))
    if (entries.length > 1) explain(ind, entries)
  }
  if (shownFigures.length > 0) {
    const span = {
      start: Math.min(...shownFigures.map((f) => f.m.start)),
      end: Math.max(...shownFigures.map((f) => f.m.end)),
    }
    for (const id of ids)
      for (const change of breaksBetween({ district: id, ...span }, { district: id, ...span }, catalogue.boundaries))
        say(boundaryText(change, reasons))
  }
  const shownCaveats = capped(caveats, limits.caveats, labels.more)

  const targets = briefTargets(input, ids, name, limits.comparisons)
  const version = dataVersion(input.byIndicator, catalogue.sources)
  const when = year === 'latest' ? labels.latest : labels.year(year)
  return {
    title: labels.title(when),
    scope: labels.scope(ids.length, input.cumulative),
    asOf: labels.asOf({
      year: version.year === null ? '—' : String(version.year),
      published: version.published,
      fingerprint: version.fingerprint,
      count: version.count,
    }),
    headings: labels.headings,
    districts: shownLines.shown.map((l) => l.line),
    moreDistricts: shownLines.more,
    comparisons: shownComparisons.shown,
    moreComparisons: shownComparisons.more,
    gaps: shownGaps.shown,
    moreGaps: shownGaps.more,
    caveats: shownCaveats.shown,
    moreCaveats: shownCaveats.more,
    none: labels.none,
    targets,
  }
}

/**
 * The targets of the selected districts for the year (or each district's latest target per indicator), district by
 * district in catalogue order, with progress's completion line: the rate where target and achievement count the same
 * thing, '未报送' where nothing is reported yet, never 0%.
 */
function briefTargets(
  input: BriefInput,
  ids: readonly string[],
  name: (id: string) => string,
  limit: number,
): Brief['targets'] {
  const wording = input.labels.targets
  if (!wording || !input.targets || input.targets.size === 0) return null
  const lines: Array<{ district: number; indicator: number; text: string }> = []
  input.catalogue.indicators.forEach((indicator, order) => {
    const all = input.targets?.get(indicator.id) ?? []
    const chosen = new Map<string, Metric>()
    for (const t of all) {
      if (!ids.includes(t.district) || isCumulativeMetric(t)) continue
      if (input.year !== 'latest' && t.start !== input.year) continue
      const held = chosen.get(t.district)
      if (!held || t.start > held.start) chosen.set(t.district, t)
    }
    const achieved = input.byIndicator.get(indicator.id) ?? []
    for (const [district, t] of chosen) {
      const c = completionFor([...achieved, ...all], district, t, input.catalogue.boundaries)
      if (!c) continue
      const indicatorName = input.locale === 'en' ? indicator.nameEn : indicator.nameZh
      lines.push({
        district: ids.indexOf(district),
        indicator: order,
        text: wording.line(
          name(district),
          indicatorName,
          progressLine(c, indicator.unit, input.locale, wording.progress),
        ),
      })
    }
  })
  if (lines.length === 0) return null
  lines.sort((a, b) => a.district - b.district || a.indicator - b.indicator)
  const cut = capped(
    lines.map((l) => l.text),
    limit,
    input.labels.more,
  )
  return { heading: wording.heading, lines: cut.shown, more: cut.more }
}
