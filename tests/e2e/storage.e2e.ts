import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { baseUrl, gotoReady, launchBrowser, openPage, waitReady, waitSavedImports } from './browser'

// Imports shared by several tabs of one browser profile, storage that fails or never answers, and data files that
// never come: every wait ends, and nothing saved is lost.

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const fixture = (name: string): Buffer => readFileSync(`tests/fixtures/csv/${name}`)
const csv = (text: string): Buffer => Buffer.from(text, 'utf8')
const headline = (district: string, indicator: string) =>
  `.headlines [data-district="${district}"] [data-indicator="${indicator}"] dd`

async function openImportPanel(page: Page): Promise<void> {
  if ((await page.locator('#dataset-panel').count()) === 0) await page.click('[data-action="import"]')
  await page.waitForSelector('#dataset-panel')
}

/** Picks a file in the panel and waits until it is accepted and saved. */
async function importFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await openImportPanel(page)
  await page.setInputFiles('[data-import-input]', { name, mimeType: 'text/csv', buffer })
  const result = await page.waitForSelector('[data-import-result]', { timeout: 30_000 })
  expect(await result.getAttribute('data-import-result')).toBe('accepted')
  await page.waitForSelector('[data-storage="saving"]', { state: 'detached' })
  await waitReady(page)
}

/** The names the import panel lists, once it lists `count` of them. */
async function listedImports(page: Page, count: number): Promise<string[]> {
  await openImportPanel(page)
  const names = page.locator('[data-section="imports"] [data-field="name"]')
  await expect.poll(() => names.count(), { timeout: 15_000 }).toBe(count)
  return (await names.allTextContents()).map((n) => n.trim())
}

/** A further tab of the same profile (same IndexedDB, same BroadcastChannel), ready. */
async function openTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  await gotoReady(page)
  return page
}

describe('imports shared by tabs of one browser profile', () => {
  it('keeps the imports of two tabs, shows them in a third, and a removal in one tab leaves the others’', async () => {
    const { page: tabA, context } = await openPage(browser)
    await gotoReady(tabA)
    const tabB = await openTab(context)

    await importFile(tabA, 'tab-a.csv', fixture('e2e-valid-xihu.csv'))
    await importFile(tabB, 'tab-b.csv', fixture('e2e-conflict-xiaoshan.csv'))
    // Each tab hears of the other's import and shows it without a reload.
    expect(await listedImports(tabA, 2)).toEqual(['tab-a', 'tab-b'])
    expect(await listedImports(tabB, 2)).toEqual(['tab-a', 'tab-b'])
    await expect.poll(() => tabA.textContent(headline('xiaoshan', 'unions_founded'))).toContain('500')

    const tabC = await openTab(context)
    expect(await listedImports(tabC, 2)).toEqual(['tab-a', 'tab-b'])
    expect(await tabC.textContent(headline('xihu', 'unions_founded'))).toContain('777')

    // Three tabs: an import in the third reaches the first two.
    await importFile(tabC, 'tab-c.csv', csv('district,indicator,period,value\nfuyang,unions_founded,1990,33\n'))
    expect(await listedImports(tabA, 3)).toEqual(['tab-a', 'tab-b', 'tab-c'])
    expect(await listedImports(tabB, 3)).toEqual(['tab-a', 'tab-b', 'tab-c'])

    // Removing A in the first tab removes A everywhere, and only A.
    await tabA.locator('[data-section="imports"] tbody tr').first().locator('[data-action="remove"]').click()
    expect(await listedImports(tabA, 2)).toEqual(['tab-b', 'tab-c'])
    expect(await listedImports(tabB, 2)).toEqual(['tab-b', 'tab-c'])
    expect(await listedImports(tabC, 2)).toEqual(['tab-b', 'tab-c'])
    await expect.poll(() => tabC.textContent(headline('xihu', 'unions_founded'))).not.toContain('777')

    // What is stored is what every tab shows: a new tab, and a reloaded one, list the same two.
    await tabB.reload()
    await waitSavedImports(tabB)
    expect(await listedImports(tabB, 2)).toEqual(['tab-b', 'tab-c'])
    const tabD = await openTab(context)
    expect(await listedImports(tabD, 2)).toEqual(['tab-b', 'tab-c'])
    const storedKeys = await tabD.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('union-dashboard')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const keys = open.result.transaction('imports').objectStore('imports').getAllKeys()
            keys.onsuccess = () => resolve(keys.result.map(String))
          }
        }),
    )
    expect(storedKeys.filter((k) => k.startsWith('rows:'))).toHaveLength(2)
    await context.close()
  })

  it('removes stored rows no import owns at start-up and says how much it freed', async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page)
    await importFile(page, 'kept.csv', fixture('e2e-valid-xihu.csv'))
    // What a reload during a big save leaves: rows written, never listed (8,000,000 bytes of figures).
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('union-dashboard')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const tx = open.result.transaction('imports', 'readwrite')
            tx.objectStore('imports').put({ parts: 2 }, 'rows:import-orphan')
            tx.objectStore('imports').put({ count: 1, value: new Float64Array(500_000) }, 'rows:import-orphan:0')
            tx.objectStore('imports').put({ count: 1, value: new Float64Array(500_000) }, 'rows:import-orphan:1')
            tx.oncomplete = () => resolve()
            tx.onerror = () => reject(tx.error)
          }
        }),
    )
    await page.reload()
    await waitSavedImports(page)
    const freed = page.locator('[data-storage-notice="done"] [data-notice="freed"]')
    await freed.waitFor()
    expect(await freed.textContent()).toContain('已清理 8.0 MB')
    console.log(`[storage] freed at start-up: ${await freed.textContent()}`)
    expect(await listedImports(page, 1)).toEqual(['kept'])
    expect(await page.textContent(headline('xihu', 'unions_founded'))).toContain('777')
    await context.close()
  })
})

describe('every wait ends', () => {
  it('turns a data file that never answers into an error naming it, and retry loads the data', async () => {
    const { page, context } = await openPage(browser)
    // A server that accepts the request and never answers it.
    await page.route('**/data/metrics.csv*', () => undefined)
    await page.goto(baseUrl())
    await page.waitForSelector('[data-state="error"]', { timeout: 30_000 })
    const atError = await page.evaluate(() => Math.round(performance.now()))
    console.log(`[storage] navigation → data-state="error" with a hanging fetch: ${atError} ms`)
    expect(await page.textContent('[role="alert"]')).toContain('data/metrics.csv 在 10 秒内没有响应')
    await page.unroute('**/data/metrics.csv*')
    await page.click('[data-action="retry-load"]')
    await waitReady(page)
    expect(await page.locator('[data-chart="comparison-unions_founded"]').count()).toBe(1)
    await context.close()
  })

  it('names a web page returned where a CSV was expected, in Chinese and English, with no ":0:"', async () => {
    const { page, context } = await openPage(browser)
    const indexHtml = '<!doctype html><html lang="zh-CN"><head><title>工会数据看板</title></head><body></body></html>'
    await page.route('**/data/metrics.csv*', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: indexHtml }),
    )
    await page.goto(baseUrl())
    await page.waitForSelector('[data-state="error"]')
    const zh = (await page.textContent('[role="alert"]')) ?? ''
    expect(zh).toContain('服务器返回的是网页而不是 data/metrics.csv')
    expect(zh).not.toContain('缺少必需列')
    await page.goto(`${baseUrl()}?lang=en`)
    await page.waitForSelector('[data-state="error"]')
    expect(await page.textContent('[role="alert"]')).toContain('The server returned a web page, not data/metrics.csv')
    await context.close()
  })

  it('prints a whole-file problem of a data file as "file: message", never "file:0:"', async () => {
    const { page, context } = await openPage(browser)
    await page.route('**/data/metrics.csv*', (route) =>
      route.fulfill({ status: 200, contentType: 'text/csv', body: '' }),
    )
    await page.goto(baseUrl())
    await page.waitForSelector('[data-state="error"]')
    const items = await page.locator('.app-error__issues li').allTextContents()
    expect(items.some((t) => t.trim().startsWith('data/metrics.csv: '))).toBe(true)
    expect(items.join('\n')).not.toContain(':0:')
    await context.close()
  })

  it('is ready with the built-in data while IndexedDB stalls, then offers a retry that adds the saved imports', async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page)
    await importFile(page, 'saved.csv', fixture('e2e-valid-xihu.csv'))
    // From the next load on, opening IndexedDB never answers, until the test lets it.
    await context.addInitScript(() => {
      const w = window as unknown as { stallIdb: boolean }
      w.stallIdb = true
      const open = IDBFactory.prototype.open
      IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
        return w.stallIdb ? ({} as IDBOpenDBRequest) : open.apply(this, args)
      }
    })
    await page.reload()
    await waitReady(page)
    const ready = await page.evaluate(() => Math.round(performance.getEntriesByName('app-ready')[0]?.startTime ?? -1))
    console.log(`[storage] navigation → ready while IndexedDB never answers: ${ready} ms`)
    expect(await page.getAttribute('.app', 'data-saved-imports')).toBe('reading')
    expect(await page.textContent('[data-storage-notice="reading"]')).toContain('读取完成后会自动加入')
    expect(await page.textContent(headline('xihu', 'unions_founded'))).not.toContain('777')

    const failed = page.locator('[data-storage-notice="failed"]')
    await failed.waitFor({ timeout: 30_000 })
    expect(await failed.textContent()).toContain('IndexedDB')
    expect(await page.getAttribute('.app', 'data-state')).toBe('ready')

    await page.evaluate(() => ((window as unknown as { stallIdb: boolean }).stallIdb = false))
    await page.click('[data-action="retry-storage"]')
    await page.locator('[data-storage-notice="done"] [data-notice="arrived"]').waitFor()
    await expect.poll(() => page.textContent(headline('xihu', 'unions_founded'))).toContain('777')
    expect(await page.getAttribute('.app', 'data-saved-imports')).toBe('restored')
    await context.close()
  })
})
