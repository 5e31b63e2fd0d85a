import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { builtinMetrics } from '../unit/data/builtin'
import { gotoReady, launchBrowser, openPage, routeDistricts, saveScreenshot, scorecardCell, waitReady } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const cell = scorecardCell

describe('the same-basis scorecard on the first screen', () => {
  it('shows every district’s figure with its year and state, ranking only like-for-like figures', async () => {
    const { page, context, errors } = await openPage(browser, { width: 1920, height: 1080 })
    await gotoReady(page)
    const state = (d: string) => page.getAttribute(cell('unions_founded', d), 'data-state')
    expect(await state('xiaoshan')).toBe('comparable')
    expect(await state('fuyang')).toBe('comparable')
    expect(await state('xihu')).toBe('total')
    expect(await state('qiantang')).toBe('otherYear')
    expect(await page.textContent(cell('unions_founded', 'fuyang'))).toMatch(/642家\s*2024\s*2 区中第 1/)
    expect(await page.textContent(cell('unions_founded', 'xiaoshan'))).toMatch(/442家\s*2024\s*2 区中第 2/)
    // Xihu's five-year total is on the first screen as what it is, never "no data".
    expect(await page.textContent(cell('unions_founded', 'xihu'))).toMatch(/931家\s*2018–2022\s*五年累计/)
    // Different bases stand side by side with the reason, readable without hovering and in full on hover.
    const trained = page.locator(`${cell('workers_trained', 'fuyang')} button`)
    expect(await trained.textContent()).toContain('口径不同，不作比较')
    expect(await trained.getAttribute('title')).toMatch(/口径不同：.*萧山区为.*富阳区为/)
    expect(await page.getAttribute(cell('workers_trained', 'xiaoshan'), 'data-state')).toBe('otherBasis')
    // Keyboard users get the reason on focus, as a box under the cell.
    await trained.focus()
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Tab')
    const shown = await trained.evaluate((el) => getComputedStyle(el, '::after').content)
    expect(shown).toMatch(/口径不同：.*萧山区为/)
    expect(await page.textContent(cell('workers_trained', 'xihu'))).toContain('未报送')
    // No rank is given to a cell that is not comparable.
    for (const text of await page
      .locator('[data-chart="scorecard"] td:not([data-state="comparable"])')
      .allTextContents())
      expect(text).not.toMatch(/区中第/)
    await saveScreenshot(page, 'scorecard-1920-zh')
    expect(errors).toEqual([])
    await context.close()
  })

  it('opens a figure’s provenance by click and by Enter', async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page)
    await page.click(`${cell('unions_founded', 'xihu')} button`)
    const panel = page.locator('[data-panel="provenance"]')
    await panel.waitFor({ state: 'visible' })
    expect(await panel.locator('[data-field="quote"]').textContent()).toContain('931')
    await page.keyboard.press('Escape')
    await panel.waitFor({ state: 'hidden' })
    await page.focus(`${cell('unions_founded', 'fuyang')} button`)
    await page.keyboard.press('Enter')
    await panel.waitFor({ state: 'visible' })
    expect(await panel.locator('[data-field="quote"]').textContent()).toContain('642')
    await context.close()
  })

  it('draws a chart only where two or more districts compare, and lists one-district figures compactly', async () => {
    const { page, context } = await openPage(browser, { width: 1920, height: 1080 })
    await gotoReady(page)
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    const charts = await page.$$eval('[data-chart^="comparison-"]', (els) =>
      els.map((e) => e.getAttribute('data-chart')),
    )
    expect(charts).toEqual(['comparison-unions_founded', 'comparison-culture_delivery_events'])
    // Every chart drawn has at least two comparable cells in its scorecard row.
    for (const id of charts) {
      const indicator = String(id).replace('comparison-', '')
      expect(
        await page
          .locator(`[data-chart="scorecard"] tr[data-indicator="${indicator}"] td[data-state="comparable"]`)
          .count(),
      ).toBeGreaterThanOrEqual(2)
    }
    const summary = (await page.textContent('[data-field="singles"] summary')) ?? ''
    expect(summary).toMatch(/仅一个区县报送的数据（\d+ 项）/)
    // Opened, it lists that many figures, grouped by district, each opening its source.
    await page.click('[data-field="singles"] summary')
    await expect
      .poll(() => page.locator('[data-field="singles"] tr[data-metric]').count())
      .toBe(Number(/（(\d+) 项）/.exec(summary)?.[1]))
    await context.close()
  })

  it('offers only years that hold figures, each with its count, and says which districts have nothing for a year', async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page)
    const options = await page.$$eval('[data-filter="year"] option', (os) => os.map((o) => o.textContent?.trim() ?? ''))
    expect(options[0]).toBe('各区最新')
    for (const o of options.slice(1)) expect(o).toMatch(/^\d{4} · [1-9]\d* 项$/)
    const in2024 = builtinMetrics.rows.filter((m) => m.start === 2024 && m.end === 2024 && m.status !== 'target')
    expect(options).toContain(`2024 · ${in2024.length} 项`)
    await page.selectOption('[data-filter="year"]', '2020')
    await waitReady(page)
    expect(await page.textContent('[data-field="no-year"]')).toBe('2020 年没有单年数据的区县：西湖区、钱塘区、富阳区')
    // No empty chart card stands for a year nobody compares.
    expect(await page.locator('[data-chart^="comparison-"]').count()).toBe(0)
    await context.close()
  })

  it('speaks English with the same states', async () => {
    const { page, context } = await openPage(browser, { width: 1366, height: 768 })
    await gotoReady(page, 'lang=en')
    expect(await page.textContent(cell('unions_founded', 'fuyang'))).toContain('1 of 2')
    expect(await page.textContent(cell('unions_founded', 'xihu'))).toContain('5-year total')
    expect(await page.textContent('[data-chart="scorecard"] h2')).toBe('Same-basis scorecard')
    await saveScreenshot(page, 'scorecard-1366-en')
    await context.close()
  })
})

describe('many districts', () => {
  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    for (const lang of ['zh', 'en'] as const) {
      it(`keeps 13 districts legible at ${width}×${height} (${lang})`, async () => {
        const { page, context, errors } = await openPage(browser, { width, height })
        await routeDistricts(page, 13)
        await gotoReady(page, lang === 'en' ? 'lang=en' : '')
        expect(await page.locator('[data-chart="scorecard"] thead th[data-district]').count()).toBe(13)
        // The catalogue, not the code, says how many districts: the subtitle counts them.
        if (width === 1920) expect(await page.textContent('.the-header__subtitle')).toMatch(/13/)
        // The filter bar stays one line: the districts fold into a picker.
        const bar = await page.locator('.filter-bar').boundingBox()
        expect(bar?.height ?? 999).toBeLessThan(70)
        // Headline figures become one compact table, a district a row.
        expect(await page.locator('.headlines__table tbody tr').count()).toBe(13)
        // A column of the headline table never sets different bases side by side unlabelled.
        expect(
          await page.textContent('.headlines__table tr[data-district="xiaoshan"] td[data-indicator="workers_trained"]'),
        ).toMatch(lang === 'en' ? /free public courses/ : /萧工学堂/)
        // Thirteen districts rank among the like-for-like ones only (Xihu's total and Qiantang's 2023 are not ranked).
        expect(await page.textContent(cell('unions_founded', 'jiande'))).toMatch(lang === 'en' ? /of 11/ : /11 区中第/)
        await saveScreenshot(page, `overview-13-${width}-${lang}`)
        await page.evaluate(() => document.querySelector('[data-chart="comparison-unions_founded"]')?.scrollIntoView())
        await saveScreenshot(page, `overview-13-chart-${width}-${lang}`)
        expect(errors).toEqual([])
        await context.close()
      })
    }
  }

  it('summarises 90 districts: a short takeaway, a chart of top and bottom, a few trend lines', async () => {
    const { page, context, errors } = await openPage(browser, { width: 1920, height: 1080 })
    await routeDistricts(page, 90)
    await gotoReady(page, 'view=indicator&indicator=unions_founded')
    const card = page.locator('[data-chart="comparison-unions_founded"]')
    const takeaway = (await card.locator('[data-takeaway]').textContent()) ?? ''
    expect(takeaway.length).toBeLessThan(200)
    expect(takeaway).toContain('88 个区中居首')
    expect(await card.locator('.chart-card__badge-text').textContent()).toMatch(/等 88 个区县/)
    expect(await card.textContent()).toContain('图中列出同口径数据的前 5 名和后 3 名')
    expect(await page.locator('[data-chart^="trend-"]').first().textContent()).toContain(
      '图中画出最新数据最高的 5 个区县',
    )
    await saveScreenshot(page, 'indicator-90-1920-zh')
    // On a slide the chart keeps most of the height: the summarised text leaves it room.
    await page.click('[data-action="present"]')
    await page.waitForSelector('[data-presentation] [data-drawn="true"]')
    const chart = await page.locator('[data-presentation] .presentation-slide__chart').boundingBox()
    expect(chart?.height ?? 0).toBeGreaterThan(500)
    await saveScreenshot(page, 'presentation-90-1920-zh')
    expect(errors).toEqual([])
    await context.close()
  })
})
