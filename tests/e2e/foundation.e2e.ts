import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { baseUrl, gotoReady, launchBrowser, openPage, routeDistricts, saveScreenshot, waitReady } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const headline = (district: string, indicator: string) =>
  `.headlines [data-district="${district}"] [data-indicator="${indicator}"] dd`

describe('dashboard shell', () => {
  it('reaches data-state="ready" with charts drawn and no console errors or CSP violations', async () => {
    const { page, context, errors } = await openPage(browser)
    await gotoReady(page)
    // The first screen: the scorecard, then a chart for each indicator two districts report like-for-like.
    expect(await page.locator('[data-chart="scorecard"] tbody tr[data-indicator]').count()).toBeGreaterThan(20)
    expect(await page.locator('[data-chart^="comparison-"]').count()).toBe(2)
    const chart = page.locator('[data-chart="comparison-unions_founded"]')
    await chart.scrollIntoViewIfNeeded()
    await chart.locator('canvas').waitFor()
    await saveScreenshot(page, 'overview-1440-zh')
    expect(errors).toEqual([])
    await context.close()
  })

  // The overview ships in the first chunk; the other views load on first use, and their chunk arriving is not their
  // charts being drawn.
  it.each(['', 'view=category&category=training', 'view=indicator', 'view=district'])(
    'says ready only when the charts in view are drawn, never before (the benchmark times this moment): ?%s',
    async (query) => {
      const { page, context } = await openPage(browser, { height: 2000 })
      // Every moment data-state was "ready", even for an instant: which chart areas in view then had no chart yet.
      await page.addInitScript(() => {
        const seen: Array<{ inView: number; undrawn: string[] }> = []
        Object.assign(window, { readyMoments: seen })
        const inView = (el: Element): boolean => {
          const box = el.getBoundingClientRect()
          return box.top < innerHeight && box.bottom > 0
        }
        const check = () => {
          const cards = [...document.querySelectorAll<HTMLElement>('[data-chart]')].filter(inView)
          // A chart card's chart area (unless it shows its table); the headline strip is plain text and has none.
          // A card whose title shows at the bottom edge but whose chart area is still below it need not draw yet.
          const undrawn = cards
            .filter((card) => {
              const area = card.querySelector('.chart-card__chart')
              return area && inView(area) && !area.querySelector('canvas')
            })
            .map((card) => card.dataset.chart ?? '')
          seen.push({ inView: cards.length, undrawn })
        }
        new MutationObserver((records) => {
          const wasReady = records.some(
            (r) => r.oldValue === 'ready' || (r.target as HTMLElement).getAttribute('data-state') === 'ready',
          )
          if (wasReady) check()
        }).observe(document, {
          subtree: true,
          attributes: true,
          attributeFilter: ['data-state'],
          attributeOldValue: true,
        })
      })
      await gotoReady(page, query)
      const moments = await page.evaluate(
        () => (window as unknown as { readyMoments: Array<{ inView: number; undrawn: string[] }> }).readyMoments,
      )
      expect(moments.length).toBeGreaterThan(0)
      for (const m of moments) {
        expect(m.inView).toBeGreaterThan(0)
        expect(m.undrawn).toEqual([])
      }
      // The mark the benchmark reads comes after the visible charts' canvases exist.
      const marks = await page.evaluate(() => performance.getEntriesByName('app-ready').length)
      expect(marks).toBe(1)
      // The phases the benchmark reports on the way there, each once and in the order they happen.
      const phases = await page.evaluate(() =>
        ['phase:code', 'phase:data', 'phase:rendered', 'app-ready'].map((n) =>
          performance.getEntriesByName(n).map((e) => e.startTime),
        ),
      )
      for (const times of phases) expect(times).toHaveLength(1)
      const flat = phases.map((times) => times[0] ?? NaN)
      expect(flat).toEqual([...flat].sort((a, b) => a - b))
      await context.close()
    },
  )

  it('draws a chart further down only when it is scrolled into view', async () => {
    const { page, context, errors } = await openPage(browser)
    // Thirteen districts: nine indicators compare, so the overview has charts well below the fold.
    await routeDistricts(page, 13)
    await gotoReady(page)
    const cards = page.locator('.chart-card')
    const last = cards.last()
    const drawn = (): Promise<boolean[]> =>
      cards.evaluateAll((els) => els.map((el) => el.querySelector('.chart-card__chart canvas') !== null))
    await cards.first().scrollIntoViewIfNeeded()
    await cards.first().locator('.chart-card__chart canvas').waitFor()
    const before = await drawn()
    expect(before.length).toBeGreaterThan(6)
    expect(before[0]).toBe(true)
    expect(before.at(-1)).toBe(false)
    await last.scrollIntoViewIfNeeded()
    await last.locator('.chart-card__chart canvas').waitFor()
    // Only charts near the viewport were drawn on the way: those passed over in one jump are still waiting.
    const after = await drawn()
    expect(after.at(-1)).toBe(true)
    expect(after.filter(Boolean).length).toBeLessThan(after.length)
    expect(errors).toEqual([])
    await context.close()
  })

  it('redraws a chart at its new width when the window is resized', async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page, 'view=indicator&indicator=unions_founded')
    const canvas = '[data-chart="comparison-unions_founded"] canvas'
    const cssWidth = () => page.$eval(canvas, (c) => (c as HTMLCanvasElement).getBoundingClientRect().width)
    const box = () => page.$eval('[data-chart="comparison-unions_founded"] .chart-card__chart', (e) => e.clientWidth)
    const before = await cssWidth()
    expect(Math.abs(before - (await box()))).toBeLessThan(2)
    await page.setViewportSize({ width: 1000, height: 900 })
    await expect.poll(async () => Math.abs((await cssWidth()) - (await box()))).toBeLessThan(2)
    // At 1000 px the grid has one column, so the chart is wider than before; either way it must follow its box.
    expect(Math.abs((await cssWidth()) - before)).toBeGreaterThan(50)
    await context.close()
  })

  it('writes a filter change to the URL and redraws the figures', async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page)
    await expect.poll(() => page.textContent(headline('fuyang', 'unions_founded'))).toContain('642')
    await page.selectOption('[data-filter="year"]', '2020')
    await waitReady(page)
    expect(new URL(page.url()).searchParams.get('year')).toBe('2020')
    await expect.poll(() => page.textContent(headline('xiaoshan', 'unions_founded'))).toContain('174')
    expect(await page.textContent(headline('fuyang', 'unions_founded'))).toContain('无数据')
    // Only Xiaoshan reported new unions for 2020: the scorecard shows it, and no one-bar chart stands for it.
    expect(
      await page.textContent(
        '[data-chart="scorecard"] tr[data-indicator="unions_founded"] td[data-district="xiaoshan"]',
      ),
    ).toContain('174')
    expect(await page.locator('[data-chart="comparison-unions_founded"]').count()).toBe(0)
    await page.goBack()
    await waitReady(page)
    expect(new URL(page.url()).searchParams.get('year')).toBeNull()
    await expect.poll(() => page.textContent(headline('fuyang', 'unions_founded'))).toContain('642')
    await context.close()
  })

  it('leaves data-state "ready" while a filter change redraws, and returns only with the new figures drawn', async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page, 'view=indicator&indicator=unions_founded')
    // Each data-state a MutationObserver can see (it runs between tasks, as any tool would), with what was drawn.
    await page.evaluate(() => {
      const app = document.querySelector('.app') as HTMLElement
      const seen: Array<{ state: string | null; takeaway: string }> = []
      Object.assign(window, { seenStates: seen })
      new MutationObserver(() =>
        seen.push({
          state: app.getAttribute('data-state'),
          takeaway:
            document.querySelector('[data-chart="comparison-unions_founded"] [data-takeaway]')?.textContent ?? '',
        }),
      ).observe(app, { attributes: true, attributeFilter: ['data-state'] })
    })
    await page.selectOption('[data-filter="year"]', '2020')
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { seenStates: Array<{ state: string }> }).seenStates.at(-1)?.state),
      )
      .toBe('ready')
    const seen = await page.evaluate(
      () => (window as unknown as { seenStates: Array<{ state: string; takeaway: string }> }).seenStates,
    )
    expect(seen[0]?.state).toBe('loading')
    for (const s of seen.filter((x) => x.state === 'ready')) expect(s.takeaway).toContain('174')
    await context.close()
  })

  it('reproduces the view from a pasted URL, and again after a reload', async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page, 'year=2024&districts=xiaoshan,fuyang&lang=en')
    const check = async () => {
      expect(
        await page
          .locator('.headlines [data-district]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-district'))),
      ).toEqual(['xiaoshan', 'fuyang'])
      expect(await page.getAttribute('[data-filter="districts"] [data-district="xihu"]', 'aria-pressed')).toBe('false')
      expect(await page.inputValue('[data-filter="year"]')).toBe('2024')
      expect(await page.textContent('h1')).toContain('Union Data Dashboard')
    }
    await check()
    await page.reload()
    await waitReady(page)
    await check()
    await context.close()
  })

  it('shows data-state="error" naming the file when a data file is missing', async () => {
    const { page, context } = await openPage(browser)
    await page.route('**/data/metrics.csv*', (route) => route.fulfill({ status: 404, body: 'not found' }))
    await page.goto(baseUrl())
    await page.waitForSelector('[data-state="error"]')
    const text = await page.textContent('[role="alert"]')
    expect(text).toContain('metrics.csv')
    expect(text).toContain('404')
    await context.close()
  })

  it('shows data-state="error" with the line when a data file is corrupt', async () => {
    const { page, context } = await openPage(browser)
    const corrupt =
      'district,indicator,period,value\nxiaoshan,unions_founded,2024,442\nfuyang,unions_founded,2024,12万\n'
    await page.route('**/data/metrics.csv*', (route) =>
      route.fulfill({ status: 200, contentType: 'text/csv', body: corrupt }),
    )
    await page.goto(baseUrl())
    await page.waitForSelector('[data-state="error"]')
    const text = (await page.textContent('[role="alert"]')) ?? ''
    expect(text).toContain('metrics.csv:3')
    expect(text).toContain('12万')
    await context.close()
  })

  it('names the file of each problem when a catalogue file is corrupt', async () => {
    const { page, context } = await openPage(browser)
    const corrupt =
      'id,category,name_zh,name_en,unit,description\nunions_founded,organising,新建基层工会,New unions,万家,x\n'
    await page.route('**/data/indicators.csv*', (route) =>
      route.fulfill({ status: 200, contentType: 'text/csv', body: corrupt }),
    )
    await page.goto(baseUrl())
    await page.waitForSelector('[data-state="error"]')
    const items = await page.locator('.app-error__issues li').allTextContents()
    expect(items.some((t) => t.includes('data/indicators.csv:2') && t.includes('万家'))).toBe(true)
    await context.close()
  })
})
