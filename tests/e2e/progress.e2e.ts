import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import {
  gotoReady,
  importFixture,
  launchBrowser,
  openPage,
  saveScreenshot,
  scorecardCell,
  waitSavedImports,
} from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const cell = scorecardCell
const progress = (indicator: string, district: string) => `${cell(indicator, district)} [data-field="progress"]`
const change = (indicator: string, district: string) => `${cell(indicator, district)} [data-field="change"]`

describe('targets and completion', () => {
  it('says plainly that no targets are loaded, then shows completion once a targets file is imported', async () => {
    const { page, context, errors } = await openPage(browser, { width: 1920, height: 1080 })
    await gotoReady(page, '?year=2024')
    expect(await page.textContent('[data-field="no-targets"]')).toContain('未载入目标数据')
    expect(await page.locator(progress('unions_founded', 'fuyang')).count()).toBe(0)

    await importFixture(page, 'targets-2024.csv')
    await page.keyboard.press('Escape')
    await page.waitForSelector(progress('unions_founded', 'fuyang'))
    expect(await page.locator('[data-field="no-targets"]').count()).toBe(0)
    // 642 of 600 and 442 of 500, whole percent; Xihu has a target and no 2024 figure: 未报送, never 0%.
    expect(await page.textContent(progress('unions_founded', 'fuyang'))).toMatch(/目标 600家 · 完成 107%/)
    expect(await page.textContent(progress('unions_founded', 'xiaoshan'))).toMatch(/目标 500家 · 完成 88%/)
    expect(await page.textContent(progress('unions_founded', 'xihu'))).toMatch(/目标 300家 · 未报送/)
    expect(await page.textContent(cell('unions_founded', 'xihu'))).not.toMatch(/0%/)
    await saveScreenshot(page, 'progress-targets-zh-1920')

    // The indicator view's figure table marks the target rows and gives their completion.
    await gotoReady(page, 'view=indicator&indicator=unions_founded')
    await waitSavedImports(page)
    const targetRow = (d: string) => `tr[data-metric^="${d}|unions_founded|2024|"][data-metric$="|target"]`
    await page.waitForSelector(targetRow('fuyang'))
    expect(await page.textContent(`${targetRow('fuyang')} [data-field="target"]`)).toBe('目标')
    expect(await page.textContent(`${targetRow('fuyang')} [data-field="progress"]`)).toContain('完成 107%')
    expect(await page.textContent(`${targetRow('xiaoshan')} [data-field="progress"]`)).toContain('完成 88%')
    expect(await page.textContent(`${targetRow('xihu')} [data-field="progress"]`)).toContain('未报送')
    await saveScreenshot(page, 'progress-indicator-zh-1920', true)

    // The brief lists each target's completion, 未报送 where nothing is reported.
    await gotoReady(page, 'view=brief&year=2024')
    await waitSavedImports(page)
    const targets = await page.waitForSelector('[data-section="targets"]')
    const lines = await targets.$$eval('li', (items) => items.map((li) => li.textContent?.trim()))
    expect(lines).toEqual([
      '萧山区新建基层工会：目标 500家 · 完成 88%',
      '西湖区新建基层工会：目标 300家 · 未报送',
      '富阳区新建基层工会：目标 600家 · 完成 107%',
    ])
    await saveScreenshot(page, 'progress-brief-zh-1920', true)
    expect(errors).toEqual([])
    await context.close()
  })

  it('names the boundary change instead of a change on 2020 for Xiaoshan', async () => {
    const { page, context } = await openPage(browser, { width: 1366, height: 768 })
    await gotoReady(page, '?year=2024')
    const text = (await page.textContent(change('unions_founded', 'xiaoshan'))) ?? ''
    expect(text).toBe('2021 年区划调整，不与 2020 年比较')
    expect(text).not.toMatch(/[+-]\d/)
    await saveScreenshot(page, 'progress-change-zh-1366')
    await gotoReady(page, 'year=2024&lang=en')
    expect(await page.textContent(change('unions_founded', 'xiaoshan'))).toBe(
      'boundary changed in 2021; not compared with 2020',
    )
    expect(await page.textContent('[data-field="no-targets"]')).toContain('No targets loaded')
    // With no targets loaded, the brief has no targets section at all (nothing reads as 0%).
    await gotoReady(page, 'view=brief&year=2024&lang=en')
    expect(await page.locator('[data-section="targets"]').count()).toBe(0)
    await saveScreenshot(page, 'progress-change-en-1366')
    await context.close()
  })
})
