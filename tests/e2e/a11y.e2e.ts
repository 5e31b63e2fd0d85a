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
