// Performance benchmark: prints figures (never pass/fail) and writes tests/bench/results.json.
// Bundle sizes, time to data-state="ready" against a floor reference page, filter-change redraw time,
// heap after view switches, and CSV parse/validate throughput.
import { build, preview } from 'vite'
import { launchChromium } from '../chromium.mjs'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync, brotliCompressSync, constants } from 'node:zlib'
import { execFileSync } from 'node:child_process'
import { benchImport } from './bench-import.mjs'

const LOADS = Number(process.env.BENCH_LOADS ?? 9)
const FILTER_CHANGES = Number(process.env.BENCH_FILTER_CHANGES ?? 24)
const VIEW_SWITCHES = 50
// Built apart from dist/ so a benchmark never races a test run or a developer's build.
const OUT = 'dist-bench'
const FLOOR_OUT = 'dist-floor'
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
  await ctx.close()
  return { t, phases }
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

/** Time to ready of the floor and the app, loaded alternately so machine noise hits both alike. */
async function timeToReady(browser, floorUrl, appUrl) {
  const floor = []
  const app = []
  for (let i = 0; i < LOADS; i++) {
    floor.push(await loadUntilReady(browser, floorUrl))
    app.push(await loadUntilReady(browser, appUrl))
  }
  return {
    floor: { ...summary(floor.map((l) => l.t)), phases: phaseMedians(floor) },
    app: { ...summary(app.map((l) => l.t)), phases: phaseMedians(app) },
  }
}

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
  console.log('Building the app and the floor reference…')
  await build({ logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true } })
  await build({
    root: 'tests/bench/floor',
    configFile: false,
    base: './',
    logLevel: 'warn',
    build: { outDir: '../../../dist-floor', emptyOutDir: true, target: 'es2022' },
  })
  const app = sizes(OUT)
  const floor = sizes(FLOOR_OUT)

  const appServer = await preview({ build: { outDir: OUT }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' })
  const floorServer = await preview({
    configFile: false,
    build: { outDir: 'dist-floor' },
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
  })
  const appUrl = appServer.resolvedUrls.local[0]
  const floorUrl = floorServer.resolvedUrls.local[0]
  const browser = await launchChromium()
  let readyApp, readyFloor, filter, heap, importBig
  try {
    const want = (name) => !ONLY || ONLY === name
    if (want('ready')) ({ floor: readyFloor, app: readyApp } = await timeToReady(browser, floorUrl, appUrl))
    if (want('filter')) filter = await filterChanges(browser, appUrl)
    if (want('heap')) heap = await heapAfterSwitches(browser, appUrl)
    if (want('import'))
      importBig = await benchImport(browser, appUrl, Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000))
  } finally {
    await browser.close()
    await appServer.close()
    await floorServer.close()
  }
  if (ONLY) {
    console.log(JSON.stringify({ readyApp, readyFloor, filter, heap, importBig }, null, 2))
    return
  }
  const parse = parseThroughput()

  const results = {
    date: new Date().toISOString(),
    machine: { cores: (await import('node:os')).cpus().length, node: process.version },
    bundle: {
      app: { initial: app.initial, lazy: app.lazy },
      floor: { initial: floor.initial },
      initialJsGzipRatio: round(app.initial.js.gzip / floor.initial.js.gzip, 3),
    },
    readyMs: { app: readyApp, floor: readyFloor, ratio: round(readyApp.median / readyFloor.median, 3) },
    filterChangeMs: filter,
    heapAfterViewSwitches: heap,
    parse,
    import1m: importBig,
    targets: { initialJsGzipRatio: 1.25, readyRatio: 1.3, filterChangeMedianMs: 50 },
  }
  writeFileSync('tests/bench/results.json', JSON.stringify(results, null, 2) + '\n')

  const kb = (b) => `${round(b / 1024, 1)} KiB`
  console.log('\nBundle (bytes raw / gzip / brotli)')
  console.table({
    'app initial JS': fmt(app.initial.js),
    'app initial CSS': fmt(app.initial.css),
    'app lazy JS': fmt(app.lazy.js),
    'app lazy CSS': fmt(app.lazy.css),
    'floor initial JS': fmt(floor.initial.js),
  })
  function fmt(s) {
    return { raw: kb(s.raw), gzip: kb(s.gzip), brotli: kb(s.brotli) }
  }
  const withoutPhases = ({ phases: _phases, ...rest }) => rest
  console.log('\nTimings (ms)')
  console.table({
    'ready: app': withoutPhases(readyApp),
    'ready: floor': withoutPhases(readyFloor),
    'filter change → charts drawn': filter,
  })
  // Where the time to ready goes: medians of each page's own marks, ms from navigation.
  console.log('\nOn the way to ready (median ms from navigation)')
  console.table({
    'code evaluated (phase:code)': { app: readyApp.phases['phase:code'], floor: readyFloor.phases['phase:code'] },
    'data loaded and checked (phase:data)': { app: readyApp.phases['phase:data'], floor: '—' },
    'view rendered, charts not yet drawn (phase:rendered)': { app: readyApp.phases['phase:rendered'], floor: '—' },
    'charts in view drawn (app-ready)': { app: readyApp.median, floor: readyFloor.median },
  })
  console.log('\nHeap after view switches', heap)
  if (parse) console.log('\nParse/validate throughput (Node, decode + parse + validate)', parse)
  console.log('\nImport of a 1,000,000-row CSV through the UI (ms)', importBig)
  console.log('\nRatios vs targets')
  console.table({
    'initial JS gzip / floor': { value: results.bundle.initialJsGzipRatio, target: '≤ 1.25' },
    'ready median / floor': { value: results.readyMs.ratio, target: '≤ 1.3' },
    'filter change median (ms)': { value: filter.median, target: '≤ 50' },
    '1M-row import: longest main-thread block (ms)': { value: importBig.longestBlockMs, target: '—' },
  })
  console.log(
    '\nJSON:',
    JSON.stringify({
      initialJsGzipRatio: results.bundle.initialJsGzipRatio,
      readyRatio: results.readyMs.ratio,
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
