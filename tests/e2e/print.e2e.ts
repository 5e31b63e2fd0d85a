import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { gotoReady, launchBrowser, openPage } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('print stylesheet', () => {
  it('hides the header, filter bar and buttons on paper and keeps the chart cards with their sources', async () => {
    const { page, context, errors } = await openPage(browser)
    await gotoReady(page)
    expect(await page.isVisible('[data-print-header]')).toBe(false)
    await page.emulateMedia({ media: 'print' })
    for (const hidden of [
      '.the-header',
      '.the-header__nav',
      '.dashboard__filters',
      '[data-filter="year"]',
      '[data-action="present"]',
    ])
      expect(await page.isVisible(hidden), hidden).toBe(false)
    // The scorecard and every chart card print (two charts with the built-in data).
    expect(await page.isVisible('[data-chart="scorecard"]')).toBe(true)
    expect(await page.locator('.chart-card:visible').count()).toBe(2)
    expect(await page.isVisible('.chart-card .chart-card__foot')).toBe(true)
    expect(await page.isVisible('.chart-card .chart-card__toggle')).toBe(false)
    const header = (await page.textContent('[data-print-header]')) ?? ''
    expect(await page.isVisible('[data-print-header]')).toBe(true)
    expect(header).toContain('工会数据看板')
    expect(header).toContain('总览')
    expect(header).toContain('年份')
    expect(await page.$eval('.chart-card', (el) => getComputedStyle(el).breakInside)).toBe('avoid')
    expect(await page.$eval('.chart-grid', (el) => getComputedStyle(el).gridTemplateColumns.split(' ').length)).toBe(2)
    await page.emulateMedia({ media: 'screen' })
    expect(await page.isVisible('.the-header')).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  it('puts a high-resolution picture of every chart, drawn at paper size, in its box while printing', async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page)
    const cards = await page.locator('.chart-card__chart').count()
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')))
    // Every chart, including those far below the viewport that were never drawn on screen.
    expect(await page.locator('.chart-card__chart > img.print-chart-snapshot').count()).toBe(cards)
    const natural = await page.$eval('img.print-chart-snapshot', (img) => (img as HTMLImageElement).naturalWidth)
    expect(natural).toBe(3 * Math.round((125 * 96) / 25.4))
    await page.emulateMedia({ media: 'print' })
    expect(await page.isVisible('img.print-chart-snapshot')).toBe(true)
    expect(await page.isVisible('.chart-card__chart x-vue-echarts')).toBe(false)
    await page.emulateMedia({ media: 'screen' })
    expect(await page.isVisible('img.print-chart-snapshot')).toBe(false)
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')))
    expect(await page.locator('img.print-chart-snapshot').count()).toBe(0)
    await context.close()
  })

  it('prints the view as A4 landscape PDF pages (tests/artifacts/print-overview*.png)', async () => {
    const { page, context, errors } = await openPage(browser)
    await gotoReady(page)
    mkdirSync('tests/artifacts', { recursive: true })
    // page.pdf() fires beforeprint and afterprint like a browser's print dialog.
    const pdf = await page.pdf({ path: 'tests/artifacts/print-overview.pdf', format: 'A4', landscape: true })
    expect(await page.locator('img.print-chart-snapshot').count()).toBe(0)
    expect(pdf.byteLength).toBeGreaterThan(10_000)
    // Page size in points: A4 landscape is 842 × 595; the @page rule asks for the same.
    const text = pdf.toString('latin1')
    expect(text).toMatch(/MediaBox\s*\[\s*0 0 84\d(\.\d+)? 595(\.\d+)?\s*\]/)
    if (existsSync('/usr/bin/pdftoppm'))
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '3',
        'tests/artifacts/print-overview.pdf',
        'tests/artifacts/print-overview',
      ])
    expect(errors).toEqual([])
    await context.close()
  })
})
