import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { loadCatalogue, loadMetricsCsv } from '../../../src/dataset/load'
import { comparePair, type Difference } from '../../../src/domain/comparability'

// The built-in data through the import path, as the app reads them.
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(`data/${name}.csv`))
const cat = loadCatalogue({
  districts: read('districts'),
  indicators: read('indicators'),
  sources: read('sources'),
  bases: read('bases'),
  boundaries: read('boundaries'),
})
const rows = loadMetricsCsv(read('metrics'), cat.catalogue, { fileName: 'data/metrics.csv', datasetId: 'builtin' }).rows

/**
 * Every pair of figures under an indicator that two or more districts report, with the rule's verdict:
 * 'comparable' (same basis, same years), 'years' (same basis, other years: named, never ranked), or the kinds of
 * difference that keep them apart. docs/data-notes.md gives the reasoning behind each basis key.
 */
const EXPECTED: Array<[string, string, string, string]> = [
  ['competition_participants', 'xiaoshan 2024', 'xiaoshan 2016-2020', 'basis+span+boundary'],
  ['competition_participants', 'xiaoshan 2024', 'qiantang 2023', 'basis'],
  ['competition_participants', 'xiaoshan 2016-2020', 'qiantang 2023', 'span+boundary'],
  ['skill_reward_recipients', 'xiaoshan 2024', 'qiantang 2023', 'basis'],
  ['skill_reward_recipients', 'xiaoshan 2024', 'fuyang 2024', 'basis'],
  ['skill_reward_recipients', 'qiantang 2023', 'fuyang 2024', 'basis'],
  ['education_subsidy_recipients', 'xiaoshan 2024', 'qiantang 2023', 'basis'],
  ['education_subsidy_amount', 'xiaoshan 2024', 'qiantang 2023', 'basis'],
  ['hardship_aid_amount', 'xiaoshan 2024', 'xihu 2018-2022', 'basis+span+boundary'],
  ['unions_founded', 'xiaoshan 2024', 'xiaoshan 2020', 'boundary'],
  ['unions_founded', 'xiaoshan 2024', 'xihu 2018-2022', 'basis+span+boundary'],
  ['unions_founded', 'xiaoshan 2024', 'qiantang 2023', 'years'],
  ['unions_founded', 'xiaoshan 2024', 'fuyang 2024', 'comparable'],
  ['unions_founded', 'xiaoshan 2020', 'xihu 2018-2022', 'basis+span+boundary'],
  ['unions_founded', 'xiaoshan 2020', 'qiantang 2023', 'boundary'],
  ['unions_founded', 'xiaoshan 2020', 'fuyang 2024', 'boundary'],
  ['unions_founded', 'xihu 2018-2022', 'qiantang 2023', 'basis+span+boundary'],
  ['unions_founded', 'xihu 2018-2022', 'fuyang 2024', 'basis+span'],
  ['unions_founded', 'qiantang 2023', 'fuyang 2024', 'years'],
  ['new_form_unions_founded', 'xiaoshan 2024', 'fuyang 2024', 'basis'],
  ['new_form_members_recruited', 'xiaoshan 2024', 'xihu 2021', 'measure+basis'],
  ['new_form_members_recruited', 'xiaoshan 2024', 'qiantang 2023', 'basis'],
  ['new_form_members_recruited', 'xiaoshan 2024', 'fuyang 2024', 'basis'],
  ['new_form_members_recruited', 'xihu 2021', 'qiantang 2023', 'measure+basis'],
  ['new_form_members_recruited', 'xihu 2021', 'fuyang 2024', 'measure+basis'],
  ['new_form_members_recruited', 'qiantang 2023', 'fuyang 2024', 'basis'],
  ['district_craftsmen_recognised', 'xiaoshan 2024', 'qiantang 2023', 'years'],
  ['honours_hangzhou_digital_craftsmen', 'xiaoshan 2024', 'qiantang 2023', 'status'],
  ['model_worker_talks', 'xiaoshan 2024', 'qiantang 2023', 'basis'],
  ['model_worker_talks', 'xiaoshan 2024', 'fuyang 2024', 'basis'],
  ['model_worker_talks', 'qiantang 2023', 'fuyang 2024', 'years'],
  ['cultural_sports_events', 'xiaoshan 2024', 'xihu 2018-2022', 'basis+span+boundary'],
  ['cultural_sports_events', 'xiaoshan 2024', 'qiantang 2023', 'basis'],
  ['cultural_sports_events', 'xiaoshan 2024', 'fuyang 2024', 'basis'],
  ['cultural_sports_events', 'xihu 2018-2022', 'qiantang 2023', 'basis+span+boundary'],
  ['cultural_sports_events', 'xihu 2018-2022', 'fuyang 2024', 'basis+span'],
  ['cultural_sports_events', 'qiantang 2023', 'fuyang 2024', 'basis'],
  ['culture_delivery_events', 'xiaoshan 2024', 'fuyang 2024', 'comparable'],
  ['workers_trained', 'xiaoshan 2024', 'fuyang 2024', 'basis'],
  ['medical_aid_amount', 'xiaoshan 2024', 'xiaoshan 2023', 'years'],
  ['medical_aid_amount', 'xiaoshan 2024', 'qiantang 2023', 'basis'],
  ['medical_aid_amount', 'xiaoshan 2023', 'qiantang 2023', 'basis'],
  ['love_stations', 'xiaoshan 2025', 'qiantang 2023', 'years'],
  ['love_stations', 'xiaoshan 2025', 'fuyang 2024', 'measure'],
  ['love_stations', 'qiantang 2023', 'fuyang 2024', 'measure'],
  ['labour_law_supervisors', 'xiaoshan 2020', 'qiantang 2023', 'boundary'],
  ['innovation_studios', 'xiaoshan 2020', 'qiantang 2023', 'measure+basis+boundary'],
  ['job_fairs', 'xihu 2018-2022', 'qiantang 2023', 'basis+span+boundary'],
  ['union_fee_deferral_amount', 'xihu 2018-2022', 'fuyang 2024', 'span'],
  ['union_fee_refund_amount', 'xihu 2018-2022', 'fuyang 2024', 'basis+span'],
  ['legal_consultations', 'xihu 2018-2022', 'qiantang 2023', 'basis+span+boundary'],
  ['legal_outreach_events', 'xihu 2018-2022', 'qiantang 2023', 'basis+span+boundary'],
  ['pre_shift_sessions', 'qiantang 2023', 'fuyang 2024', 'years'],
  ['model_worker_service_teams', 'qiantang 2023', 'fuyang 2024', 'basis'],
  ['five_small_city_recognised', 'qiantang 2023', 'fuyang 2024', 'years'],
  ['recuperation_participants', 'qiantang 2023', 'fuyang 2024', 'basis'],
]

const label = (m: { district: string; period: string }): string => `${m.district} ${m.period}`
const kinds = (ds: readonly Difference[]): string => [...new Set(ds.map((d) => d.kind))].join('+')

describe('comparability of the built-in figures', () => {
  it('classifies every pair under a shared indicator exactly as audited', () => {
    const byIndicator = new Map<string, typeof rows>()
    for (const m of rows) byIndicator.set(m.indicator, [...(byIndicator.get(m.indicator) ?? []), m])
    const actual: Array<[string, string, string, string]> = []
    for (const [indicator, list] of byIndicator) {
      if (new Set(list.map((m) => m.district)).size < 2) continue
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i]
          const b = list[j]
          if (!a || !b) continue
          const v = comparePair(a, b, cat.catalogue.boundaries)
          actual.push([indicator, label(a), label(b), v.comparable ? (v.sameYears ? 'comparable' : 'years') : kinds(v.differences)])
        }
    }
    expect(actual).toEqual(EXPECTED)
  })

  it('never ranks Xiaoshan 2024 training against Fuyang 2024 training, nor new-form unions', () => {
    const pick = (indicator: string, district: string) =>
      rows.find((m) => m.indicator === indicator && m.district === district && m.period === '2024')
    for (const indicator of ['workers_trained', 'new_form_unions_founded']) {
      const a = pick(indicator, 'xiaoshan')
      const b = pick(indicator, 'fuyang')
      if (!a || !b) throw new Error(`missing ${indicator} figures`)
      expect(comparePair(a, b, cat.catalogue.boundaries)).toMatchObject({ comparable: false })
    }
  })

  it('compares 2024 new base-level unions of Xiaoshan and Fuyang plainly', () => {
    const a = rows.find((m) => m.indicator === 'unions_founded' && m.district === 'xiaoshan' && m.period === '2024')
    const b = rows.find((m) => m.indicator === 'unions_founded' && m.district === 'fuyang' && m.period === '2024')
    if (!a || !b) throw new Error('missing unions_founded figures')
    expect(comparePair(a, b, cat.catalogue.boundaries)).toEqual({ comparable: true, sameYears: true })
  })
})
