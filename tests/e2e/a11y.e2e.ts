import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { baseUrl, launchBrowser, waitReady } from './browser'

// axe-core's own build, injected as a script: the page's CSP forbids inline script, so these contexts bypass it.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

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
  ['district', 'view=district&district=fuyang'],
  ['table', 'view=table'],
  ['brief', 'view=brief'],
]

async function open(query: string, width = 1440, height = 900): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', bypassCSP: true })
  const page = await context.newPage()
  await page.goto(baseUrl() + (query ? `?${query}` : ''))
  await waitReady(page)
  return { page, close: () => context.close() }
}

/** One line per axe violation: rule, impact, what it means, and the offending nodes with axe's summary. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
    }))
  })
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`)
}

describe('axe-core', () => {
  for (const [name, query] of VIEWS) {
    for (const lang of ['zh', 'en'] as const) {
      it(`finds no violations on the ${name} view in ${lang}`, async () => {
        const { page, close } = await open([query, lang === 'en' ? 'lang=en' : ''].filter(Boolean).join('&'))
        expect(await page.getAttribute('main', 'data-view')).toBe(name)
        const violations = await axeViolations(page)
        expect(violations, `axe violations on ${name} (${lang}):\n${violations.join('\n')}`).toEqual([])
        await close()
      })
    }
  }
})

describe('chart labels', () => {
  it('reads a chart’s title and takeaway with the punctuation of the page’s language', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const { page, close } = await open(lang === 'en' ? 'lang=en' : '')
      const labels = await page.$$eval('.chart-card__chart[role="img"]', (els) =>
        els.map((el) => el.getAttribute('aria-label') ?? ''),
      )
      const withTakeaway = labels.filter((l) => (lang === 'en' ? l.includes('. ') : l.includes('。')))
      expect(withTakeaway.length, `${lang}: ${labels.join(' | ')}`).toBeGreaterThan(0)
      if (lang === 'en') expect(labels.filter((l) => /[。；：]/.test(l))).toEqual([])
      await close()
    }
  })
})

describe('axe-core on panels over a view', () => {
  it('finds no violations with the import panel open', async () => {
    const { page, close } = await open('')
    await page.click('[data-action="import"]')
    await page.waitForSelector('[data-panel="import"]')
    const violations = await axeViolations(page)
    expect(violations, `axe violations with the import panel open:\n${violations.join('\n')}`).toEqual([])
    await close()
  })

  it('finds no violations with an import applied and the import panel closed (the strip shows)', async () => {
    const { page, close } = await open('')
    await page.click('[data-action="import"]')
    await page.setInputFiles('[data-import-input]', {
      name: 'xihu.csv',
      mimeType: 'text/csv',
      buffer: readFileSync('tests/fixtures/csv/e2e-valid-xihu.csv'),
    })
    await page.waitForSelector('[data-import-result]', { timeout: 30_000 })
    await page.waitForSelector('[data-storage="saving"]', { state: 'detached' })
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-panel="import-strip"]')
    await waitReady(page)
    const violations = await axeViolations(page)
    expect(violations, `axe violations with the import strip:\n${violations.join('\n')}`).toEqual([])
    // Opened from the strip's button, the panel gives focus back to that button on Esc.
    await page.click('[data-action="manage-imports"]')
    await page.waitForSelector('[data-panel="import"]')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-panel="import-strip"]')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('manage-imports')
    await close()
  })

  it('finds no violations in presentation mode', async () => {
    const { page, close } = await open('')
    await page.click('[data-action="present"]')
    await page.waitForSelector('[data-presentation] canvas')
    const violations = await axeViolations(page)
    expect(violations, `axe violations in presentation mode:\n${violations.join('\n')}`).toEqual([])
    await close()
  })

  it('finds no violations with the provenance panel open', async () => {
    const { page, close } = await open('view=indicator&indicator=unions_founded&year=2024')
    await page.focus('[data-chart="comparison-unions_founded"] .chart-card__chart')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-panel="provenance"]', { state: 'visible' })
    const violations = await axeViolations(page)
    expect(violations, `axe violations with the provenance panel open:\n${violations.join('\n')}`).toEqual([])
    await close()
  })
})

/** Waits until the URL query's `name` is `value` (null: absent). */
async function waitParam(page: Page, name: string, value: string | null): Promise<void> {
  await page.waitForFunction(([n, v]) => new URLSearchParams(location.search).get(n ?? '') === v, [name, value])
}

describe('keyboard', () => {
  it('moves the category tab selection with ←/→/Home/End, keeping one tab in the tab order', async () => {
    const { page, close } = await open('view=category&category=welfare')
    const state = (): Promise<{ selected: string[]; focused: string; tabbable: string[]; panelLabel: string }> =>
      page.evaluate(() => {
        const tabs = [...document.querySelectorAll<HTMLElement>('[role="tablist"] [role="tab"]')]
        const selected = tabs.filter((t) => t.getAttribute('aria-selected') === 'true')
        const panel = document.getElementById(selected[0]?.getAttribute('aria-controls') ?? '')
        return {
          selected: selected.map((t) => t.dataset.category ?? ''),
          focused: (document.activeElement as HTMLElement | null)?.dataset.category ?? '',
          tabbable: tabs.filter((t) => t.tabIndex === 0).map((t) => t.dataset.category ?? ''),
          panelLabel: panel?.getAttribute('role') === 'tabpanel' ? (panel.getAttribute('aria-labelledby') ?? '') : '',
        }
      })
    await page.focus('[role="tab"][aria-selected="true"]')
    const first = await state()
    expect(first).toMatchObject({ selected: ['welfare'], focused: 'welfare', tabbable: ['welfare'] })
    expect(first.panelLabel).toBe(await page.getAttribute('[data-category="welfare"]', 'id'))

    const steps: Array<[string, string]> = [
      ['ArrowRight', 'rights'],
      ['ArrowRight', 'outreach'],
      ['ArrowRight', 'organising'], // wraps
      ['ArrowLeft', 'outreach'], // wraps back
      ['Home', 'organising'],
      ['End', 'outreach'],
      ['ArrowLeft', 'rights'],
    ]
    for (const [key, category] of steps) {
      await page.keyboard.press(key)
      await waitParam(page, 'category', category)
      expect(await state(), `${key} → ${category}`).toMatchObject({
        selected: [category],
        focused: category,
        tabbable: [category],
      })
    }
    await waitReady(page)
    // The whole run of arrow keys is one history entry: Back returns to the tab chosen before it.
    await page.goBack()
    await waitParam(page, 'category', 'welfare')
    expect((await state()).selected).toEqual(['welfare'])
    await close()
  })

  it('closes the import panel with Esc and gives focus back to the button that opened it', async () => {
    const { page, close } = await open('')
    const button = '[data-action="import"]'
    // Opened by mouse: focus goes to the panel's heading.
    await page.click(button)
    await page.waitForSelector('[data-panel="import"]')
    await page.waitForFunction(() => document.activeElement?.id === 'dataset-panel-title')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-panel="import"]', { state: 'detached' })
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('import')
    expect(await page.getAttribute(button, 'aria-expanded')).toBe('false')

    // Opened from the keyboard, Esc pressed on a control inside the panel.
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-panel="import"]')
    await page.focus('[data-download="template"]')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-panel="import"]', { state: 'detached' })
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('import')
    await close()
  })

  it('makes one history entry per run of arrow keys through the year select, so Back goes to the year chosen before', async () => {
    const { page, close } = await open('')
    const select = '[data-filter="year"]'
    const years = await page.$$eval(`${select} option`, (os) => os.map((o) => (o as HTMLOptionElement).value))
    expect(years[0]).toBe('latest')
    const [y1, y2, y3] = years.slice(1)
    expect(y3).toBeDefined()

    await page.focus(select)
    await page.keyboard.press('ArrowDown')
    await waitParam(page, 'year', y1 ?? '')
    await page.keyboard.press('ArrowDown')
    await waitParam(page, 'year', y2 ?? '')
    await waitReady(page)
    // Leaving the select ends the run: the next step is a new entry.
    await page.keyboard.press('Tab')
    await page.focus(select)
    await page.keyboard.press('ArrowDown')
    await waitParam(page, 'year', y3 ?? '')
    await waitReady(page)

    await page.goBack()
    await waitParam(page, 'year', y2 ?? '')
    expect(await page.inputValue(select)).toBe(y2)
    await page.goBack()
    await waitParam(page, 'year', null)
    expect(await page.inputValue(select)).toBe('latest')

    // A choice made in the list (no arrow keys) is its own entry, each time.
    await page.selectOption(select, y1 ?? '')
    await waitParam(page, 'year', y1 ?? '')
    await page.selectOption(select, y3 ?? '')
    await waitParam(page, 'year', y3 ?? '')
    await waitReady(page)
    await page.goBack()
    await waitParam(page, 'year', y1 ?? '')
    await close()
  })
})
