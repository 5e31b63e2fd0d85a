// Import benchmark: a generated 1,000,000-row metrics CSV loaded through the import panel in headless Chromium, in two
// shapes: the 4 required columns, and all 8 columns with a quoted Chinese quote (about 150 MB, as the file of issue 14). Reports the longest
// main-thread block, the time until the charts are redrawn, the page's heap (peak while importing, and after a GC),
// and the longest block when the data table then shows the rows. Prints one JSON line; run.mjs can call benchImport().
import { build, preview } from 'vite'
import { launchChromium } from '../chromium.mjs'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000)
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d

// A quote as people paste it from a report: Chinese text, a comma and doubled quotes, so every row is quoted.
const QUOTE = '"全区工会累计开展职工培训，“""工力量""”惠及职工"'

/**
 * Writes `count` valid, distinct metric rows (every district and indicator over multi-year spans) to a temp file;
 * shape 'quoted8' adds qualifier, source, a quoted quote and a note to each.
 */
export function writeImportCsv(count, shape = 'plain4') {
  const districts = ['xiaoshan', 'xihu', 'qiantang', 'fuyang']
  const indicators = readFileSync('data/indicators.csv', 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0])
    .filter(Boolean)
  const quoted = shape === 'quoted8'
  const lines = [
    quoted ? 'district,indicator,period,value,qualifier,source,quote,note' : 'district,indicator,period,value',
  ]
  outer: for (let start = 1950; start < 2100; start++)
    for (let end = start + 1; end <= 2100; end++)
      for (const district of districts)
        for (const indicator of indicators) {
          if (lines.length > count) break outer
          const row = `${district},${indicator},${start}-${end},${(end - start) * 7}`
          lines.push(quoted ? `${row},approx,xiaoshan-2024,${QUOTE},bench ${lines.length}` : row)
        }
  if (lines.length <= count) throw new Error(`cannot make ${count} distinct rows`)
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'))
  const path = join(dir, `import-${count}-${shape}.csv`)
  writeFileSync(path, lines.join('\n') + '\n')
  return { path, dir }
}

/** The page's JS heap in MB, after a full GC when `gc` is set. */
async function heapMb(cdp, gc = false) {
  if (gc) await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return round(usedSize / 1e6)
}

/**
 * Imports the file through the UI; returns the longest main-thread task (longtask), the time to charts redrawn, the
 * heap, and the longest task while the data table then sorts and shows the rows.
 */
export async function benchImport(browser, url, rows = ROWS, shape = 'plain4') {
  const { path, dir } = writeImportCsv(rows, shape)
  const fileMb = round(readFileSync(path).byteLength / 1e6)
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  try {
    await ctx.addInitScript(() => {
      window.__longtasks = []
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration })
      }).observe({ type: 'longtask', buffered: true })
    })
    const page = await ctx.newPage()
    const cdp = await ctx.newCDPSession(page)
    await page.goto(url)
    await page.waitForSelector('[data-state="ready"]', { timeout: 60_000 })
    const heapBefore = await heapMb(cdp, true)
    await page.click('[data-action="import"]')
    await page.waitForSelector('[data-import-input]', { state: 'attached' })
    const t0 = await page.evaluate(() => performance.now())
    let heapPeak = heapBefore
    let sampling = true
    const sample = (async () => {
      while (sampling) {
        heapPeak = Math.max(heapPeak, await heapMb(cdp).catch(() => 0))
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    })()
    await page.setInputFiles('[data-import-input]', path)
    await page.waitForSelector('[data-import-result]', { timeout: 600_000 })
    // Ready again (every chart redrawn with the imported rows), checked on two frames in a row.
    const t1 = await page.evaluate(
      () =>
        new Promise((resolve) => {
          let streak = 0
          const tick = () => {
            streak = document.querySelector('.app')?.getAttribute('data-state') === 'ready' ? streak + 1 : 0
            if (streak >= 2) resolve(performance.now())
            else requestAnimationFrame(tick)
          }
          requestAnimationFrame(tick)
        }),
    )
    const outcome = await page.getAttribute('[data-import-result]', 'data-import-result')
    await page.waitForSelector('[data-storage="saving"]', { state: 'detached', timeout: 600_000 })
    const t2 = await page.evaluate(() => performance.now())
    sampling = false
    await sample
    const heapAfter = await heapMb(cdp, true)
    const tasks = await page.evaluate((from) => window.__longtasks.filter((t) => t.start >= from), t0)
    const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0)
    // The data table over all the rows: opened from the header, sorted and paged.
    await page.click('[data-action="close-import"]')
    const t3 = await page.evaluate(() => performance.now())
    await page.click('[data-view="table"]')
    await page.waitForSelector('[data-count]:not([data-pending])', { timeout: 600_000 })
    await page.waitForSelector('[data-state="ready"]', { timeout: 600_000 })
    const t4 = await page.evaluate(() => performance.now())
    const tableTasks = await page.evaluate((from) => window.__longtasks.filter((t) => t.start >= from), t3)
    const tableLongest = tableTasks.reduce((m, t) => Math.max(m, t.duration), 0)
    const tableCount = await page.textContent('[data-count]')
    return {
      outcome,
      rows,
      shape,
      fileMb,
      longestBlockMs: round(longest),
      totalMs: round(t1 - t0),
      savedMs: round(t2 - t0),
      longTasks: tasks.length,
      heapBeforeMb: heapBefore,
      heapPeakMb: heapPeak,
      heapAfterMb: heapAfter,
      tableLongestBlockMs: round(tableLongest),
      tableShownMs: round(t4 - t3),
      tableCount,
    }
  } finally {
    await ctx.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    console.log('Building the app…')
    await build({ logLevel: 'warn' })
  }
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' })
  const browser = await launchChromium()
  try {
    const shapes = (process.env.BENCH_IMPORT_SHAPES ?? 'plain4,quoted8').split(',')
    const results = {}
    for (const shape of shapes) {
      const r = await benchImport(browser, server.resolvedUrls.local[0], ROWS, shape)
      if (r.outcome !== 'accepted') throw new Error(`the generated ${shape} file was ${r.outcome}, not accepted`)
      console.log(
        `import of ${r.rows} rows (${shape}, ${r.fileMb} MB): longest block ${r.longestBlockMs} ms, charts redrawn after ${r.totalMs} ms, saved after ${r.savedMs} ms, ${r.longTasks} long tasks; heap ${r.heapBeforeMb} → peak ${r.heapPeakMb} → ${r.heapAfterMb} MB after GC; data table shown in ${r.tableShownMs} ms, longest block ${r.tableLongestBlockMs} ms (${r.tableCount})`,
      )
      results[shape] = r
    }
    console.log(JSON.stringify(results))
  } finally {
    await browser.close()
    await server.close()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
