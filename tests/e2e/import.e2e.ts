import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import {
  gotoReady,
  launchBrowser,
  openPage,
  saveScreenshot,
  waitReady,
  waitSavedImports,
  type WatchedPage,
} from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const fixture = (name: string): Buffer => readFileSync(`tests/fixtures/csv/${name}`)
const headline = (district: string, indicator: string) =>
  `.headlines [data-district="${district}"] [data-indicator="${indicator}"] dd`

/** A fresh context (so a fresh IndexedDB) that also records CSP violations reported to the page. */
async function openWatched(opts: { width?: number; height?: number } = {}): Promise<WatchedPage> {
  const watched = await openPage(browser, opts)
  await watched.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    )
  })
  return watched
}

async function openImportPanel(page: Page): Promise<void> {
  if ((await page.locator('#dataset-panel').count()) === 0) await page.click('[data-action="import"]')
  await page.waitForSelector('#dataset-panel')
}

/** Picks a file through the panel's file input and waits for the outcome (and any redraw and save). */
async function importFile(page: Page, name: string, buffer: Buffer): Promise<string> {
  await openImportPanel(page)
  await page.setInputFiles('[data-import-input]', { name, mimeType: 'text/csv', buffer })
  const result = await page.waitForSelector('[data-import-result]', { timeout: 30_000 })
  await page.waitForSelector('[data-storage="saving"]', { state: 'detached' })
  await waitReady(page)
  return (await result.getAttribute('data-import-result')) ?? ''
}

const INDICATORS = readFileSync('data/indicators.csv', 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => line.split(',')[0] ?? '')
  .filter((id) => id !== '')
const DISTRICTS = ['xiaoshan', 'xihu', 'qiantang', 'fuyang']

/** `count` valid, distinct metric rows: every district and indicator over multi-year spans (no built-in clash). */
function validRows(count: number): string[] {
  const rows: string[] = []
  for (let start = 1950; start < 2100; start++)
    for (let end = start + 1; end <= 2100; end++)
      for (const district of DISTRICTS)
        for (const indicator of INDICATORS) {
          if (rows.length === count) return rows
          rows.push(`${district},${indicator},${start}-${end},${end - start}`)
        }
  throw new Error(`cannot make ${count} distinct rows`)
}

async function headlineTexts(page: Page): Promise<string[]> {
  return page.locator('.headlines dd').allTextContents()
}

describe('CSV import', () => {
  it('imports a valid file: the headline changes, the panel reports rows and encoding, and a reload keeps it', async () => {
    const { page, context, errors } = await openWatched()
    await gotoReady(page)
    // Before the import Xihu's headline is its five-year total, marked as one (never 无数据 when it reported one).
    expect(await page.textContent(headline('xihu', 'unions_founded'))).toMatch(/931.*2018–2022 五年累计/)
    expect(await importFile(page, 'e2e-valid-xihu.csv', fixture('e2e-valid-xihu.csv'))).toBe('accepted')
    await expect.poll(() => page.textContent(headline('xihu', 'unions_founded'))).toContain('777')
    expect(await page.textContent('[data-import-result="accepted"] [data-field="rows"]')).toBe('1')
    expect(await page.textContent('[data-import-result="accepted"] [data-field="encoding"]')).toBe('UTF-8')
    expect(await page.textContent('[data-section="imports"]')).toContain('e2e-valid-xihu')
    expect(await page.locator('[data-section="conflicts"]').count()).toBe(0)

    await page.reload()
    await waitSavedImports(page)
    expect(await page.textContent(headline('xihu', 'unions_founded'))).toContain('777')
    expect(await page.textContent('[data-panel="import-strip"]')).toContain('1')
    expect(errors).toEqual([])
    await context.close()
  })

  it('rejects a broken file: the alert names line 3 and the charts and earlier imports stay as they were', async () => {
    const { page, context, errors } = await openWatched()
    await gotoReady(page)
    await importFile(page, 'e2e-conflict-xiaoshan.csv', fixture('e2e-conflict-xiaoshan.csv'))
    const before = await headlineTexts(page)
    const chartBefore = await page.textContent('[data-chart="comparison-unions_founded"] [data-takeaway]')

    expect(await importFile(page, 'e2e-broken-line3.csv', fixture('e2e-broken-line3.csv'))).toBe('rejected')
    const alert = page.locator('[role="alert"][data-import-result="rejected"]')
    const text = (await alert.textContent()) ?? ''
    expect(text).toContain('第 3 行')
    expect(text).toContain('value 列')
    expect(text).toContain('12万')
    expect(await alert.locator('li[data-line="3"]').count()).toBe(1)
    expect(await headlineTexts(page)).toEqual(before)
    expect(await page.textContent(headline('xihu', 'unions_founded'))).not.toContain('777')
    expect(await page.textContent('[data-chart="comparison-unions_founded"] [data-takeaway]')).toBe(chartBefore)
    expect(await page.locator('[data-section="imports"] tbody tr').count()).toBe(1)
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows errors in English in the English UI and counts those beyond the first 100', async () => {
    const { page, context, errors } = await openWatched()
    await gotoReady(page, 'lang=en')
    const rows = Array.from({ length: 150 }, (_, i) => `xihu,unions_founded,${1950 + i},lots`)
    const csv = Buffer.from(`district,indicator,period,value\n${rows.join('\n')}\n`)
    expect(await importFile(page, 'many-errors.csv', csv)).toBe('rejected')
    const alert = page.locator('[role="alert"][data-import-result="rejected"]')
    expect(await alert.textContent()).toContain('line 2')
    expect(await alert.textContent()).toContain('is not a plain number')
    expect(await alert.locator('li[data-line]').count()).toBe(100)
    expect(await alert.locator('[data-more]').textContent()).toContain('and 50 more')
    expect(errors).toEqual([])
    await context.close()
  })

  it('reads a GB18030 file with Chinese district names and says which encoding it used', async () => {
    const { page, context, errors } = await openWatched()
    await gotoReady(page)
    const result = await importFile(
      page,
      'e2e-gb18030-chinese-districts.csv',
      fixture('e2e-gb18030-chinese-districts.csv'),
    )
    expect(result).toBe('accepted')
    expect(await page.textContent('[data-import-result="accepted"] [data-field="encoding"]')).toBe('GB18030')
    expect(await page.textContent('[data-import-result="accepted"] [data-field="rows"]')).toBe('2')
    await expect.poll(() => page.textContent(headline('xiaoshan', 'unions_founded'))).toContain('460')
    expect(await page.textContent(headline('fuyang', 'unions_founded'))).toContain('650')
    expect(await page.textContent('[data-section="imports"]')).toContain('GB18030')
    expect(errors).toEqual([])
    await context.close()
  })

  it('lists a conflict with a built-in figure, and hiding or removing the import restores the built-in value', async () => {
    const { page, context, errors } = await openWatched()
    await gotoReady(page)
    await expect.poll(() => page.textContent(headline('xiaoshan', 'unions_founded'))).toContain('442')
    await importFile(page, 'e2e-conflict-xiaoshan.csv', fixture('e2e-conflict-xiaoshan.csv'))
    await expect.poll(() => page.textContent(headline('xiaoshan', 'unions_founded'))).toContain('500')
    const conflict = page.locator('[data-conflict="xiaoshan|unions_founded|2024"]')
    const text = (await conflict.textContent()) ?? ''
    expect(text).toContain('萧山区')
    expect(text).toContain('新建基层工会')
    expect(text).toContain('2024')
    expect(text).toMatch(/442[\s\S]*→[\s\S]*500/)
    expect(await conflict.locator('[data-dataset="builtin"]').textContent()).toContain('442')

    const row = page.locator('[data-section="imports"] tbody tr')
    await row.locator('[data-action="toggle-hidden"]').click()
    await waitReady(page)
    await expect.poll(() => page.textContent(headline('xiaoshan', 'unions_founded'))).toContain('442')
    expect(await page.locator('[data-section="conflicts"]').count()).toBe(0)
    expect(await row.getAttribute('data-hidden')).toBe('true')

    await row.locator('[data-action="toggle-hidden"]').click()
    await waitReady(page)
    await expect.poll(() => page.textContent(headline('xiaoshan', 'unions_founded'))).toContain('500')

    await row.locator('[data-action="remove"]').click()
    await waitReady(page)
    await expect.poll(() => page.textContent(headline('xiaoshan', 'unions_founded'))).toContain('442')
    expect(await page.locator('[data-section="imports"] tbody tr').count()).toBe(0)
    await page.reload()
    await waitSavedImports(page)
    expect(await page.textContent(headline('xiaoshan', 'unions_founded'))).toContain('442')
    expect(await page.locator('[data-panel="import-strip"]').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it('imports a file dropped anywhere on the page, showing the drop overlay while dragging', async () => {
    const { page, context, errors } = await openWatched()
    await gotoReady(page)
    const text = readFileSync('tests/fixtures/csv/e2e-valid-xihu.csv', 'utf8')
    await page.evaluate((csv) => {
      const data = new DataTransfer()
      data.items.add(new File([csv], 'dropped.csv', { type: 'text/csv' }))
      ;(window as unknown as { __drop: DataTransfer }).__drop = data
      document.querySelector('main')?.dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: data }))
    }, text)
    await page.waitForSelector('[data-overlay="import-drop"]')
    await page.evaluate(() => {
      const data = (window as unknown as { __drop: DataTransfer }).__drop
      document
        .querySelector('main')
        ?.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }))
    })
    await page.waitForSelector('[data-overlay="import-drop"]', { state: 'detached' })
    await page.waitForSelector('[data-import-result="accepted"]')
    await waitReady(page)
    await expect.poll(() => page.textContent(headline('xihu', 'unions_founded'))).toContain('777')
    expect(await page.textContent('[data-section="imports"]')).toContain('dropped')
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows progress for a large file and cancelling leaves the dashboard unchanged', async () => {
    const { page, context, errors } = await openWatched()
    await gotoReady(page)
    const before = await headlineTexts(page)
    const lines = ['district,indicator,period,value', ...validRows(400_000)]
    await openImportPanel(page)
    await page.setInputFiles('[data-import-input]', {
      name: 'large.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n')),
    })
    await page.waitForSelector('[data-import-job] progress')
    await page.click('[data-action="cancel-import"]')
    await page.waitForSelector('[data-import-result="cancelled"]')
    await waitReady(page)
    expect(await headlineTexts(page)).toEqual(before)
    expect(await page.locator('[data-section="imports"] tbody tr').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it('says so when the browser cannot keep imports, and still imports for the session', async () => {
    const { page, context, errors } = await openWatched()
    await context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }))
    await gotoReady(page)
    await importFile(page, 'e2e-valid-xihu.csv', fixture('e2e-valid-xihu.csv'))
    await expect.poll(() => page.textContent(headline('xihu', 'unions_founded'))).toContain('777')
    expect(await page.textContent('[data-storage="unavailable"]')).toContain('无法保存')
    expect(errors).toEqual([])
    await context.close()
  })

  it('offers the template and catalogues as Excel-ready CSV downloads', async () => {
    const { page, context, errors } = await openWatched()
    await gotoReady(page)
    await openImportPanel(page)
    const read = async (what: string): Promise<string> => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-download="${what}"]`)])
      const path = await download.path()
      return readFileSync(path, 'utf8')
    }
    const template = await read('template')
    expect(
      template.startsWith(
        '\uFEFFdistrict,indicator,period,value,qualifier,source,quote,note,measure,basis,status,method,note_en,place\r\n',
      ),
    ).toBe(true)
    expect(template.split('\r\n')[1]).toMatch(/^xiaoshan,unions_founded,\d{4},/)
    expect(await read('indicators')).toContain('unions_founded,新建基层工会,New base-level unions,家,organising')
    expect(await read('districts')).toContain('xiaoshan,萧山区,Xiaoshan')
    expect(errors).toEqual([])
    await context.close()
  })

  it.each([
    [1440, 900, 'zh'],
    [1440, 900, 'en'],
    [1920, 1080, 'zh'],
    [1920, 1080, 'en'],
  ] as const)('draws the panel at %i×%i (%s): success, error list and drop overlay', async (width, height, lang) => {
    const { page, context, errors } = await openWatched({ width, height })
    await gotoReady(page, lang === 'en' ? 'lang=en' : '')
    const name = (what: string): string => `import-${what}-${width}-${lang}`
    await importFile(page, 'e2e-conflict-xiaoshan.csv', fixture('e2e-conflict-xiaoshan.csv'))
    await importFile(page, '西湖区2025年数据.csv', fixture('e2e-gb18030-chinese-districts.csv'))
    await saveScreenshot(page, name('success'))
    await importFile(page, 'e2e-broken-line3.csv', fixture('e2e-broken-line3.csv'))
    await saveScreenshot(page, name('errors'))
    await page.evaluate(() => {
      const data = new DataTransfer()
      data.items.add(new File(['x'], 'x.csv', { type: 'text/csv' }))
      document.body.dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: data }))
    })
    await page.waitForSelector('[data-overlay="import-drop"]')
    await saveScreenshot(page, name('drop'))
    // A leave that reports no types (as after Esc) still takes the overlay away.
    await page.evaluate(() =>
      document.body.dispatchEvent(new DragEvent('dragleave', { bubbles: true, dataTransfer: new DataTransfer() })),
    )
    await page.waitForSelector('[data-overlay="import-drop"]', { state: 'detached' })
    await page.click('[data-action="close-import"]')
    await page.waitForSelector('[data-panel="import-strip"]')
    await saveScreenshot(page, name('strip'))
    expect(errors).toEqual([])
    await context.close()
  })
})
