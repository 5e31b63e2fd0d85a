import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { strFromU8, unzipSync } from 'fflate'
import { baseUrl, gotoReady, launchBrowser, openPage, waitReady } from './browser'

// axe-core injected as a script, as a11y.e2e.ts does (the page's CSP forbids inline script, so the context bypasses it).
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
}

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const CELL = '[data-chart="scorecard"] tr[data-indicator="unions_founded"] td[data-district="xiaoshan"]'
const PANEL = 'dialog[data-panel="provenance"] [data-section="remarks"]'
const TEXT = '核实 <script>window.__pwned = 1</script> 口径'

async function addRemark(page: Page, draft: { text: string; owner: string; due: string }): Promise<void> {
  await page.fill(`${PANEL} textarea[name="text"]`, draft.text)
  await page.fill(`${PANEL} input[name="owner"]`, draft.owner)
  await page.fill(`${PANEL} input[name="due"]`, draft.due)
  await page.click(`${PANEL} [data-action="remark-save"]`)
}

async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()])
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) }
}

describe('remarks and follow-ups', () => {
  it('adds a remark from the scorecard, keeps it over a reload, puts it in the brief, the deck notes and a CSV', async () => {
    const { page, context, errors } = await openPage(browser, { width: 1920, height: 1080 })
    await gotoReady(page)
    expect(await page.locator(`${CELL} [data-field="remarks"]`).count()).toBe(0)

    await page.click(`${CELL} button.scorecard__cell`)
    await page.waitForSelector(PANEL)
    // A remark needs text: the form says so and keeps nothing.
    await page.click(`${PANEL} [data-action="remark-save"]`)
    await page.waitForSelector(`${PANEL} .remark-panel__error`)
    expect(await page.locator(`${PANEL} [data-remark]`).count()).toBe(0)

    await addRemark(page, { text: TEXT, owner: '张三', due: '2030-06-30' })
    await page.waitForSelector(`${PANEL} [data-remark]`)
    // Text, never markup: the tag shows as typed and no script ran.
    expect(await page.textContent(`${PANEL} [data-field="remark-text"]`)).toBe(TEXT)
    expect(await page.locator(`${PANEL} [data-field="remark-text"] script`).count()).toBe(0)
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(await page.textContent(`${PANEL} [data-field="remark-owner"]`)).toBe('张三')
    expect(await page.textContent(`${PANEL} [data-field="remark-due"]`)).toBe('2030-06-30')
    mkdirSync('tests/artifacts', { recursive: true })
    await page
      .locator('dialog[data-panel="provenance"]')
      .screenshot({ path: 'tests/artifacts/remarks-panel-zh-1920.png' })

    await page.keyboard.press('Escape')
    await page.waitForSelector(`${CELL} [data-field="remarks"]`)
    expect(await page.textContent(`${CELL} [data-field="remarks"]`)).toBe('批注 1')
    // The marker is part of the cell button's accessible name.
    const name = await page.locator(`${CELL} button.scorecard__cell`).evaluate((b) => b.textContent ?? '')
    expect(name).toContain('批注 1')

    await page.reload()
    await page.waitForSelector(`${CELL} [data-field="remarks"]`, { timeout: 20_000 })
    expect(await page.textContent(`${CELL} [data-field="remarks"]`)).toBe('批注 1')

    // The brief lists it as an open follow-up.
    await gotoReady(page, 'view=brief')
    await page.waitForSelector('[data-section="follow-ups"] [data-remark]')
    const item = await page.textContent('[data-section="follow-ups"] [data-remark]')
    expect(item).toContain(TEXT)
    expect(item).toContain('张三')

    // The overview deck carries it in the speaker notes of the slide showing the figure.
    await gotoReady(page)
    const view = page.locator('.the-header__tools')
    await view.locator('[data-action="export-view-menu"]').click()
    const pptx = await downloadOf(page, () => view.locator('[data-action="export-view-pptx"]').click())
    const deck = unzipSync(new Uint8Array(pptx.bytes))
    const notes = Object.keys(deck)
      .filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))
      .map((n) => strFromU8(deck[n] ?? new Uint8Array()))
    const withRemark = notes.filter((x) => x.includes('核实 &lt;script&gt;window.__pwned = 1&lt;/script&gt; 口径'))
    expect(withRemark).toHaveLength(1)
    expect(withRemark[0]).toContain('张三')
    expect(withRemark[0]).toContain('2030-06-30')

    // Exported as CSV (BOM, the columns) and imported in a fresh browser profile.
    await page.click(`${CELL} button.scorecard__cell`)
    await page.waitForSelector(PANEL)
    const csv = await downloadOf(page, () => page.click(`${PANEL} [data-action="remarks-export"]`))
    expect(csv.name).toMatch(/\.csv$/)
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csv.bytes.toString('utf8')).toContain('id,district,indicator,period,basis,text,owner,due,state')
    expect(errors).toEqual([])
    await context.close()

    const fresh = await openPage(browser, { width: 1366, height: 768 })
    await gotoReady(fresh.page)
    expect(await fresh.page.locator(`${CELL} [data-field="remarks"]`).count()).toBe(0)
    await fresh.page.click(`${CELL} button.scorecard__cell`)
    await fresh.page.waitForSelector(PANEL)
    // A bad file is refused with line and reason, and changes nothing.
    await fresh.page.setInputFiles(`${PANEL} [data-input="remarks-file"]`, {
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('district,indicator,period,text,due\r\nxiaoshan,unions_founded,2024,x,2025-02-30\r\n'),
    })
    await fresh.page.waitForSelector(`${PANEL} [data-field="remarks-import"]`)
    const refused = await fresh.page.textContent(`${PANEL} [data-field="remarks-import"]`)
    expect(refused).toContain('bad.csv 未导入')
    expect(refused).toMatch(/第 2 行（due 列）：“2025-02-30”不是有效日期/)
    expect(await fresh.page.locator(`${PANEL} [data-remark]`).count()).toBe(0)

    await fresh.page.setInputFiles(`${PANEL} [data-input="remarks-file"]`, {
      name: csv.name,
      mimeType: 'text/csv',
      buffer: csv.bytes,
    })
    await fresh.page.waitForSelector(`${PANEL} [data-remark]`)
    expect(await fresh.page.textContent(`${PANEL} [data-field="remarks-import"]`)).toContain('新增 1 条')
    expect(await fresh.page.textContent(`${PANEL} [data-field="remark-text"]`)).toBe(TEXT)
    await fresh.page
      .locator('dialog[data-panel="provenance"]')
      .screenshot({ path: 'tests/artifacts/remarks-panel-zh-1366.png' })
    await fresh.page.keyboard.press('Escape')
    await fresh.page.waitForSelector(`${CELL} [data-field="remarks"]`)
    await fresh.page
      .locator('[data-chart="scorecard"] tr[data-indicator="unions_founded"]')
      .screenshot({ path: 'tests/artifacts/remarks-scorecard-zh-1366.png' })

    // Editing the state: done remarks leave the brief's open follow-ups.
    await fresh.page.click(`${CELL} button.scorecard__cell`)
    await fresh.page.click(`${PANEL} [data-action="remark-edit"]`)
    await fresh.page.selectOption(`${PANEL} select[name="state"]`, 'done')
    await fresh.page.click(`${PANEL} [data-action="remark-save"]`)
    await fresh.page.waitForSelector(`${PANEL} [data-remark][data-state="done"]`)
    expect(fresh.errors).toEqual([])
    await fresh.context.close()
  })

  it.each([
    [1366, 768],
    [1920, 1080],
  ])('shows the panel in English at %i', async (width, height) => {
    const { page, context, errors } = await openPage(browser, { width, height })
    await gotoReady(page, 'lang=en')
    await page.click(`${CELL} button.scorecard__cell`)
    await page.waitForSelector(PANEL)
    await addRemark(page, { text: 'Check the basis with the district', owner: 'Li', due: '' })
    await page.waitForSelector(`${PANEL} [data-remark]`)
    expect(await page.textContent(`${PANEL} h3`)).toBe('Remarks and follow-ups')
    expect(await page.textContent(`${PANEL} [data-field="remark-due"]`)).toBe('No due date')
    await page
      .locator('dialog[data-panel="provenance"]')
      .screenshot({ path: `tests/artifacts/remarks-panel-en-${width}.png` })
    await page.keyboard.press('Escape')
    await page.waitForSelector(`${CELL} [data-field="remarks"]`)
    expect(await page.textContent(`${CELL} [data-field="remarks"]`)).toBe('Remarks 1')
    expect(errors).toEqual([])
    await context.close()
  })

  it('adds no axe violations: the panel with a remark and an error, and the marked cell', async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      bypassCSP: true,
    })
    const page = await context.newPage()
    await page.goto(baseUrl())
    await waitReady(page)
    await page.click(`${CELL} button.scorecard__cell`)
    await page.waitForSelector(PANEL)
    await addRemark(page, { text: '核实', owner: '张三', due: '2030-01-31' })
    await page.waitForSelector(`${PANEL} [data-remark]`)
    await page.click(`${PANEL} [data-action="remark-save"]`)
    await page.waitForSelector(`${PANEL} .remark-panel__error`)
    expect(await axeViolations(page)).toEqual([])
    await page.keyboard.press('Escape')
    await page.waitForSelector(`${CELL} [data-field="remarks"]`)
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })
})
