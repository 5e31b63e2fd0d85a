import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { builtinCatalogue, builtinMetrics } from '../unit/data/builtin'
import { cohortKey, judgeSet } from '../../src/domain/comparability'
import type { Metric } from '../../src/types/domain'
import { gotoReady, waitReady, launchBrowser, openPage } from './browser'

// The built-in data as the page loads them, to check what the page says against the one comparability rule.
const cat = builtinCatalogue.catalogue
const rows = builtinMetrics.rows
const byKey = new Map(
  rows.map((m) => [`${m.district}|${m.indicator}|${m.start === m.end ? m.start : `${m.start}-${m.end}`}|builtin`, m]),
)

/** Words that rank, order or put figures in a ratio. */
const RANKING = { zh: /倍|居首|并列最多|比.{1,14}多/, en: /×|leads|more than|first of|tie at/ }
const names = (lang: 'zh' | 'en'): Map<string, string> =>
  new Map(cat.districts.map((d) => [d.id, lang === 'en' ? d.nameEn : d.nameZh]))

interface CardText {
  chart: string
  figures: string[]
  takeaway: string
  badge: string
}

async function readCards(page: Page): Promise<CardText[]> {
  return page.$$eval('[data-chart^="comparison-"]', (cards) =>
    cards.map((c) => ({
      chart: c.getAttribute('data-chart') ?? '',
      figures: (c.getAttribute('data-figures') ?? '').split(' ').filter(Boolean),
      takeaway: c.querySelector('[data-takeaway]')?.textContent?.trim() ?? '',
      badge: c.querySelector('.chart-card__badge-text')?.textContent?.trim() ?? '',
    })),
  )
}

/** Checks one card's words against the rule: only like-for-like figures ranked, and a reason whenever any differ. */
function checkCard(card: CardText, lang: 'zh' | 'en', where: string): void {
  const figures = card.figures.map((k) => byKey.get(k)).filter((m): m is Metric => m !== undefined)
  expect(figures.length, `${where} ${card.chart}: every figure shown is a built-in figure`).toBe(card.figures.length)
  const verdict = judgeSet(
    figures.map((m) => ({ district: m.district, metric: m })),
    cat.boundaries,
  )
  const label = `${where} ${card.chart}: «${card.takeaway}»`
  expect(card.takeaway, `${label} shows no ratio finer than one decimal`).not.toMatch(/\d\.\d{2}\s*(倍|×)/)
  const segments = card.takeaway.split(lang === 'en' ? '; ' : '；')
  const ranking = segments.filter((s) => RANKING[lang].test(s))
  if (verdict.ranked.length < 2) expect(ranking, `${label} ranks nobody: no two figures are like-for-like`).toEqual([])
  const district = names(lang)
  for (const segment of ranking) {
    const named = [...district].filter(([, n]) => segment.includes(n)).map(([id]) => id)
    for (const id of named)
      expect(verdict.ranked, `${label}: ${id} is ranked only among like-for-like figures`).toContain(id)
  }
  if (!verdict.likeForLike) expect(card.badge, `${label} says why the figures differ`).not.toBe('')
  else expect(card.badge, `${label} has no "not like-for-like" badge`).toBe('')
}

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const shared = [...new Set(rows.map((m) => m.indicator))].filter(
  (id) => new Set(rows.filter((m) => m.indicator === id).map((m) => m.district)).size >= 2,
)
const VIEWS = [
  '',
  'year=2024',
  'year=2023',
  ...['organising', 'training', 'welfare', 'rights', 'outreach'].map((c) => `view=category&category=${c}`),
  ...shared.map((id) => `view=indicator&indicator=${id}`),
]

describe('fair comparison on every view', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`ranks, orders and puts in a ratio only like-for-like figures, and says why others differ (${lang})`, async () => {
      const { page, context, errors } = await openPage(browser, { width: 1920, height: 1080 })
      let checked = 0
      for (const query of VIEWS) {
        await gotoReady(page, [query, lang === 'en' ? 'lang=en' : ''].filter(Boolean).join('&'))
        // Cards further down mount in batches: scroll to the end so every card is in the page.
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
        // A view may have no comparison card at all now (nothing compares for that year): wait for it to settle.
        await waitReady(page)
        for (const card of await readCards(page)) {
          checkCard(card, lang, query || 'overview')
          checked++
        }
      }
      // At least the comparison card of every indicator view (the overview and categories chart fewer now).
      expect(checked).toBeGreaterThanOrEqual(shared.length)
      expect(errors).toEqual([])
      await context.close()
    })
  }

  it('sets Xiaoshan’s and Fuyang’s training side by side with the reason instead of "20.99 倍"', async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page, 'view=indicator&indicator=workers_trained&year=2024')
    const card = page.locator('[data-chart="comparison-workers_trained"]')
    const takeaway = (await card.locator('[data-takeaway]').textContent()) ?? ''
    expect(takeaway).toContain('萧山区')
    expect(takeaway).toContain('富阳区')
    expect(takeaway).toContain('不作比较')
    expect(takeaway).not.toMatch(/倍|居首/)
    expect(await card.locator('.chart-card__badge-text').textContent()).toMatch(/^口径不同：萧山区为.+，富阳区为.+/)
    await context.close()
  })

  it('still compares 2024 new base-level unions of Xiaoshan and Fuyang plainly', async () => {
    const { page, context } = await openPage(browser)
    await gotoReady(page, 'view=indicator&indicator=unions_founded&year=2024')
    const card = page.locator('[data-chart="comparison-unions_founded"]')
    expect(await card.locator('[data-takeaway]').textContent()).toMatch(
      /富阳区.*642 家.*约为萧山区（442 家）的 1\.5 倍/,
    )
    await context.close()
  })

  it('ranks a district only among districts whose figures count the same thing, and says among how many', async () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const d of cat.districts) {
        const { page, context } = await openPage(browser)
        await gotoReady(page, `view=district&district=${d.id}${lang === 'en' ? '&lang=en' : ''}`)
        const table = await page.$$eval('[data-chart="district-ranks"] tbody tr', (trs) =>
          trs.map((tr) => ({
            indicator: tr.getAttribute('data-indicator') ?? '',
            period: tr.querySelectorAll('td')[2]?.textContent?.trim() ?? '',
            rank: tr.querySelector('.district-view__rank')?.textContent?.trim() ?? '',
            ranked: tr.querySelector('.district-view__rank')?.getAttribute('data-ranked') === 'yes',
          })),
        )
        expect(table.length).toBeGreaterThan(0)
        for (const row of table) {
          const own = rows.find((m) => m.district === d.id && m.indicator === row.indicator && m.period === row.period)
          if (!row.ranked) continue
          if (!own) throw new Error(`${d.id} ${row.indicator}: a rank without a figure`)
          const peers = rows.filter((m) => cohortKey(m) === cohortKey(own))
          const of = lang === 'zh' ? /^(\d+) 个区中第 (\d+)$/ : /^(\d+) of (\d+) like-for-like$/
          const match = of.exec(row.rank)
          expect(match, `${d.id} ${row.indicator}: «${row.rank}» says among how many`).not.toBeNull()
          const among = Number(lang === 'zh' ? match?.[1] : match?.[2])
          expect(among, `${d.id} ${row.indicator} is ranked among its like-for-like peers`).toBe(peers.length)
          expect(peers.length).toBeGreaterThan(1)
        }
        await context.close()
      }
    }
  })
})
