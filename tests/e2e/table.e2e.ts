import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { readFileSync } from 'node:fs'
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
      (await page.locator('[data-chart="data-table"] tbody tr td:nth-child(5)').allTextContents()).map((v) =>
        Number(v.replace(/[^\d.]/g, '')),
      )
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
