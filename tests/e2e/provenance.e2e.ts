import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import Papa from 'papaparse'
import { baseUrl, gotoReady, launchBrowser, openPage, waitReady } from './browser'

// axe-core's own build, injected as a script (the page's CSP forbids inline script, so that context bypasses it).
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

// The figure opened: Qiantang's 2023 volunteers, written 1.2万 in its report.
const METRIC = Papa.parse<Record<string, string>>(readFileSync('data/metrics.csv', 'utf8'), {
  header: true,
  skipEmptyLines: true,
}).data.find((m) => m.district === 'qiantang' && m.indicator === 'volunteers_recruited' && m.period === '2023')
const PLACE = Number(METRIC?.place)
const KEY = 'qiantang|volunteers_recruited|2023|builtin'

/** A report text of our own: filler paragraphs, then the figure's verbatim quote inside paragraph PLACE. */
function fixtureReport(): string {
  const filler = Array.from({ length: PLACE - 1 }, (_, i) => `（测试段落 ${i + 1}）`)
  return [...filler, `测试前文，${METRIC?.quote ?? ''}，测试后文。`, '（测试结尾）'].join('\n\n')
}

async function openFigure(page: Page, lang: 'zh' | 'en'): Promise<ReturnType<Page['locator']>> {
  await gotoReady(page, `view=table&year=2023&districts=qiantang${lang === 'en' ? '&lang=en' : ''}`)
  await page.click(`tr[data-metric="${KEY}"] td[data-value] button`)
  const panel = page.locator('[data-panel="provenance"]')
  await panel.waitFor({ state: 'visible' })
  return panel
}

describe('provenance panel', () => {
  it('names the report as a person does, marks the figure in the quote and gives its paragraph', async () => {
    expect(PLACE).toBeGreaterThan(0)
    const { page, context, errors } = await openPage(browser, { width: 1366, height: 768 })
    const panel = await openFigure(page, 'zh')
    const report = await panel.locator('[data-field="report"]').textContent()
    expect(report).toContain('钱塘区总工会 2023 年度工作报告')
    expect(report).toContain('《')
    expect(report).toContain('2024 年发布')
    expect(await panel.textContent()).not.toMatch(/\.txt|行 \d/)
    expect(await panel.locator('[data-field="quote"] mark').textContent()).toBe('1.2万')
    expect(await panel.locator('[data-field="place"]').textContent()).toBe(`第 ${PLACE} 段`)
    // No report text is deployed by default: that part stays out, quietly.
    expect(await panel.locator('[data-field="excerpt"]').count()).toBe(0)
    expect(errors.filter((e) => !/404|Failed to load resource/.test(e))).toEqual([])
    await context.close()
  })

  it('shows the quote in its paragraph when the report text is deployed beside the data', async () => {
    mkdirSync('tests/artifacts', { recursive: true })
    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      for (const lang of ['zh', 'en'] as const) {
        const { page, context } = await openPage(browser, { width, height })
        await page.route('**/reports/qiantang-2023.txt', (route) =>
          route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: fixtureReport() }),
        )
        const panel = await openFigure(page, lang)
        const excerpt = panel.locator('[data-field="excerpt"]')
        await excerpt.waitFor()
        expect(await excerpt.locator('[data-paragraph]').getAttribute('data-paragraph')).toBe(String(PLACE))
        expect(await excerpt.locator('mark').textContent()).toBe(METRIC?.quote)
        expect(await excerpt.textContent()).toContain('测试前文')
        if (lang === 'en') {
          expect(await panel.locator('[data-field="report"]').textContent()).toContain(
            'Qiantang union, 2023 annual report',
          )
          expect(await panel.locator('[data-field="place"]').textContent()).toBe(`paragraph ${PLACE}`)
        }
        await page.screenshot({ path: `tests/artifacts/tableprov-provenance-${width}-${lang}.png` })
        await context.close()
      }
    }
  })

  it('keeps axe-core quiet with the report paragraph shown', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      bypassCSP: true,
    })
    const page = await context.newPage()
    await page.route('**/reports/qiantang-2023.txt', (route) =>
      route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: fixtureReport() }),
    )
    await page.goto(`${baseUrl()}?view=table&year=2023&districts=qiantang`)
    await waitReady(page)
    await page.click(`tr[data-metric="${KEY}"] td[data-value] button`)
    await page.locator('[data-panel="provenance"] [data-field="excerpt"]').waitFor()
    await page.addScriptTag({ content: AXE_SOURCE })
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe
      const result = await axe.run(document, { resultTypes: ['violations'] })
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    })
    expect(violations).toEqual([])
    await context.close()
  })
})
