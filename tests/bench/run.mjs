// Performance benchmark: prints figures and each target's status (never pass/fail) and writes tests/bench/results.json.
// Bundle sizes and time to data-state="ready" against two floor reference pages (the first screen's work with the
// least code, and one chart from an inline array), filter-change redraw time, heap after view switches, CSV
// parse/validate throughput, and with BENCH_LIGHTHOUSE=1 Lighthouse's mobile scores per view. Notes: docs/benchmark.md.
import { build, preview } from 'vite'
import { launchChromium } from '../chromium.mjs'
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync, brotliCompressSync, constants } from 'node:zlib'
import { execFileSync, spawn } from 'node:child_process'
import { benchImport } from './bench-import.mjs'

const LOADS = Number(process.env.BENCH_LOADS ?? 9)
const FILTER_CHANGES = Number(process.env.BENCH_FILTER_CHANGES ?? 24)
const VIEW_SWITCHES = 50
// Built apart from dist/ so a benchmark never races a test run or a developer's build.
const OUT = 'dist-bench'
/** The floor pages: `screen` does the first screen's work (the reference for the targets), `oneChart` the old one. */
const FLOORS = {
  screen: { dir: 'tests/bench/floor-screen', out: 'dist-floor-screen', data: true },
  oneChart: { dir: 'tests/bench/floor-one-chart', out: 'dist-floor', data: false },
}
const TARGETS = { initialJsGzipRatio: 1.25, readyRatio: 1.3, filterChangeMedianMs: 50, lighthousePerformance: 95 }
const LIGHTHOUSE = 'lighthouse@12.2.3' // 13 needs Node 22
// A run that has not finished by then is killed and reported (seen here under heavy load: Chromium idle, no report).
const LIGHTHOUSE_TIMEOUT_MS = Number(process.env.BENCH_LIGHTHOUSE_TIMEOUT_MS ?? 180_000)
const ONLY = process.env.BENCH_ONLY ?? '' // e.g. 'filter' to run one section while tuning

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const n = s.length
  return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN
}
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d

function sizes(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const initial = new Set([...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]))
  const out = { initial: { js: zero(), css: zero() }, lazy: { js: zero(), css: zero() }, files: [] }
  const assets = join(dir, 'assets')
  for (const f of readdirSync(assets)) {
    const ext = f.endsWith('.js') ? 'js' : f.endsWith('.css') ? 'css' : null
    if (!ext) continue
    const buf = readFileSync(join(assets, f))
    const s = {
      raw: buf.length,
      gzip: gzipSync(buf, { level: 9 }).length,
      brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    }
    const bucket = initial.has(`assets/${f}`) ? out.initial : out.lazy
    for (const k of ['raw', 'gzip', 'brotli']) bucket[ext][k] += s[k]
    out.files.push({ file: f, initial: initial.has(`assets/${f}`), ...s })
  }
  return out
}
function zero() {
  return { raw: 0, gzip: 0, brotli: 0 }
}

const READY_SIGNAL = 'bench:app-ready'
/** Marks a page sets on the way to app-ready (src/main.ts, src/App.vue; the floor sets only the first). */
const PHASES = ['phase:code', 'phase:data', 'phase:rendered']

/**
 * Navigation → the page's `app-ready` mark. The page reports the mark itself (a PerformanceObserver installed before
 * its scripts, logging to the console) instead of being polled with waitForSelector: Playwright's selector engine,
 * injected once the load event fires, costs the page some 20 ms of main thread, and would fall inside the app's
 * start-up (whose load event comes before ready) but after the floor's ready — an unfair tax on the app only.
 */
async function loadUntilReady(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await ctx.newPage()
  await page.addInitScript((signal) => {
    new PerformanceObserver((list, observer) => {
      const mark = list.getEntriesByName('app-ready')[0]
      if (!mark) return
      observer.disconnect()
      console.debug(signal, mark.startTime)
    }).observe({ type: 'mark' })
  }, READY_SIGNAL)
  let timer
  const ready = new Promise((resolve, reject) => {
    page.on('console', (msg) => {
      const [signal, time] = msg.text().split(' ')
      if (signal === READY_SIGNAL) resolve(Number(time))
    })
    timer = setTimeout(() => reject(new Error(`${url} did not reach app-ready within 30 s`)), 30_000)
  })
  await page.goto(url, { waitUntil: 'commit' })
  const t = await ready.finally(() => clearTimeout(timer))
  // The mark and the page's state agree: ready means data-state="ready" (never only a mark).
  const state = await page.getAttribute('.app', 'data-state')
  if (state !== 'ready') throw new Error(`${url}: app-ready marked while data-state is ${state}`)
  const phases = await page.evaluate(
    (names) => Object.fromEntries(names.map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? null])),
    PHASES,
  )
  // Which charts the page had drawn when it said ready, so the floor's work can be compared with the app's.
  const drawn = await page.$$eval('[data-chart]', (els) =>
    els.filter((el) => el.querySelector('canvas')).map((el) => el.getAttribute('data-chart')),
  )
  await ctx.close()
  return { t, phases, drawn }
}

const summary = (times) => ({
  median: round(median(times)),
  min: round(Math.min(...times)),
  max: round(Math.max(...times)),
  runs: times.map((t) => round(t)),
})

/** Median time of each phase mark over the loads that set it; null for a mark the page never sets. */
function phaseMedians(loads) {
  return Object.fromEntries(
    PHASES.map((name) => {
      const times = loads.map((l) => l.phases[name]).filter((x) => typeof x === 'number')
      return [name, times.length ? round(median(times)) : null]
    }),
  )
}

/** Time to ready of each page (name → URL), loaded in turn so machine noise hits all alike. */
async function timeToReady(browser, urls) {
  const loads = Object.fromEntries(Object.keys(urls).map((name) => [name, []]))
  for (let i = 0; i < LOADS; i++)
    for (const [name, url] of Object.entries(urls)) loads[name].push(await loadUntilReady(browser, url))
  return Object.fromEntries(
    Object.entries(loads).map(([name, list]) => [
      name,
      { ...summary(list.map((l) => l.t)), phases: phaseMedians(list), drawn: list.at(-1)?.drawn ?? [] },
    ]),
  )
}

/**
 * Lighthouse (mobile, its default) on each view: performance and accessibility scores. Optional (BENCH_LIGHTHOUSE=1):
 * it runs through npx and Debian's Chromium, and takes about 20 s a view.
 */
/** Runs one Lighthouse report; on timeout its whole process group (npx, Lighthouse, Chromium) is killed. */
function lighthouseRun(url) {
  const args = [
    '--yes',
    LIGHTHOUSE,
    url,
    '--only-categories=performance,accessibility',
    '--output=json',
    '--output-path=stdout',
    '--chrome-flags=--headless --no-sandbox --disable-gpu',
  ]
  const env = { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }
  return new Promise((resolve) => {
    const child = spawn('npx', args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => {
      stderr += `\nno report within ${LIGHTHOUSE_TIMEOUT_MS / 1000} s`
      process.kill(-child.pid, 'SIGKILL')
    }, LIGHTHOUSE_TIMEOUT_MS)
    child.on('close', () => {
      clearTimeout(timer)
      resolve({ stdout, stderr })
    })
  })
}

async function lighthouse(appUrl) {
  const views = {
    overview: '',
    category: '?view=category&category=welfare',
    indicator: '?view=indicator&indicator=unions_founded',
    district: '?view=district&district=xiaoshan',
    table: '?view=table',
  }
  const out = {}
  for (const [view, query] of Object.entries(views)) {
    const run = await lighthouseRun(appUrl + query)
    try {
      const report = JSON.parse(run.stdout)
      const score = (c) => Math.round((report.categories[c]?.score ?? NaN) * 100)
      const audit = (id) => report.audits[id]?.displayValue ?? ''
      out[view] = {
        performance: score('performance'),
        accessibility: score('accessibility'),
        LCP: audit('largest-contentful-paint'),
        TBT: audit('total-blocking-time'),
        failedA11y: Object.values(report.audits)
          .filter((a) => a.score === 0 && report.categories.accessibility.auditRefs.some((r) => r.id === a.id))
          .map((a) => a.id)
          .join(' '),
      }
    } catch {
      const lines = run.stderr.trim().split('\n')
      out[view] = { error: lines.slice(-2).join(' / ').replace(/\s+/g, ' ').slice(0, 200) }
    }
  }
  return out
}

/** 'met' or 'missed' for a value against an upper (or, with atLeast, lower) bound. */
const status = (value, bound, atLeast = false) =>
  !Number.isFinite(value) ? 'not measured' : (atLeast ? value >= bound : value <= bound) ? 'met' : 'missed'

async function filterChanges(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await ctx.newPage()
  await page.goto(url)
  await page.waitForSelector('[data-state="ready"]')
  const years = await page.$$eval('[data-filter="year"] option', (os) => os.map((o) => o.value))
  const cycle = years.length > 1 ? years : ['latest']
  const times = []
  for (let i = 0; i < FILTER_CHANGES; i++) {
    const value = cycle[(i + 1) % cycle.length]
    const ms = await page.evaluate(async (v) => {
      performance.clearMarks('filter-change')
      performance.clearMarks('charts-drawn')
      const drawn = new Promise((resolve) => {
        const obs = new PerformanceObserver((list) => {
          if (list.getEntriesByName('charts-drawn').length) {
            obs.disconnect()
            resolve()
          }
        })
        obs.observe({ entryTypes: ['mark'] })
      })
      const sel = document.querySelector('[data-filter="year"]')
      sel.value = v
      sel.dispatchEvent(new Event('change'))
      await Promise.race([drawn, new Promise((r) => setTimeout(r, 5000))])
      const a = performance.getEntriesByName('filter-change')[0]?.startTime
      const b = performance.getEntriesByName('charts-drawn').at(-1)?.startTime
      return a !== undefined && b !== undefined ? b - a : NaN
    }, value)
    times.push(ms)
  }
  await ctx.close()
  const ok = times.filter((t) => Number.isFinite(t))
  return { median: round(median(ok)), min: round(Math.min(...ok)), max: round(Math.max(...ok)), changes: ok.length }
}

async function heapAfterSwitches(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await ctx.newPage()
  const cdp = await ctx.newCDPSession(page)
  await page.goto(url)
  await page.waitForSelector('[data-state="ready"]')
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    return usedSize
  }
  const views = ['category', 'indicator', 'district', 'table', 'overview']
  // one warm-up round so lazily loaded view chunks are not counted as growth
  for (const v of views) {
    await page.click(`[data-view="${v}"]`)
    await page.waitForSelector(`main[data-view="${v}"]`)
    await page.waitForSelector('[data-state="ready"]')
  }
  const before = await heap()
  for (let i = 0; i < VIEW_SWITCHES; i++) {
    const v = views[i % views.length]
    await page.click(`[data-view="${v}"]`)
    await page.waitForSelector(`main[data-view="${v}"]`)
    await page.waitForSelector('[data-state="ready"]')
  }
  const after = await heap()
  const charts = await page.evaluate(() => document.querySelectorAll('[data-chart]').length)
  await ctx.close()
  return {
    beforeMB: round(before / 2 ** 20, 2),
    afterMB: round(after / 2 ** 20, 2),
    growthMB: round((after - before) / 2 ** 20, 2),
    switches: VIEW_SWITCHES,
    chartsOnPage: charts,
  }
}

function parseThroughput() {
  try {
    const out = execFileSync('npx', ['tsx', 'tests/bench/bench-parse.ts'], { encoding: 'utf8', maxBuffer: 1 << 24 })
    const line = out
      .trim()
      .split('\n')
      .reverse()
      .find((l) => l.startsWith('{'))
    return line ? JSON.parse(line) : null
  } catch (e) {
    return { error: String(e.message ?? e).slice(0, 200) }
  }
}

async function main() {
  console.log('Building the app and the two floor references…')
  await build({ logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true } })
  for (const floor of Object.values(FLOORS)) {
    await build({
      root: floor.dir,
      configFile: false,
      base: './',
      logLevel: 'warn',
      build: { outDir: join(process.cwd(), floor.out), emptyOutDir: true, target: 'es2022' },
    })
    // The first-screen floor fetches the same data/*.csv as the app, from beside its page.
    if (floor.data)
      cpSync('data', join(floor.out, 'data'), {
        recursive: true,
        filter: (f) => !f.includes('.') || f.endsWith('.csv'),
      })
  }
  const app = sizes(OUT)
  const floorScreen = sizes(FLOORS.screen.out)
  const floorOneChart = sizes(FLOORS.oneChart.out)

  const serve = (outDir, configFile) =>
    preview({
      ...(configFile === false ? { configFile } : {}),
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1' },
      logLevel: 'warn',
    })
  const servers = [await serve(OUT), await serve(FLOORS.screen.out, false), await serve(FLOORS.oneChart.out, false)]
  const [appUrl, floorScreenUrl, floorOneChartUrl] = servers.map((s) => s.resolvedUrls.local[0])
  const browser = await launchChromium()
  let ready, filter, heap, importBig, scores
  try {
    const want = (name) => !ONLY || ONLY === name
    if (want('ready'))
      ready = await timeToReady(browser, { floorScreen: floorScreenUrl, floorOneChart: floorOneChartUrl, app: appUrl })
    if (want('filter')) filter = await filterChanges(browser, appUrl)
    if (want('heap')) heap = await heapAfterSwitches(browser, appUrl)
    if (want('import'))
      importBig = await benchImport(browser, appUrl, Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000))
    if (process.env.BENCH_LIGHTHOUSE === '1' || ONLY === 'lighthouse') scores = await lighthouse(appUrl)
  } finally {
    await browser.close()
    for (const server of servers) await server.close()
  }
  if (ONLY) {
    console.log(JSON.stringify({ ready, filter, heap, importBig, scores }, null, 2))
    return
  }
  const { app: readyApp, floorScreen: readyFloor, floorOneChart: readyOneChart } = ready
  const parse = parseThroughput()

  const results = {
    date: new Date().toISOString(),
    machine: { cores: (await import('node:os')).cpus().length, node: process.version },
    bundle: {
      app: { initial: app.initial, lazy: app.lazy },
      floor: { initial: floorScreen.initial },
      floorOneChart: { initial: floorOneChart.initial },
      initialJsGzipRatio: round(app.initial.js.gzip / floorScreen.initial.js.gzip, 3),
      initialJsGzipRatioOneChart: round(app.initial.js.gzip / floorOneChart.initial.js.gzip, 3),
    },
    readyMs: {
      app: readyApp,
      floor: readyFloor,
      floorOneChart: readyOneChart,
      ratio: round(readyApp.median / readyFloor.median, 3),
      ratioOneChart: round(readyApp.median / readyOneChart.median, 3),
    },
    filterChangeMs: filter,
    heapAfterViewSwitches: heap,
    parse,
    import1m: importBig,
    lighthouse: scores ?? null,
    targets: TARGETS,
  }
  writeFileSync('tests/bench/results.json', JSON.stringify(results, null, 2) + '\n')

  const kb = (b) => `${round(b / 1024, 1)} KiB`
  console.log('\nBundle (bytes raw / gzip / brotli)')
  console.table({
    'app initial JS': fmt(app.initial.js),
    'app initial CSS': fmt(app.initial.css),
    'app lazy JS': fmt(app.lazy.js),
    'app lazy CSS': fmt(app.lazy.css),
    'floor (first screen) initial JS': fmt(floorScreen.initial.js),
    'floor (one chart) initial JS': fmt(floorOneChart.initial.js),
  })
  function fmt(s) {
    return { raw: kb(s.raw), gzip: kb(s.gzip), brotli: kb(s.brotli) }
  }
  const timing = ({ median, min, max }) => ({ median, min, max })
  console.log('\nTimings (ms)')
  console.table({
    'ready: app': timing(readyApp),
    'ready: floor (first screen)': timing(readyFloor),
    'ready: floor (one chart)': timing(readyOneChart),
    'filter change → charts drawn': filter,
  })
  console.log('\nCharts drawn at ready')
  console.table({
    app: readyApp.drawn.join(' '),
    'floor (first screen)': readyFloor.drawn.join(' '),
    'floor (one chart)': readyOneChart.drawn.join(' ') || '(one unnamed chart)',
  })
  // Where the time to ready goes: medians of each page's own marks, ms from navigation.
  console.log('\nOn the way to ready (median ms from navigation)')
  const phase = (name) => ({
    app: readyApp.phases[name],
    'floor (first screen)': readyFloor.phases[name],
    'floor (one chart)': readyOneChart.phases[name] ?? '—',
  })
  console.table({
    'code evaluated (phase:code)': phase('phase:code'),
    'data loaded and checked (phase:data)': phase('phase:data'),
    'view rendered, charts not yet drawn (phase:rendered)': phase('phase:rendered'),
    'charts in view drawn (app-ready)': {
      app: readyApp.median,
      'floor (first screen)': readyFloor.median,
      'floor (one chart)': readyOneChart.median,
    },
  })
  console.log('\nHeap after view switches', heap)
  if (parse) console.log('\nParse/validate throughput (Node, decode + parse + validate)', parse)
  console.log('\nImport of a 1,000,000-row CSV through the UI (ms)', importBig)
  if (scores) {
    console.log(`\nLighthouse (${LIGHTHOUSE}, mobile; under this machine's load)`)
    console.table(scores)
  }
  const b = results.bundle
  const r = results.readyMs
  console.log('\nTargets (against the first-screen floor; the one-chart floor for reference)')
  const lhViews = scores ? Object.entries(scores).filter(([, v]) => Number.isFinite(v.performance)) : []
  const lowest = (key) => (lhViews.length ? Math.min(...lhViews.map(([, v]) => v[key])) : NaN)
  console.table({
    'initial JS gzip / floor': {
      value: b.initialJsGzipRatio,
      'vs one-chart floor': b.initialJsGzipRatioOneChart,
      target: `≤ ${TARGETS.initialJsGzipRatio}`,
      status: status(b.initialJsGzipRatio, TARGETS.initialJsGzipRatio),
    },
    'navigation → ready, median / floor': {
      value: r.ratio,
      'vs one-chart floor': r.ratioOneChart,
      target: `≤ ${TARGETS.readyRatio}`,
      status: status(r.ratio, TARGETS.readyRatio),
    },
    'filter change → redrawn, median ms': {
      value: filter.median,
      'vs one-chart floor': '—',
      target: `≤ ${TARGETS.filterChangeMedianMs}`,
      status: status(filter.median, TARGETS.filterChangeMedianMs),
    },
    'Lighthouse mobile performance, lowest view': {
      value: lowest('performance'),
      'vs one-chart floor': '—',
      target: `≥ ${TARGETS.lighthousePerformance}`,
      status: scores
        ? status(lowest('performance'), TARGETS.lighthousePerformance, true)
        : 'not run (BENCH_LIGHTHOUSE=1)',
    },
    'Lighthouse accessibility, lowest view': {
      value: lowest('accessibility'),
      'vs one-chart floor': '—',
      target: '= 100',
      status: scores ? status(lowest('accessibility'), 100, true) : 'not run (BENCH_LIGHTHOUSE=1)',
    },
    '1M-row import: longest main-thread block (ms)': {
      value: importBig.longestBlockMs,
      'vs one-chart floor': '—',
      target: '—',
      status: '—',
    },
  })
  console.log(
    '\nJSON:',
    JSON.stringify({
      initialJsGzipRatio: results.bundle.initialJsGzipRatio,
      initialJsGzipRatioOneChart: results.bundle.initialJsGzipRatioOneChart,
      readyRatio: results.readyMs.ratio,
      readyRatioOneChart: results.readyMs.ratioOneChart,
      filterChangeMedianMs: filter.median,
      heapGrowthMB: heap.growthMB,
      import1mLongestBlockMs: importBig.longestBlockMs,
      import1mTotalMs: importBig.totalMs,
      ...parse,
    }),
  )
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
