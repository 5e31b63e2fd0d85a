import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { mkdirSync, readFileSync } from 'node:fs'
import Papa from 'papaparse'
import { strFromU8, unzipSync } from 'fflate'
import { gotoReady, launchBrowser, openPage, waitReady } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const INDICATORS = readFileSync('data/indicators.csv', 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => line.split(',')[0] ?? '')
  .filter((id) => id !== '')
const DISTRICTS = ['xiaoshan', 'xihu', 'qiantang', 'fuyang']

/** `count` valid, distinct rows over multi-year spans (no clash with the built-in figures). */
function bigCsv(count: number): Buffer {
  const rows: string[] = ['district,indicator,period,value']
  for (let start = 1950; rows.length <= count; start++)
    for (let end = start + 1; end <= 2100 && rows.length <= count; end++)
      for (const district of DISTRICTS)
        for (const indicator of INDICATORS)
          if (rows.length <= count) rows.push(`${district},${indicator},${start}-${end},${end - start}`)
  return Buffer.from(`${rows.join('\n')}\n`)
}

describe('data table with a large import', () => {
  it('shows 500 rows a page, says which ones of how many, and pages through all of them', async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page, 'view=table')
    const builtIn = Number((await page.locator('[data-chart="data-table"] tbody tr').count()).toString())
    expect(builtIn).toBeGreaterThan(0)
    expect(await page.textContent('[data-count]')).toMatch(new RegExp(`^第 1–${builtIn} 条，共 ${builtIn} 条$`))

    const rows = 120_000
    await page.click('[data-action="import"]')
    await page.setInputFiles('[data-import-input]', { name: 'big.csv', mimeType: 'text/csv', buffer: bigCsv(rows) })
    await page.waitForSelector('[data-import-result="accepted"]', { timeout: 60_000 })
    await page.waitForSelector('[data-storage="saving"]', { state: 'detached', timeout: 60_000 })
    await page.click('[data-action="close-import"]')
    await waitReady(page, 60_000)
    await page.waitForSelector('[data-count]:not([data-pending])')

    const total = rows + builtIn
    expect(await page.textContent('[data-count]')).toBe(`第 1–500 条，共 ${total} 条`)
    expect(await page.locator('[data-chart="data-table"] tbody tr').count()).toBe(500)
    const pages = Math.ceil(total / 500)
    expect(await page.textContent('[data-table-pages] [data-page]')).toBe(`第 1 / ${pages} 页`)

    await page.click('[data-action="table-next"]')
    expect(await page.textContent('[data-count]')).toBe(`第 501–1000 条，共 ${total} 条`)
    await page.click('[data-action="table-last"]')
    expect(await page.textContent('[data-count]')).toBe(`第 ${(pages - 1) * 500 + 1}–${total} 条，共 ${total} 条`)
    expect(await page.locator('[data-chart="data-table"] tbody tr').count()).toBe(total - (pages - 1) * 500)

    // Sorted by value, largest first, across the whole table: the first row holds the largest span of the import.
    await page.click('th:nth-child(5) button')
    const values = async (): Promise<number[]> =>
      (
        await page.$$eval('[data-chart="data-table"] tbody tr td[data-value]', (tds) =>
          tds.map((td) => td.getAttribute('data-value') ?? ''),
        )
      ).map(Number)
    const descending = (list: number[]): boolean => list.every((v, i) => i === 0 || (list[i - 1] ?? 0) >= v)
    await expect.poll(() => page.textContent('[data-count]')).toBe(`第 1–500 条，共 ${total} 条`)
    expect(descending(await values())).toBe(true)
    const firstPage = await values()
    await page.click('[data-action="table-last"]')
    const lastPage = await values()
    expect(descending(lastPage)).toBe(true)
    expect(Math.max(...lastPage)).toBeLessThanOrEqual(Math.min(...firstPage))

    // A filter says how many of all rows match, in English too.
    await page.goto(`${page.url()}&lang=en&districts=xihu`)
    await waitReady(page, 60_000)
    // The saved import may arrive after ready (a big one takes a while to read back): wait until it is counted.
    await expect
      .poll(() => page.textContent('[data-count]'), { timeout: 30_000 })
      .toMatch(new RegExp(`^Rows 1–500 of \\d+ \\(${total} in all\\)$`))
    await context.close()
  })
})

const METRICS = Papa.parse<Record<string, string>>(readFileSync('data/metrics.csv', 'utf8'), {
  header: true,
  skipEmptyLines: true,
}).data
const ROWS = '[data-chart="data-table"] tbody tr'
const keysShown = (page: import('playwright-core').Page): Promise<string[]> =>
  page.$$eval(ROWS, (trs) => trs.map((tr) => tr.getAttribute('data-metric') ?? ''))

describe('data table and the app filters', () => {
  it('lists the chosen year and districts only, keeps its sort and filters in the URL across reload and Back, and names them in its exports', async () => {
    const { page, context, errors } = await openPage(browser, { width: 1366, height: 768 })
    await gotoReady(page, 'view=table&year=2024&districts=xiaoshan,fuyang')
    // Exactly the single-year 2024 figures of the two districts (multi-year totals are off, as in the charts).
    const expected = METRICS.filter((m) => m.period === '2024' && ['xiaoshan', 'fuyang'].includes(m.district ?? ''))
    expect(expected.length).toBeGreaterThan(10)
    const shown = await keysShown(page)
    expect(shown.map((k) => k.split('|').slice(0, 3).join('|')).sort()).toEqual(
      expected.map((m) => `${m.district}|${m.indicator}|${m.period}`).sort(),
    )
    expect(await page.textContent('[data-table-scope]')).toContain('2024')

    // Values in 万/亿 as the charts write them, every digit on hover and for screen readers.
    const wan = page.locator(`${ROWS} td[data-value] button`, { hasText: '万' }).first()
    const exact = await wan.getAttribute('title')
    expect(exact).toMatch(/^[≥≈≤]?[\d,]+(\.\d+)?/)
    expect(await wan.locator('.visually-hidden').textContent()).toBe(exact)

    // Sort by value: a URL change, one history entry, values largest first.
    await page.click('th[data-column="value"] button')
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('value')
    const values = async (): Promise<number[]> =>
      (await page.$$eval(`${ROWS} td[data-value]`, (tds) => tds.map((td) => td.getAttribute('data-value') ?? ''))).map(
        Number,
      )
    await expect.poll(async () => (await values()).every((v, i, a) => i === 0 || (a[i - 1] ?? 0) >= v)).toBe(true)
    const sorted = await keysShown(page)

    // A table filter: the category, in the URL too.
    await page.selectOption('[data-filter="table-category"]', 'welfare')
    await expect.poll(() => new URL(page.url()).searchParams.get('tcategory')).toBe('welfare')
    await expect.poll(async () => (await keysShown(page)).length).toBeLessThan(sorted.length)
    const welfare = await keysShown(page)

    // Reload: the same rows in the same order, the same controls.
    await page.reload()
    await waitReady(page)
    expect(await keysShown(page)).toEqual(welfare)
    expect(await page.inputValue('[data-filter="table-category"]')).toBe('welfare')
    expect(await page.getAttribute('th[data-column="value"]', 'aria-sort')).toBe('descending')

    // Exports name their filters.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-table-xlsx"]')])
    expect(xlsx.suggestedFilename()).toBe('工会数据·服务保障_2024_萧山区-富阳区.xlsx')
    const files = unzipSync(new Uint8Array(readFileSync(await xlsx.path())))
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array)
    expect(sheet.match(/<row /g)?.length).toBe(welfare.length + 1)
    for (const heading of ['区县', '指标', '统计方式', '统计口径', '性质', '来源方式', '原文', '说明'])
      expect(sheet).toContain(heading)
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-table-csv"]')])
    expect(csv.suggestedFilename()).toBe('工会数据·服务保障_2024_萧山区-富阳区.csv')

    // Back undoes the category (one entry), then the sort.
    await page.goBack()
    await expect.poll(() => new URL(page.url()).searchParams.get('tcategory')).toBeNull()
    await expect.poll(() => keysShown(page)).toEqual(sorted)
    await page.goBack()
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBeNull()

    // Changing the app's year keeps the table's own state.
    await page.goForward()
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('value')
    await page.selectOption('[data-filter="year"]', '2023')
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2023')
    expect(new URL(page.url()).searchParams.get('sort')).toBe('value')
    await expect.poll(async () => (await keysShown(page)).every((k) => k.split('|')[2] === '2023')).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  it('lists a multi-year total for a year it spans only when totals are shown', async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page, 'view=table&year=2020&districts=xihu')
    const spans = (keys: string[]) => keys.filter((k) => /\|\d{4}-\d{4}\|/.test(k))
    expect(spans(await keysShown(page))).toEqual([])
    await gotoReady(page, 'view=table&year=2020&districts=xihu&cumulative=1')
    const expected = METRICS.filter((m) => {
      const [a, b] = (m.period ?? '').split('-').map(Number)
      return m.district === 'xihu' && b !== undefined && (a ?? 0) <= 2020 && 2020 <= b
    })
    expect(expected.length).toBeGreaterThan(0)
    expect(spans(await keysShown(page)).length).toBe(expected.length)
    expect(await page.textContent('[data-table-scope]')).toContain('累计')
    await context.close()
  })

  it('keeps every column readable at 1366 and 1920 px, in Chinese and English (screenshots)', async () => {
    mkdirSync('tests/artifacts', { recursive: true })
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      for (const lang of ['zh', 'en']) {
        const { page, context } = await openPage(browser, { width, height })
        await gotoReady(page, `view=table&year=2024${lang === 'en' ? '&lang=en' : ''}`)
        // No column narrower than about three characters: nothing wraps one character per line.
        const narrow = await page.$$eval('[data-chart="data-table"] thead th', (ths) =>
          ths
            .map((th) => ({ text: th.textContent ?? '', width: th.getBoundingClientRect().width }))
            .filter((c) => c.width < 3 * 16),
        )
        expect(narrow).toEqual([])
        // Cells holding more than a few characters are at least three characters wide.
        const squeezed = await page.$$eval(`${ROWS} td`, (tds) =>
          tds
            .filter((td) => (td.textContent ?? '').trim().length > 3 && td.getBoundingClientRect().width < 3 * 16)
            .map((td) => td.textContent),
        )
        expect(squeezed).toEqual([])
        await page.screenshot({ path: `tests/artifacts/tableprov-table-${width}-${lang}.png` })
        await context.close()
      }
    }
  })
})
