import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import { gotoReady, launchBrowser, openPage } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const CARD = '[data-chart="comparison-unions_founded"]'
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** Clicks a menu item and returns the download's suggested name and bytes. */
async function download(page: Page, scope: Locator, item: string): Promise<{ name: string; bytes: Buffer }> {
  const menu = item.startsWith('export-view-') ? 'export-view-menu' : 'export-chart-menu'
  await scope.locator(`[data-action="${menu}"]`).click()
  const [dl] = await Promise.all([page.waitForEvent('download'), scope.locator(`[data-action="${item}"]`).click()])
  const path = await dl.path()
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) }
}

/** Keeps a copy under tests/artifacts/ to look at. */
function keep(name: string, bytes: Buffer): void {
  mkdirSync('tests/artifacts/export', { recursive: true })
  writeFileSync(`tests/artifacts/export/${name}`, bytes)
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE)
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/** Decodes a PNG in the page and reads pixels: the four corners, and how many pixels are dark. */
async function inspectPng(
  page: Page,
  bytes: Buffer,
): Promise<{ corners: number[][]; darkShare: number; topDark: number }> {
  return page.evaluate(async (b64) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = img.naturalWidth
    canvas.height = img.naturalHeight
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no 2d context')
    ctx.drawImage(img, 0, 0)
    const { width: w, height: h } = canvas
    const px = (x: number, y: number): number[] => [...ctx.getImageData(x, y, 1, 1).data]
    const data = ctx.getImageData(0, 0, w, h).data
    let dark = 0
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 100) dark++
    // The heading band (top 8%) holds the title: it must have dark text pixels.
    const top = ctx.getImageData(0, 0, w, Math.round(h * 0.08)).data
    let topDark = 0
    for (let i = 0; i < top.length; i += 4) if ((top[i] ?? 255) < 100) topDark++
    return {
      corners: [px(0, 0), px(w - 1, 0), px(0, h - 1), px(w - 1, h - 1)],
      darkShare: dark / (w * h),
      topDark,
    }
  }, bytes.toString('base64'))
}

async function chartCssSize(page: Page, card: string): Promise<{ width: number; height: number }> {
  return page.$eval(`${card} .chart-card__chart`, (el) => ({ width: el.clientWidth, height: el.clientHeight }))
}

describe('export', () => {
  it('loads no exporter until one is used', async () => {
    const { page, context } = await openPage(browser)
    const scripts: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url())
    })
    await gotoReady(page)
    expect(scripts.filter((u) => /export-jobs|chart-svg|pptx-deck|xlsx|zip-files/.test(u))).toEqual([])
    await context.close()
  })

  it('downloads a chart as a white, opaque 2× PNG with its title inside, named after what and when', async () => {
    const { page, context, errors } = await openPage(browser)
    await gotoReady(page)
    const css = await chartCssSize(page, CARD)
    const png = await download(page, page.locator(CARD), 'export-png-2x')
    keep('chart-2x.png', png.bytes)
    expect(png.name).toBe('新建基层工会_最新_萧山-西湖-钱塘-富阳@2x.png')
    const size = pngSize(png.bytes)
    expect(size.width).toBe(css.width * 2)
    // Taller than the chart by the heading and footnote bands, never by more than the card.
    expect(size.height % 2).toBe(0)
    expect(size.height / 2).toBeGreaterThan(css.height + 40)
    expect(size.height / 2).toBeLessThan(css.height + 200)
    const pixels = await inspectPng(page, png.bytes)
    for (const corner of pixels.corners) expect(corner).toEqual([255, 255, 255, 255])
    expect(pixels.darkShare).toBeGreaterThan(0.002)
    expect(pixels.topDark).toBeGreaterThan(50)
    await expect.poll(() => page.textContent(`${CARD} [data-export-status]`)).toContain(png.name)
    expect(errors).toEqual([])
    await context.close()
  })

  it('offers a 3× PNG of the same chart', async () => {
    const { page, context, errors } = await openPage(browser)
    await gotoReady(page)
    const css = await chartCssSize(page, CARD)
    const png3 = await download(page, page.locator(CARD), 'export-png-3x')
    const png2 = await download(page, page.locator(CARD), 'export-png-2x')
    const s3 = pngSize(png3.bytes)
    const s2 = pngSize(png2.bytes)
    // Two sizes of one chart never overwrite each other in the downloads folder.
    expect(png3.name).toBe('新建基层工会_最新_萧山-西湖-钱塘-富阳@3x.png')
    expect(png2.name).not.toBe(png3.name)
    expect(s3.width).toBe(css.width * 3)
    expect(s3.height / 3).toBe(s2.height / 2)
    expect(errors).toEqual([])
    await context.close()
  })

  it('downloads a chart as an SVG document with its title as text', async () => {
    const { page, context, errors } = await openPage(browser)
    await gotoReady(page)
    const svg = await download(page, page.locator(CARD), 'export-svg')
    keep('chart.svg', svg.bytes)
    expect(svg.name).toBe('新建基层工会_最新_萧山-西湖-钱塘-富阳.svg')
    const text = svg.bytes.toString('utf8')
    expect(text).toMatch(/^<\?xml[^>]*>\s*<svg[\s>]/)
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml')
      return {
        root: doc.documentElement.nodeName,
        error: doc.querySelector('parsererror') !== null,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
        images: doc.querySelectorAll('image').length,
      }
    }, text)
    expect(parsed).toMatchObject({ root: 'svg', error: false, images: 0 })
    expect(parsed.texts).toContain('新建基层工会 · 各区最新')
    expect(parsed.texts.some((t) => t.startsWith('来源：'))).toBe(true)
    expect(text).toContain('Microsoft YaHei')
    expect(errors).toEqual([])
    await context.close()
  })

  it('copies the chart image to the clipboard where the browser allows it', async () => {
    const { page, context, errors } = await openPage(browser)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await gotoReady(page)
    const card = page.locator(CARD)
    await card.locator('[data-action="export-chart-menu"]').click()
    await card.locator('[data-action="export-copy"]').click()
    await expect.poll(() => page.textContent(`${CARD} [data-export-status]`)).toContain('图片已复制')
    const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => item.types))
    expect(types).toContain('image/png')
    expect(errors).toEqual([])
    await context.close()
  })

  it('says clearly when the browser cannot copy images', async () => {
    const { page, context } = await openPage(browser)
    await page.addInitScript(() => {
      Object.defineProperty(window, 'ClipboardItem', { value: undefined })
    })
    await gotoReady(page)
    const card = page.locator(CARD)
    await card.locator('[data-action="export-chart-menu"]').click()
    await card.locator('[data-action="export-copy"]').click()
    await expect.poll(() => page.textContent(`${CARD} [data-export-status]`)).toContain('不支持复制图片')
    await context.close()
  })

  it('downloads one chart’s figures as CSV with a BOM', async () => {
    const { page, context, errors } = await openPage(browser)
    await gotoReady(page)
    const csv = await download(page, page.locator(CARD), 'export-chart-csv')
    expect(csv.name).toBe('新建基层工会_最新_萧山-西湖-钱塘-富阳.csv')
    const text = csv.bytes.toString('utf8')
    expect(
      text.startsWith('\uFEFF区县,指标,时期,数值,单位,数值限定,统计方式,统计口径,性质,来源方式,来源,原文,说明\r\n'),
    ).toBe(true)
    expect(text).toContain('富阳区,新建基层工会,')
    expect(errors).toEqual([])
    await context.close()
  })

  it('works the chart menu from the keyboard and returns focus on Escape', async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page)
    const button = page.locator(`${CARD} [data-action="export-chart-menu"]`)
    await button.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-action')))
      .toBe('export-png-2x')
    await page.keyboard.press('ArrowDown')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('export-png-3x')
    await page.keyboard.press('End')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('export-chart-csv')
    await page.keyboard.press('Escape')
    expect(await button.getAttribute('aria-expanded')).toBe('false')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('export-chart-menu')
    expect(await button.getAttribute('aria-haspopup')).toBe('menu')
    await context.close()
  })

  it('names files in English after the filters on screen', async () => {
    const { page, context, errors } = await openPage(browser)
    await gotoReady(page, 'year=2024&districts=xiaoshan,fuyang&lang=en')
    const png = await download(page, page.locator(CARD), 'export-png-2x')
    expect(png.name).toBe('New base-level unions_2024_Xiaoshan-Fuyang@2x.png')
    keep('chart-en-2024.png', png.bytes)
    expect(errors).toEqual([])
    await context.close()
  })

  it('exports the whole view: a ZIP with one PNG per chart, a deck with charts + 2 slides, CSV and Excel', async () => {
    const { page, context, errors } = await openPage(browser)
    await gotoReady(page)
    // The overview charts the indicators two districts report like-for-like: two with the built-in data.
    const charts = await page.locator('[data-chart-key]').count()
    expect(charts).toBe(2)
    const view = page.locator('.the-header__tools')

    const zip = await download(page, view, 'export-view-zip')
    expect(zip.name).toBe('总览_最新_萧山-西湖-钱塘-富阳.zip')
    const files = unzipSync(new Uint8Array(zip.bytes))
    const pngs = Object.keys(files).filter((n) => n.endsWith('.png'))
    expect(pngs).toHaveLength(charts)
    expect(pngs[0]).toMatch(/^01_/)
    for (const n of pngs) expect([...(files[n] ?? new Uint8Array()).subarray(0, 8)]).toEqual(PNG_SIGNATURE)

    const pptx = await download(page, view, 'export-view-pptx')
    keep('view.pptx', pptx.bytes)
    expect(pptx.name).toBe('总览_最新_萧山-西湖-钱塘-富阳.pptx')
    const deck = unzipSync(new Uint8Array(pptx.bytes))
    expect(strFromU8(deck['ppt/slides/slide1.xml'] ?? new Uint8Array())).toMatch(/<p:ph\s[^>]*type="title"/)
    const slides = Object.keys(deck).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    expect(slides).toHaveLength(charts + 2)
    expect(Object.keys(deck).filter((n) => /^ppt\/media\/.+\.png$/.test(n))).toHaveLength(charts)
    const second = strFromU8(deck['ppt/slides/slide2.xml'] ?? new Uint8Array())
    const takeaway = (await page.textContent('[data-chart-key] [data-takeaway]')) ?? ''
    expect(takeaway.length).toBeGreaterThan(0)
    expect(second).toContain(takeaway.trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
    const last = strFromU8(deck[`ppt/slides/slide${charts + 2}.xml`] ?? new Uint8Array())
    expect(last).toContain('数据来源')

    const csv = await download(page, view, 'export-view-csv')
    expect(csv.name).toBe('总览数据_最新_萧山-西湖-钱塘-富阳.csv')
    const text = csv.bytes.toString('utf8')
    expect(
      text.startsWith('\uFEFF区县,指标,时期,数值,单位,数值限定,统计方式,统计口径,性质,来源方式,来源,原文,说明\r\n'),
    ).toBe(true)
    const rows = text.trim().split('\r\n').length - 1
    expect(rows).toBeGreaterThan(charts)

    const xlsx = await download(page, view, 'export-view-xlsx')
    keep('view.xlsx', xlsx.bytes)
    expect(xlsx.name).toBe('总览数据_最新_萧山-西湖-钱塘-富阳.xlsx')
    const book = unzipSync(new Uint8Array(xlsx.bytes))
    const sheet = strFromU8(book['xl/worksheets/sheet1.xml'] ?? new Uint8Array())
    expect(sheet).toContain('萧山区')
    expect(sheet).toContain('新建基层工会')
    expect((sheet.match(/<row /g) ?? []).length).toBe(rows + 1)

    expect(errors).toEqual([])
    await context.close()
  })

  it('puts each chart into the deck as a sharp image at the slide’s aspect ratio', async () => {
    const { page, context, errors } = await openPage(browser)
    await gotoReady(page, 'view=indicator&indicator=unions_founded')
    const charts = await page.locator('[data-chart-key]').count()
    const pptx = await download(page, page.locator('.the-header__tools'), 'export-view-pptx')
    expect(pptx.name).toBe('指标 · 新建基层工会_最新_萧山-西湖-钱塘-富阳.pptx'.replace(' · ', '·'))
    const deck = unzipSync(new Uint8Array(pptx.bytes))
    const media = Object.keys(deck).filter((n) => /^ppt\/media\/.+\.png$/.test(n))
    expect(media).toHaveLength(charts)
    const first = deck[media[0] ?? ''] ?? new Uint8Array()
    keep('slide-image.png', Buffer.from(first))
    const size = pngSize(Buffer.from(first))
    expect(size.width / size.height).toBeCloseTo(12.333 / 4.6, 1)
    expect(size.width).toBeGreaterThanOrEqual(2400)
    expect(errors).toEqual([])
    await context.close()
  })

  it('exports a district profile’s spreadsheet with all its figures, even with no radar to draw', async () => {
    const { page, context, errors } = await openPage(browser)
    await gotoReady(page, 'view=district&district=xihu')
    const xlsx = await download(page, page.locator('.the-header__tools'), 'export-view-xlsx')
    keep('district-xihu.xlsx', xlsx.bytes)
    expect(xlsx.name).toBe('区县画像·西湖区数据_全部年份.xlsx')
    const sheet = strFromU8(unzipSync(new Uint8Array(xlsx.bytes))['xl/worksheets/sheet1.xml'] ?? new Uint8Array())
    const rows = (sheet.match(/<row /g) ?? []).length - 1
    // Every figure the profile lists (its category tables may show only the first of each), each a row of Xihu's.
    const listed = await page.locator('.district-view__cat tbody tr').count()
    expect(listed).toBeGreaterThan(5)
    expect(rows).toBeGreaterThanOrEqual(listed)
    expect((sheet.match(/>西湖区</g) ?? []).length).toBe(rows)
    expect(sheet).toContain('2018-2022')
    expect(sheet).not.toMatch(/<t xml:space="preserve">'/)
    expect(sheet).toContain('numberStoredAsText="1"')
    expect(errors).toEqual([])
    await context.close()
  })

  it('hides the export menus in print', async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page)
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator(`${CARD} [data-action="export-chart-menu"]`).isVisible()).toBe(false)
    expect(await page.locator('[data-action="export-view-menu"]').isVisible()).toBe(false)
    await context.close()
  })
})
