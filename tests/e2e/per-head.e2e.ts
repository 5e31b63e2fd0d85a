import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { gotoReady, importFixture, launchBrowser, openPage, saveScreenshot, scorecardCell } from './browser'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const cell = scorecardCell
const perHead = (indicator: string, district: string) => `${cell(indicator, district)} [data-field="per-head"]`

describe('per head (每万名会员)', () => {
  it('names the missing member total, then shows per-head values with their formula once totals are imported', async () => {
    const { page, context, errors } = await openPage(browser, { width: 1920, height: 1080 })
    await gotoReady(page, '?year=2024')
    expect(await page.locator(perHead('unions_founded', 'xiaoshan')).count()).toBe(0)

    // The toggle lives in the URL; without a member total for 2024 the cell says which one is missing.
    await page.click('[data-filter="per"]')
    await page.waitForFunction(() => new URL(location.href).searchParams.get('per') === 'members')
    await page.waitForSelector(perHead('unions_founded', 'xiaoshan'))
    expect(await page.textContent(perHead('unions_founded', 'xiaoshan'))).toContain('缺少 2024 年萧山区会员总数')
    expect(await page.textContent(perHead('unions_founded', 'fuyang'))).toContain('缺少 2024 年富阳区会员总数')
    expect(await page.textContent(`${cell('unions_founded', 'xiaoshan')} .scorecard__note`)).toBe(
      '有区缺少会员总数，不排名',
    )
    await saveScreenshot(page, 'per-head-missing-zh-1920')

    await importFixture(page, 'members-2024.csv')
    await page.keyboard.press('Escape')
    await page.waitForFunction(
      (sel) => !document.querySelector(sel)?.hasAttribute('data-missing'),
      perHead('unions_founded', 'xiaoshan'),
    )
    // 442 ÷ 35.9万 × 1万 and 642 ÷ 32.1万 × 1万, one decimal, marked derived, formula on hover.
    const xs = page.locator(perHead('unions_founded', 'xiaoshan'))
    expect(await xs.textContent()).toMatch(/^\s*每万名会员 12\.3家\s*推算\s*$/)
    expect(await xs.getAttribute('title')).toBe('每万名会员 12.3家 = 442家 ÷ 35.9万人 × 1万')
    const fy = page.locator(perHead('unions_founded', 'fuyang'))
    expect(await fy.textContent()).toMatch(/每万名会员 20\.0家/)
    expect(await fy.getAttribute('title')).toBe('每万名会员 20.0家 = 642家 ÷ 32.1万人 × 1万')
    // Ranked on the per-head values now that both ranked cells have a denominator.
    expect(await page.textContent(`${cell('unions_founded', 'fuyang')} .scorecard__note`)).toBe('每万名会员 2 区中第 1')
    expect(await page.textContent(`${cell('unions_founded', 'xiaoshan')} .scorecard__note`)).toBe(
      '每万名会员 2 区中第 2',
    )
    // Per head does not apply to the member total itself: its row keeps its own ranks.
    expect(await page.textContent(`${cell('members_total', 'xiaoshan')} .scorecard__note`)).toBe('2 区中第 1')
    await saveScreenshot(page, 'per-head-values-zh-1920')

    // The link keeps the view, in English too; turning it off leaves an old-style link.
    await gotoReady(page, '?year=2024&per=members&lang=en')
    await page.waitForSelector(perHead('unions_founded', 'xiaoshan'))
    expect(await page.textContent(perHead('unions_founded', 'xiaoshan'))).toMatch(/12\.3 orgs per 10,000 members/)
    await saveScreenshot(page, 'per-head-values-en-1920')
    await page.click('[data-filter="per"]')
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('per'))
    expect(await page.locator(perHead('unions_founded', 'xiaoshan')).count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })
})
