import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { baseUrl, gotoReady, launchBrowser, openPage, waitReady, waitSavedImports } from './browser'

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const SHOTS = 'tests/artifacts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

// Fuyang's 2024 unions founded, revised from the report's 642 to 650 by a staff file naming the same report.
const REVISED = Buffer.from('district,indicator,period,value,source\nfuyang,unions_founded,2024,650,fuyang-2024\n')
const ROW = '[data-snapshot-list="revised"] tr[data-key="fuyang|unions_founded|2024||achieved"]'

async function importCsv(page: Page, name: string, buffer: Buffer): Promise<void> {
  if ((await page.locator('#dataset-panel').count()) === 0) await page.click('[data-action="import"]')
  await page.setInputFiles('[data-import-input]', { name, mimeType: 'text/csv', buffer })
  await page.waitForSelector('[data-import-result="accepted"]', { timeout: 30_000 })
  await page.waitForSelector('[data-storage="saving"]', { state: 'detached' })
  await page.click('[data-action="close-import"]')
  await waitReady(page)
}

async function openPanel(page: Page): Promise<void> {
  if ((await page.locator('#snapshot-panel').count()) === 0) await page.click('[data-action="snapshots"]')
  await page.waitForSelector('#snapshot-panel')
}

async function markMeeting(page: Page, name: string): Promise<void> {
  await openPanel(page)
  await page.fill('#snapshot-name', name)
  await page.click('[data-action="mark-meeting"]:not([disabled])')
  await page.waitForSelector('[data-snapshot-result="marked"]')
}

/** The revised row's change and source cells. */
async function revisedRow(page: Page): Promise<{ change: string; source: string }> {
  const row = page.locator(ROW)
  await row.waitFor()
  return {
    change: ((await row.locator('[data-field="change"]').textContent()) ?? '').replace(/\s+/g, ' ').trim(),
    source: (await row.locator('[data-field="source"]').textContent()) ?? '',
  }
}

describe('meeting snapshots (本次会议)', () => {
  it('marks a meeting, lists a revised figure with its source, keeps it over a reload, and travels as a file', async () => {
    const { page, context, errors } = await openPage(browser)
    await gotoReady(page)
    await markMeeting(page, '一季度例会')
    expect(await page.textContent('[data-snapshot-summary]')).toContain('数据没有变化')

    await importCsv(page, 'fuyang-revised.csv', REVISED)
    const row = await revisedRow(page)
    expect(row.change).toBe('642 → 650家')
    expect(row.source).toContain('上次：富阳区总工会 2024 年工作报道')
    expect(row.source).toContain('现在：富阳区总工会 2024 年工作报道（导入：fuyang-revised.csv）')
    expect(await page.textContent('[data-snapshot-summary]')).toMatch(/自「一季度例会」.*修订 1 项/)
    expect(await page.locator('[data-snapshot-list="added"]').count()).toBe(0)
    expect(await page.locator('[data-snapshot-list="removed"]').count()).toBe(0)

    await page.reload()
    await waitSavedImports(page)
    await openPanel(page)
    expect((await revisedRow(page)).change).toBe('642 → 650家')
    expect(await page.locator('[data-snapshot-choose] option').allTextContents()).toEqual([
      expect.stringContaining('一季度例会'),
    ])

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-snapshot"]')])
    expect(download.suggestedFilename()).toMatch(/^会议快照-一季度例会-\d{4}-\d{2}-\d{2}\.json$/)
    const file = readFileSync((await download.path()) ?? '')
    expect(errors).toEqual([])
    await context.close()

    // Another computer: a fresh browser with the same revised figure compares against the exported file.
    const other = await openPage(browser)
    await gotoReady(other.page)
    await importCsv(other.page, 'fuyang-revised.csv', REVISED)
    await openPanel(other.page)
    expect(await other.page.locator('[data-snapshot-empty]').count()).toBe(1)
    await other.page.setInputFiles('[data-snapshot-input]', {
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: file,
    })
    await other.page.waitForSelector('[data-snapshot-result="imported"]')
    const again = await revisedRow(other.page)
    expect(again.change).toBe('642 → 650家')
    expect(again.source).toContain('上次：富阳区总工会 2024 年工作报道')
    expect(other.errors).toEqual([])
    await other.context.close()
  })

  it('refuses a damaged snapshot file, saying what is wrong, and keeps the one loaded', async () => {
    const { page, context, errors } = await openPage(browser)
    await gotoReady(page, 'lang=en')
    await markMeeting(page, 'Q1 review')
    const bad = Buffer.from('{"kind":"union-dashboard-snapshot","version":1,"id":"x","name":"n","takenAt":"2025-01')
    await page.setInputFiles('[data-snapshot-input]', {
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: bad,
    })
    const alert = page.locator('[role="alert"][data-snapshot-result="rejected"]')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('“broken.json” is not a usable meeting snapshot; nothing was changed.')
    expect(await alert.textContent()).toContain('not valid JSON')
    expect(await page.locator('[data-snapshot-choose] option').allTextContents()).toEqual([
      expect.stringContaining('Q1 review'),
    ])
    expect(await page.textContent('[data-snapshot-summary]')).toContain('No figure has changed since “Q1 review”')
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows another tab the meeting this tab marked', async () => {
    const { page, context, errors } = await openPage(browser)
    await gotoReady(page)
    const second = await context.newPage()
    await second.goto(baseUrl())
    await waitReady(second)
    await openPanel(second)
    expect(await second.locator('[data-snapshot-empty]').count()).toBe(1)
    await markMeeting(page, '跨标签页')
    await second.waitForSelector('[data-snapshot-choose] option', { state: 'attached', timeout: 10_000 })
    expect(await second.locator('[data-snapshot-choose] option').allTextContents()).toEqual([
      expect.stringContaining('跨标签页'),
    ])
    expect(errors).toEqual([])
    await context.close()
  })

  it('has no axe violations with the panel open, and closes with Esc back to its button', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        locale: 'zh-CN',
        bypassCSP: true,
      })
      const page = await context.newPage()
      await gotoReady(page, lang === 'en' ? 'lang=en' : '')
      await markMeeting(page, 'Q1')
      await importCsv(page, 'fuyang-revised.csv', REVISED)
      await page.locator(ROW).waitFor()
      await page.addScriptTag({ content: AXE_SOURCE })
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: typeof import('axe-core') }).axe
        const result = await axe.run('#snapshot-panel', { resultTypes: ['violations'] })
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
      })
      expect(violations, lang).toEqual([])
      await page.focus('#snapshot-name')
      await page.keyboard.press('Escape')
      await page.waitForSelector('#snapshot-panel', { state: 'detached' })
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('snapshots')
      await context.close()
    }
  })

  it('screenshots the panel at 1366 and 1920, zh and en', async () => {
    mkdirSync(SHOTS, { recursive: true })
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ] as const)
      for (const lang of ['zh-CN', 'en']) {
        const { page, context } = await openPage(browser, { width, height })
        await gotoReady(page, lang === 'en' ? 'lang=en' : '')
        await markMeeting(page, lang === 'en' ? 'Q1 review' : '一季度例会')
        const csv = `${REVISED.toString()}xihu,unions_founded,2025,120,\n`
        await importCsv(page, 'fuyang-revised.csv', Buffer.from(csv))
        await page.locator(ROW).waitFor()
        await page.screenshot({ path: `${SHOTS}/snapshot-panel-${width}-${lang}.png` })
        await context.close()
      }
  })
})
