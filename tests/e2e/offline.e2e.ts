import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { execSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gotoReady, launchBrowser, openPage, waitReady } from './browser'
import { cspHashSource, inlineScriptTexts, parseEmbeddedData } from '../../src/offline/offline-html'

const OFFLINE_FILE = 'dist-offline/union-dashboard.html'

let browser: Browser
beforeAll(async () => {
  // OFFLINE_PREBUILT=1 tests the file a previous `npm run build:offline` left (the build also drops
  // offline-template.html into dist/ for the online app's download).
  if (process.env.OFFLINE_PREBUILT !== '1' || !existsSync(OFFLINE_FILE))
    execSync('npm run build:offline', { stdio: 'inherit' })
  browser = await launchBrowser()
}, 180_000)
afterAll(async () => {
  await browser?.close()
})

/** Records CSP violations as the page reports them (console messages may be worded differently per version). */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const list: string[] = []
    Object.defineProperty(window, '__cspViolations', { value: list })
    document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`))
  })
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)
}

describe('offline copy', () => {
  it('is one file: no external script, stylesheet or asset reference, and a hash CSP matching its script', async () => {
    const html = readFileSync(OFFLINE_FILE, 'utf8')
    expect(html).not.toMatch(/<script[^>]+src=/i)
    expect(html).not.toMatch(/<link[^>]+rel="(stylesheet|modulepreload)"/i)
    expect(html).not.toMatch(/\.\/assets\//)
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? ''
    const scripts = inlineScriptTexts(html)
    expect(scripts).toHaveLength(1)
    expect(csp).toContain(`script-src ${await cspHashSource(scripts[0] ?? '')};`)
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/)
    const block = /<script type="application\/json" id="embedded-data">([^<]*)<\/script>/.exec(html)?.[1]
    const data = parseEmbeddedData(block)
    expect(data?.builtIn.metrics).toBe(readFileSync('data/metrics.csv', 'utf8'))
  })

  it('is the production build, here and as the template the online app offers for download', () => {
    // Vitest runs with NODE_ENV=test; a build that inherited it would be Vue's development build.
    for (const file of [OFFLINE_FILE, 'dist-offline/offline-template.html', 'dist/offline-template.html']) {
      const html = readFileSync(file, 'utf8')
      expect(html, file).not.toContain('[Vue warn]')
      expect(html, file).not.toContain('__VUE_HMR_RUNTIME__')
      expect(html, file).not.toContain(process.cwd())
    }
    expect(readFileSync('dist/offline-template.html', 'utf8')).toBe(
      readFileSync('dist-offline/offline-template.html', 'utf8'),
    )
  })

  it('opens from file:// without network, reaches ready with no console errors or CSP violations, and presents', async () => {
    const { page, context, errors } = await openPage(browser, { width: 1920, height: 1080 })
    const violations = await watchCsp(page)
    const requests: string[] = []
    page.on('request', (r) => {
      if (!/^(file|data|blob):/.test(r.url())) requests.push(r.url())
    })
    await context.setOffline(true)
    await page.goto(pathToFileURL(resolve(OFFLINE_FILE)).href)
    await waitReady(page)
    expect(await page.locator('[data-chart="scorecard"] tbody tr[data-indicator]').count()).toBeGreaterThan(20)
    expect(await page.locator('[data-chart^="comparison-"]').count()).toBe(2)
    await page.locator('[data-chart="comparison-unions_founded"]').scrollIntoViewIfNeeded()
    await page.locator('[data-chart="comparison-unions_founded"] canvas').waitFor()

    // Filters still live in the URL query under file://.
    await page.selectOption('[data-filter="year"]', '2024')
    await waitReady(page)
    expect(new URL(page.url()).searchParams.get('year')).toBe('2024')

    await page.click('[data-action="present"]')
    await page.waitForSelector('[data-presentation] canvas')
    expect(await page.getAttribute('[data-presentation]', 'data-slide')).toBe('1')
    await page.keyboard.press('ArrowRight')
    expect(await page.getAttribute('[data-presentation]', 'data-slide')).toBe('2')
    await page.click('[data-action="slide-theme"]')
    await expect
      .poll(() => page.$eval('[data-presentation]', (el) => getComputedStyle(el).backgroundColor))
      .toBe('rgb(11, 18, 32)')
    await page.click('[data-action="slide-theme"]')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-presentation]', { state: 'detached' })

    expect(errors).toEqual([])
    expect(await violations()).toEqual([])
    expect(requests).toEqual([])
    await context.close()
  })

  it('downloads an offline copy from the online app that opens from file:// with the same data', async () => {
    expect(existsSync('dist/offline-template.html')).toBe(true)
    const { page, context, errors } = await openPage(browser)
    await gotoReady(page)
    await page.click('[data-action="present-options"]')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-action="download-offline"]'),
    ])
    expect(download.suggestedFilename()).toMatch(/^工会数据看板-离线版-\d{4}-\d{2}-\d{2}\.html$/)
    mkdirSync('tests/artifacts', { recursive: true })
    const saved = resolve('tests/artifacts/downloaded-offline-copy.html')
    await download.saveAs(saved)
    const html = readFileSync(saved, 'utf8')
    expect(parseEmbeddedData(/id="embedded-data">([^<]*)</.exec(html)?.[1])?.builtIn.districts).toBe(
      readFileSync('data/districts.csv', 'utf8'),
    )
    await context.close()

    const offline = await openPage(browser)
    const violations = await watchCsp(offline.page)
    await offline.context.setOffline(true)
    await offline.page.goto(pathToFileURL(saved).href)
    await waitReady(offline.page)
    expect(await offline.page.locator('[data-chart="scorecard"] tbody tr[data-indicator]').count()).toBeGreaterThan(20)
    expect(await offline.page.locator('[data-chart^="comparison-"]').count()).toBe(2)
    expect(offline.errors).toEqual([])
    expect(await violations()).toEqual([])
    expect(errors).toEqual([])
    await offline.context.close()
  })

  it('imports a CSV in the offline file (the parse worker runs from a blob: URL) and carries it into a copy made there', async () => {
    const { page, context, errors } = await openPage(browser)
    const violations = await watchCsp(page)
    await context.setOffline(true)
    await page.goto(pathToFileURL(resolve(OFFLINE_FILE)).href)
    await waitReady(page)
    const xihu = '.headlines [data-district="xihu"] [data-indicator="unions_founded"] dd'
    expect(await page.textContent(xihu)).not.toContain('77')
    if ((await page.locator('#dataset-panel').count()) === 0) await page.click('[data-action="import"]')
    await page.setInputFiles('[data-import-input]', {
      name: 'xihu-extra.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('district,indicator,period,value\nxihu,unions_founded,2024,77\n'),
    })
    expect(await (await page.waitForSelector('[data-import-result]')).getAttribute('data-import-result')).toBe(
      'accepted',
    )
    await waitReady(page)
    await expect.poll(() => page.textContent(xihu)).toContain('77')

    // A copy made from the offline file itself, with the import ticked, shows the imported figure on its own.
    await page.click('[data-action="present-options"]')
    await page.locator('[data-offline-download] input[type="checkbox"]').first().check()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-action="download-offline"]'),
    ])
    const saved = resolve('tests/artifacts/offline-copy-with-import.html')
    await download.saveAs(saved)
    expect(errors).toEqual([])
    expect(await violations()).toEqual([])
    await context.close()

    const copy = await openPage(browser)
    const copyViolations = await watchCsp(copy.page)
    await copy.context.setOffline(true)
    await copy.page.goto(pathToFileURL(saved).href)
    await waitReady(copy.page)
    await expect.poll(() => copy.page.textContent(xihu)).toContain('77')
    expect(copy.errors).toEqual([])
    expect(await copyViolations()).toEqual([])
    await copy.context.close()
  })
})
