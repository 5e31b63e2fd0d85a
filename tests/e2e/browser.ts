import type { Browser, BrowserContext, Page } from 'playwright-core'
import { inject } from 'vitest'
import { mkdirSync, readFileSync } from 'node:fs'
import { launchChromium } from '../chromium.mjs'
import { manyDistricts } from '../fixtures/many-districts'

/** Debian's Chromium, headless, with the flags this network-less machine needs. */
export function launchBrowser(): Promise<Browser> {
  return launchChromium()
}

/** A page that records console errors, CSP violations and uncaught exceptions. */
export interface WatchedPage {
  page: Page
  context: BrowserContext
  errors: string[]
}

export async function openPage(
  browser: Browser,
  opts: { width?: number; height?: number; acceptDownloads?: boolean } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 },
    acceptDownloads: opts.acceptDownloads ?? true,
    locale: 'zh-CN',
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text())
  })
  page.on('pageerror', (err) => errors.push(String(err)))
  return { page, context, errors }
}

/** The preview server's address, e.g. http://127.0.0.1:41234/ */
export function baseUrl(): string {
  return inject('baseUrl')
}

/** Opens the dashboard with a query and waits until data and charts are ready. */
export async function gotoReady(page: Page, query = ''): Promise<void> {
  await page.goto(baseUrl() + (query ? `?${query.replace(/^\?/, '')}` : ''))
  await waitReady(page)
}

export async function waitReady(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForSelector('[data-state="ready"], [data-state="error"]', { timeout })
  const state = await page.getAttribute('.app', 'data-state')
  if (state !== 'ready') {
    const text = await page.textContent('.app')
    throw new Error(`page reached data-state="${state}": ${(text ?? '').slice(0, 300)}`)
  }
}

/**
 * Waits until the imports saved in the browser are back: the page may say ready before (it waits at most 1.5 s for
 * storage, then adds them when they arrive), which a slow, busy machine can reach.
 */
export async function waitSavedImports(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForSelector('.app[data-saved-imports="restored"]', { timeout })
  await waitReady(page)
}

/** Saves a screenshot as a test artifact (tests/artifacts/, not committed). */
export async function saveScreenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync('tests/artifacts', { recursive: true })
  const path = `tests/artifacts/${name}.png`
  await page.screenshot({ path, fullPage })
  return path
}

/** Serves a catalogue of `count` districts (the built-in four and synthetic others) in place of the built-in one. */
export async function routeDistricts(page: Page, count: number): Promise<void> {
  const csv = manyDistricts(count)
  const serve = (body: string) => ({ status: 200, contentType: 'text/csv; charset=utf-8', body })
  await page.route('**/data/districts.csv*', (route) => route.fulfill(serve(csv.districts)))
  await page.route('**/data/metrics.csv*', (route) => route.fulfill(serve(csv.metrics)))
}

/** The scorecard cell of an indicator and a district. */
export const scorecardCell = (indicator: string, district: string): string =>
  `[data-chart="scorecard"] tr[data-indicator="${indicator}"] td[data-district="${district}"]`

/** Imports tests/fixtures/csv/<name> through the dataset panel; waits until it is accepted, saved and redrawn. */
export async function importFixture(page: Page, name: string): Promise<void> {
  if ((await page.locator('#dataset-panel').count()) === 0) await page.click('[data-action="import"]')
  await page.waitForSelector('#dataset-panel')
  await page.setInputFiles('[data-import-input]', {
    name,
    mimeType: 'text/csv',
    buffer: readFileSync(`tests/fixtures/csv/${name}`),
  })
  const result = await page.waitForSelector('[data-import-result]', { timeout: 30_000 })
  const outcome = await result.getAttribute('data-import-result')
  if (outcome !== 'accepted') throw new Error(`${name} was ${outcome ?? 'not imported'}: ${await result.textContent()}`)
  await page.waitForSelector('[data-storage="saving"]', { state: 'detached' })
  await waitReady(page)
}
