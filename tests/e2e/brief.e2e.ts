import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { unzipSync } from 'fflate'
import { mkdirSync, readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { gotoReady, launchBrowser, openPage } from './browser'
import { briefManyDistrictsCsv, HANGZHOU_13 } from '../fixtures/brief-many-districts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Serves the generated 13-district CSVs in place of the built-in districts and metrics. */
async function routeThirteen(page: Page): Promise<void> {
  const csv = briefManyDistrictsCsv()
  const serve = (body: string) => ({ status: 200, contentType: 'text/csv; charset=utf-8', body })
  await page.route('**/data/districts.csv*', (route) => route.fulfill(serve(csv.districts)))
  await page.route('**/data/metrics.csv*', (route) => route.fulfill(serve(csv.metrics)))
}

/** Pages of a PDF, as pdfinfo counts them. */
function pdfPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN)
}

/** Prints the page to an A4 PDF under tests/artifacts/ and returns its path. */
async function printA4(page: Page, name: string): Promise<string> {
  mkdirSync('tests/artifacts', { recursive: true })
  await page.emulateMedia({ media: 'print' })
  const path = `tests/artifacts/${name}.pdf`
  await page.pdf({ path, format: 'A4', printBackground: true })
  await page.emulateMedia({ media: 'screen' })
  return path
}

/** Downloads the one-slide PPTX and returns the names of its slides. */
async function slideNames(page: Page, name: string): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="brief-slide"]')])
  const path = `tests/artifacts/${name}.pptx`
  await download.saveAs(path)
  expect(download.suggestedFilename()).toMatch(/\.pptx$/)
  return Object.keys(unzipSync(new Uint8Array(readFileSync(path)))).filter((n) =>
    /^ppt\/slides\/slide\d+\.xml$/.test(n),
  )
}

describe('one-page brief', () => {
  it('shows each district, a like-for-like comparison, the caveats and the data date, on one A4 page and one slide', async () => {
    const { page, context, errors } = await openPage(browser)
    await gotoReady(page, 'view=brief')
    const lines = page.locator('.brief__district')
    expect(await lines.evaluateAll((els) => els.map((e) => e.getAttribute('data-district')))).toEqual([
      'xiaoshan',
      'xihu',
      'qiantang',
      'fuyang',
    ])
    // Xihu's five-year totals are on it, said to be totals.
    expect(await page.textContent('.brief__district[data-district="xihu"]')).toMatch(/2018–2022 累计/)
    const comparison = (await page.textContent('[data-section="comparisons"] li')) ?? ''
    expect(comparison).toMatch(/^2024 年.+(倍|多)/)
    const caveats = (await page.textContent('[data-section="caveats"]')) ?? ''
    expect(caveats).toContain('多年累计，不与单年数字比较')
    expect(caveats).toMatch(/口径不同|区划调整/)
    expect(await page.textContent('[data-field="as-of"]')).toMatch(/^数据截至 \d{4} 年 .*数据版本 [0-9a-f]{8}/)

    expect(pdfPages(await printA4(page, 'brief-4'))).toBe(1)
    // Printed from the browser, the brief's own @page applies: one A4 portrait page, not the views' landscape.
    await page.emulateMedia({ media: 'print' })
    await page.pdf({ path: 'tests/artifacts/brief-4-css.pdf', preferCSSPageSize: true })
    await page.emulateMedia({ media: 'screen' })
    const css = execFileSync('pdfinfo', ['tests/artifacts/brief-4-css.pdf'], { encoding: 'utf8' })
    expect(css).toMatch(/^Pages:\s+1$/m)
    expect(css).toMatch(/^Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/m)
    expect(await slideNames(page, 'brief-4')).toEqual(['ppt/slides/slide1.xml'])
    // English runs longer than Chinese: still one page.
    await gotoReady(page, 'view=brief&lang=en')
    expect(await page.textContent('[data-field="as-of"]')).toMatch(/^Data up to \d{4}/)
    expect(pdfPages(await printA4(page, 'brief-4-en'))).toBe(1)
    expect(errors).toEqual([])
    await context.close()
  })

  it('honours the year, districts and language in the URL', async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page, 'view=brief&year=2024&districts=xiaoshan,xihu,fuyang&lang=en')
    expect(await page.textContent('.brief__title')).toBe('One-page brief · 2024')
    expect(await page.locator('.brief__district').count()).toBe(3)
    expect(await page.textContent('.brief__district[data-district="xihu"]')).toContain('no figures for 2024')
    expect(await page.textContent('[data-section="comparisons"] li')).toMatch(/^[A-Z].* 2024: Fuyang leads/)
    expect(await page.textContent('[data-section="gaps"]')).toContain('No figures for 2024 from Xihu')
    await context.close()
  })

  it('stays one page and one slide with 13 districts, listing each and saying what it left out', async () => {
    const { page, context, errors } = await openPage(browser)
    await routeThirteen(page)
    await gotoReady(page, 'view=brief')
    const ids = await page
      .locator('.brief__district')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-district')))
    expect(ids).toEqual(HANGZHOU_13.map((d) => d.id))
    expect(await page.textContent('.brief__district[data-district="chunan"]')).toContain('2019–2023 累计')
    expect(await page.locator('.brief__district .brief__more').count()).toBe(13)
    expect(await page.textContent('[data-section="comparisons"] li')).toMatch(/个区中居首/)
    expect(await page.textContent('[data-section="caveats"]')).toContain('拱墅区为仅企业工会')

    const pdf = await printA4(page, 'brief-13')
    expect(pdfPages(pdf)).toBe(1)
    expect(await slideNames(page, 'brief-13')).toEqual(['ppt/slides/slide1.xml'])

    // A chosen year: 建德 has nothing for 2024 and the brief says so.
    await gotoReady(page, 'view=brief&year=2024')
    expect(await page.textContent('.brief__district[data-district="jiande"]')).toContain('无 2024 年数据')
    expect(await page.textContent('[data-section="gaps"]')).toMatch(/建德市无 2024 年数据/)
    expect(pdfPages(await printA4(page, 'brief-13-2024'))).toBe(1)
    await gotoReady(page, 'view=brief&lang=en')
    expect(pdfPages(await printA4(page, 'brief-13-en'))).toBe(1)
    expect(errors).toEqual([])
    await context.close()
  })
})
