import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { gotoReady, launchBrowser, openPage, routeDistricts, saveScreenshot } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const OVERLAY = '[data-presentation]'
const slideNumber = (page: Page): Promise<string | null> => page.getAttribute(OVERLAY, 'data-slide')

async function open(page: Page): Promise<void> {
  await page.click('[data-action="present"]')
  await page.waitForSelector(OVERLAY)
  await page.waitForSelector(`${OVERLAY} canvas`)
}

/** A slide whose chart has finished drawing (animation included). */
const DRAWN = `${OVERLAY} [data-drawn="true"]`
const SLIDE_BG = { light: 'rgb(255, 255, 255)', dark: 'rgb(11, 18, 32)' } as const

/**
 * What "looks right" means for a slide, measured: it fills the screen in the theme's colours (page and chart), its
 * title is large and in the chosen language, the chart takes most of the slide, and nothing is cut off or scrolls.
 */
async function expectSlideLooksRight(page: Page, lang: 'zh' | 'en', theme: 'light' | 'dark'): Promise<void> {
  await page.waitForSelector(`${OVERLAY}[data-theme="${theme}"] [data-drawn="true"]`)
  const m = await page.$eval(OVERLAY, (el) => {
    const box = (sel: string): DOMRect => (el.querySelector(sel) ?? el).getBoundingClientRect()
    const title = el.querySelector('.presentation-slide__title')
    return {
      overlay: el.getBoundingClientRect().toJSON() as DOMRect,
      background: getComputedStyle(el).backgroundColor,
      scrolls: el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth,
      title: title?.textContent?.trim() ?? '',
      titleSize: title ? parseFloat(getComputedStyle(title).fontSize) : 0,
      titleClipped: title ? title.scrollWidth > title.clientWidth : true,
      canvas: box('canvas').toJSON() as DOMRect,
      foot: box('.presentation-slide__foot').toJSON() as DOMRect,
      bar: box('.presentation__bar').toJSON() as DOMRect,
    }
  })
  expect(m.overlay).toMatchObject({ x: 0, y: 0, width: 1920, height: 1080 })
  expect(m.background).toBe(SLIDE_BG[theme])
  expect(await canvasCorner(page)).toEqual(SLIDE_BG[theme].match(/\d+/g)?.map(Number))
  expect(m.scrolls).toBe(false)
  expect(m.titleSize).toBeGreaterThanOrEqual(35)
  expect(m.titleClipped).toBe(false)
  if (lang === 'zh') expect(m.title).toMatch(/[\u4e00-\u9fff]/)
  else expect(m.title).not.toMatch(/[\u4e00-\u9fff]/)
  // The chart takes most of the slide; the sources line and the control bar sit below it, inside the screen.
  expect(m.canvas.width).toBeGreaterThan(0.85 * 1920)
  expect(m.canvas.height).toBeGreaterThan(0.5 * 1080)
  expect(m.foot.top).toBeGreaterThanOrEqual(m.canvas.bottom - 1)
  expect(m.bar.bottom).toBeLessThanOrEqual(1080)
  expect(m.foot.bottom).toBeLessThanOrEqual(m.bar.top + 1)
}

/** The colour of a pixel near the top-left corner of the slide's chart canvas. */
function canvasCorner(page: Page): Promise<number[]> {
  return page.$eval(`${OVERLAY} canvas`, (c) => {
    const canvas = c as HTMLCanvasElement
    const ctx = canvas.getContext('2d')
    return ctx ? [...ctx.getImageData(2, 2, 1, 1).data].slice(0, 3) : []
  })
}

describe('presentation mode', () => {
  it('opens from the launcher on slide 1 with the first chart, navigates by keyboard and closes with Esc', async () => {
    const { page, context, errors } = await openPage(browser, { width: 1920, height: 1080 })
    // Thirteen districts, so the overview has enough charts to page through.
    await routeDistricts(page, 13)
    await gotoReady(page)
    const firstTitle = (await page.textContent('.chart-card .chart-card__title'))?.trim()
    const cards = await page.locator('.chart-card').count()
    expect(firstTitle).toBeTruthy()

    await open(page)
    expect(await slideNumber(page)).toBe('1')
    expect((await page.textContent(`${OVERLAY} .presentation-slide__title`))?.trim()).toBe(firstTitle)
    expect((await page.textContent('[data-slide-counter]'))?.replace(/\s+/g, ' ').trim()).toBe(`1 / ${cards}`)
    // Large type: the slide title is at least 2.2rem.
    const sizes = await page.$eval(`${OVERLAY} .presentation-slide__title`, (el) => ({
      title: parseFloat(getComputedStyle(el).fontSize),
      rem: parseFloat(getComputedStyle(document.documentElement).fontSize),
    }))
    expect(sizes.title).toBeGreaterThanOrEqual(2.2 * sizes.rem)

    await page.keyboard.press('ArrowRight')
    expect(await slideNumber(page)).toBe('2')
    await page.keyboard.press('PageDown')
    expect(await slideNumber(page)).toBe('3')
    await page.keyboard.press('Space')
    expect(await slideNumber(page)).toBe('4')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('PageUp')
    expect(await slideNumber(page)).toBe('2')
    await page.keyboard.press('End')
    expect(await slideNumber(page)).toBe(String(cards))
    await page.keyboard.press('ArrowRight')
    expect(await slideNumber(page)).toBe(String(cards))
    await page.keyboard.press('Home')
    expect(await slideNumber(page)).toBe('1')

    await page.keyboard.press('Escape')
    await page.waitForSelector(OVERLAY, { state: 'detached' })
    expect(await page.isVisible('.dashboard__main .chart-card')).toBe(true)
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull()
    expect(errors).toEqual([])
    await context.close()
  })

  it('presents only the charts left ticked in the chooser', async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page)
    const cards = await page.locator('.chart-card').count()
    await page.click('[data-action="present-options"]')
    await saveScreenshot(page, 'presentation-menu-1440-zh')
    const boxes = page.locator('[data-slide-choice]')
    expect(await boxes.count()).toBe(cards)
    const second = await boxes.nth(1).getAttribute('data-slide-choice')
    await boxes.nth(0).uncheck()
    await page.click('[data-action="present-start"]')
    await page.waitForSelector(OVERLAY)
    expect((await page.textContent('[data-slide-counter]'))?.replace(/\s+/g, ' ').trim()).toBe(`1 / ${cards - 1}`)
    expect(await page.getAttribute(`${OVERLAY} .presentation-slide`, 'data-chart')).toBe(second)
    await page.keyboard.press('Escape')
    await page.waitForSelector(OVERLAY, { state: 'detached' })
    await context.close()
  })

  it('switches to the dark big-screen theme: dark slide and chart background, light text', async () => {
    const { page, context, errors } = await openPage(browser, { width: 1920, height: 1080 })
    await gotoReady(page)
    await open(page)
    const bg = (): Promise<string> => page.$eval(OVERLAY, (el) => getComputedStyle(el).backgroundColor)
    expect(await bg()).toBe('rgb(255, 255, 255)')
    await page.waitForSelector(DRAWN)
    expect(await canvasCorner(page)).toEqual([255, 255, 255])
    await page.click('[data-action="slide-theme"]')
    await expect.poll(bg).toBe('rgb(11, 18, 32)')
    expect(await page.getAttribute(OVERLAY, 'data-theme')).toBe('dark')
    await page.waitForSelector(`${OVERLAY} canvas`)
    await expect.poll(() => canvasCorner(page)).toEqual([11, 18, 32])
    const title = await page.$eval(`${OVERLAY} .presentation-slide__title`, (el) => getComputedStyle(el).color)
    expect(title).toBe('rgb(242, 244, 247)')
    // The choice sticks for the next meeting on this machine.
    await page.keyboard.press('Escape')
    await page.waitForSelector(OVERLAY, { state: 'detached' })
    await open(page)
    expect(await page.getAttribute(OVERLAY, 'data-theme')).toBe('dark')
    await page.click('[data-action="slide-theme"]')
    expect(errors).toEqual([])
    await context.close()
  })

  it('auto-advances when chosen, and any key pauses it', async () => {
    const { page, context } = await openPage(browser)
    // The page's clock is ours: the test moves it by the 10 s interval instead of waiting for it.
    await page.clock.install()
    await gotoReady(page)
    await page.click('[data-action="present-options"]')
    await page.selectOption('[data-auto-advance]', '10')
    await page.click('[data-action="present-start"]')
    await page.waitForSelector(OVERLAY)
    expect(await slideNumber(page)).toBe('1')
    await page.clock.runFor(9_000)
    expect(await slideNumber(page)).toBe('1')
    await page.clock.runFor(1_000)
    await expect.poll(() => slideNumber(page)).toBe('2')
    await page.keyboard.press('Shift')
    expect(await page.getAttribute('[data-action="slide-auto"]', 'aria-pressed')).toBe('false')
    await page.clock.runFor(30_000)
    expect(await slideNumber(page)).toBe('2')
    // Back to "off" so other tests on this browser profile start without it.
    await page.keyboard.press('Escape')
    await page.click('[data-action="present-options"]')
    await page.selectOption('[data-auto-advance]', '0')
    await context.close()
  }, 40_000)

  it('looks right at 1920×1080 in light and dark, Chinese and English: full-screen slide, readable, nothing cut off (screenshots in tests/artifacts/)', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const { page, context, errors } = await openPage(browser, { width: 1920, height: 1080 })
      await gotoReady(page, lang === 'en' ? 'lang=en' : '')
      await open(page)
      await expectSlideLooksRight(page, lang, 'light')
      await saveScreenshot(page, `presentation-1920-${lang}-light`)
      await page.click('[data-action="slide-theme"]')
      await page.keyboard.press('ArrowRight')
      await expectSlideLooksRight(page, lang, 'dark')
      await saveScreenshot(page, `presentation-1920-${lang}-dark`)
      await page.click('[data-action="slide-theme"]')
      await page.keyboard.press('Escape')
      // The other chart kind with built-in data: the trend (indicator view), in dark. The built-in figures give no
      // district three like-for-like axes, so no radar is drawn (the radar's option builder has its unit tests).
      for (const [name, query] of [['trend', 'view=indicator&indicator=unions_founded']] as const) {
        await gotoReady(page, `${query}${lang === 'en' ? '&lang=en' : ''}`)
        await open(page)
        await page.keyboard.press('End')
        await page.click('[data-action="slide-theme"]')
        expect(await page.getAttribute(`${OVERLAY} .presentation-slide`, 'data-chart')).toMatch(
          name === 'trend' ? /^trend-/ : /radar/,
        )
        await expectSlideLooksRight(page, lang, 'dark')
        await saveScreenshot(page, `presentation-1920-${lang}-dark-${name}`)
        await page.click('[data-action="slide-theme"]')
        await page.keyboard.press('Escape')
      }
      expect(errors).toEqual([])
      await context.close()
    }
  })
})
