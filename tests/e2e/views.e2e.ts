import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import { gotoReady, launchBrowser, openPage, saveScreenshot, waitReady } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const VIEWS: Array<[string, string]> = [
  ['overview', ''],
  ['category', 'view=category&category=welfare'],
  ['indicator', 'view=indicator&indicator=unions_founded'],
  ['district', 'view=district&district=xiaoshan'],
  ['table', 'view=table'],
]

describe('every view', () => {
  for (const [name, query] of VIEWS) {
    it(`${name} loads to ready at 1920×1080 and 1366×768, in Chinese and English, without console errors`, async () => {
      for (const [width, height] of [
        [1920, 1080],
        [1366, 768],
      ] as const) {
        for (const lang of ['zh', 'en']) {
          const { page, context, errors } = await openPage(browser, { width, height })
          await gotoReady(page, [query, lang === 'en' ? 'lang=en' : ''].filter(Boolean).join('&'))
          expect(await page.getAttribute('main', 'data-view')).toBe(name)
          await saveScreenshot(page, `view-${name}-${width}-${lang}`)
          expect(errors).toEqual([])
          await context.close()
        }
      }
    })
  }
})

describe('honest comparison charts', () => {
  it("show each district's own period in latest mode and 'no data' where a district has no figure", async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page, 'view=indicator&indicator=unions_founded')
    const card = page.locator('[data-chart="comparison-unions_founded"]')
    await card.getByRole('button', { name: '查看表格' }).click()
    const rows = await card
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent?.trim())),
      )
    expect(rows).toContainEqual(['富阳区', '642家', '2024'])
    expect(rows).toContainEqual(['钱塘区', '553家', '2023'])
    expect(rows).toContainEqual(['西湖区', '无数据', ''])
    await context.close()
  })

  it('show a multi-year total only when asked, labelled as cumulative', async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page, 'view=indicator&indicator=unions_founded&year=2020&cumulative=1')
    const card = page.locator('[data-chart="comparison-unions_founded"]')
    await card.getByRole('button', { name: '查看表格' }).click()
    const text = await card.locator('tbody').textContent()
    expect(text).toContain('931')
    expect(text).toContain('2018-2022')
    expect(await card.locator('[data-badge="not-like-for-like"]').count()).toBe(1)
    await context.close()
  })

  it('open the provenance panel with the verbatim quote from the keyboard', async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page, 'view=indicator&indicator=unions_founded&year=2024')
    const chart = page.locator('[data-chart="comparison-unions_founded"] .chart-card__chart')
    await chart.focus()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Enter')
    const panel = page.locator('[data-panel="provenance"]')
    await panel.waitFor({ state: 'visible' })
    const quote = await panel.locator('[data-field="quote"]').textContent()
    expect(quote).toMatch(/442|642/)
    expect(await panel.locator('[data-field="quote"] mark').textContent()).toMatch(/^(442|642)$/)
    await saveScreenshot(page, 'provenance-1440-zh')
    await page.keyboard.press('Escape')
    await panel.waitFor({ state: 'hidden' })
    await context.close()
  })

  it('switch every label to English with the language button', async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page)
    expect(await page.textContent('nav')).toContain('总览')
    await page.click('[data-action="language"]')
    await waitReady(page)
    expect(await page.textContent('nav')).toContain('Overview')
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en')
    expect(await page.textContent('.headlines')).toContain('New base-level unions')
    await context.close()
  })

  it('filter, search and sort the data table', async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page, 'view=table&districts=fuyang')
    const count = async () => page.locator('[data-chart="data-table"] tbody tr').count()
    const all = await count()
    expect(all).toBeGreaterThan(10)
    await page.fill('[data-filter="q"]', '642')
    await page.press('[data-filter="q"]', 'Enter')
    await expect.poll(count).toBeLessThan(all)
    expect(new URL(page.url()).searchParams.get('q')).toBe('642')
    expect(await page.textContent('[data-chart="data-table"] tbody')).toContain('642')
    await context.close()
  })

  it('exports the data table as CSV: BOM, the documented columns, one row per figure shown, plain decimals', async () => {
    const { page, context, errors } = await openPage(browser)
    await gotoReady(page, 'view=table&districts=fuyang')
    const shown = await page.locator('[data-chart="data-table"] tbody tr').count()
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-table-csv"]')])
    expect(dl.suggestedFilename()).toBe('工会数据_全部年份_富阳区.csv')
    const text = readFileSync(await dl.path(), 'utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const [header, ...rows] = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data
    expect(header).toEqual([
      'district',
      'district_name',
      'indicator',
      'indicator_name',
      'category',
      'period',
      'value',
      'unit',
      'qualifier',
      'source',
      'source_title',
      'quote',
      'note',
      'dataset',
      'measure',
      'basis',
      'status',
      'method',
    ])
    expect(rows).toHaveLength(shown)
    // Every built-in figure of Fuyang, and only those, with the value as written in data/metrics.csv.
    const builtIn = Papa.parse<Record<string, string>>(readFileSync('data/metrics.csv', 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data.filter((m) => m.district === 'fuyang')
    const key = (r: readonly string[]): string => r.join('|')
    expect(rows.map((r) => key([r[0] ?? '', r[2] ?? '', r[5] ?? '', r[6] ?? ''])).sort()).toEqual(
      builtIn.map((m) => key([m.district ?? '', m.indicator ?? '', m.period ?? '', m.value ?? ''])).sort(),
    )
    for (const r of rows) {
      expect(r[1]).toBe('富阳区')
      expect(r[6]).toMatch(/^-?\d+(\.\d+)?$/)
      expect(r[13]).toBe('builtin')
    }
    expect(errors).toEqual([])
    await context.close()
  })
})
