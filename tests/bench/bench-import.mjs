// Import benchmark: a generated 1,000,000-row metrics CSV loaded through the import panel in headless Chromium.
// Prints one JSON line {"import1m_longest_block_ms":…, "import1m_total_ms":…}; run.mjs can call benchImport().
import { build, preview } from 'vite'
import { launchChromium } from '../chromium.mjs'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000)
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d

/** Writes `count` valid, distinct metric rows (every district and indicator over multi-year spans) to a temp file. */
export function writeImportCsv(count) {
  const districts = ['xiaoshan', 'xihu', 'qiantang', 'fuyang']
  const indicators = readFileSync('data/indicators.csv', 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0])
    .filter(Boolean)
  const lines = ['district,indicator,period,value']
  outer: for (let start = 1950; start < 2100; start++)
    for (let end = start + 1; end <= 2100; end++)
      for (const district of districts)
        for (const indicator of indicators) {
          if (lines.length > count) break outer
          lines.push(`${district},${indicator},${start}-${end},${(end - start) * 7}`)
        }
  if (lines.length <= count) throw new Error(`cannot make ${count} distinct rows`)
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'))
  const path = join(dir, `import-${count}.csv`)
  writeFileSync(path, lines.join('\n') + '\n')
  return { path, dir }
}

/** Imports the file through the UI; returns the longest main-thread task (longtask) and the time to charts redrawn. */
export async function benchImport(browser, url, rows = ROWS) {
  const { path, dir } = writeImportCsv(rows)
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  try {
    await ctx.addInitScript(() => {
      window.__longtasks = []
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration })
      }).observe({ type: 'longtask', buffered: true })
    })
    const page = await ctx.newPage()
    await page.goto(url)
    await page.waitForSelector('[data-state="ready"]', { timeout: 60_000 })
    await page.click('[data-action="import"]')
    await page.waitForSelector('[data-import-input]', { state: 'attached' })
    const t0 = await page.evaluate(() => performance.now())
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
    const tasks = await page.evaluate((from) => window.__longtasks.filter((t) => t.start >= from), t0)
    const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0)
    return {
      outcome,
      rows,
      longestBlockMs: round(longest),
      totalMs: round(t1 - t0),
      savedMs: round(t2 - t0),
      longTasks: tasks.length,
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
    const r = await benchImport(browser, server.resolvedUrls.local[0])
    if (r.outcome !== 'accepted') throw new Error(`the generated file was ${r.outcome}, not accepted`)
    console.log(
      `import of ${r.rows} rows: longest block ${r.longestBlockMs} ms, charts redrawn after ${r.totalMs} ms, saved after ${r.savedMs} ms, ${r.longTasks} long tasks`,
    )
    console.log(JSON.stringify({ import1m_longest_block_ms: r.longestBlockMs, import1m_total_ms: r.totalMs }))
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
