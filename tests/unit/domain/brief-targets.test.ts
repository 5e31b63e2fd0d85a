import { describe, expect, it } from 'vitest'
import { buildBrief, type BriefInput } from '../../../src/domain/brief'
import type { Catalogue, Indicator, Metric } from '../../../src/types/domain'
import zhBrief from '../../../src/locales/zh-CN.brief.json'
import enBrief from '../../../src/locales/en.brief.json'
import { briefLabels } from './brief-fixture'
import { makeMetric } from './metric-fixture'
import { progressLabels } from './progress-fixture'

const indicator = (id: string, nameZh: string, nameEn: string): Indicator => ({
  id,
  category: 'organising',
  nameZh,
  nameEn,
  unit: '家',
  description: '',
  descriptionEn: '',
})

const CATALOGUE: Catalogue = {
  districts: [
    { id: 'xiaoshan', nameZh: '萧山区', nameEn: 'Xiaoshan', color: '#0072B2' },
    { id: 'xihu', nameZh: '西湖区', nameEn: 'Xihu', color: '#E69F00' },
    { id: 'fuyang', nameZh: '富阳区', nameEn: 'Fuyang', color: '#CC79A7' },
  ],
  indicators: [
    indicator('unions_founded', '新建基层工会', 'New unions'),
    indicator('homes', '职工之家', 'Worker homes'),
  ],
  sources: [],
  bases: [],
  boundaries: [],
}

const achieved: Metric[] = [
  makeMetric({ district: 'xiaoshan', value: 442 }),
  makeMetric({ district: 'fuyang', value: 642, qualifier: 'at_least' }),
]
const target = (p: Partial<Metric>): Metric => makeMetric({ status: 'target', value: 500, ...p })

function brief(targets: Metric[] | null, patch: Partial<BriefInput> = {}): ReturnType<typeof buildBrief> {
  const locale = patch.locale ?? 'zh-CN'
  const words = locale === 'en' ? enBrief.brief.targets : zhBrief.brief.targets
  const byIndicator = (ms: readonly Metric[]) => {
    const map = new Map<string, Metric[]>()
    for (const m of ms) map.set(m.indicator, [...(map.get(m.indicator) ?? []), m])
    return map
  }
  return buildBrief({
    catalogue: CATALOGUE,
    byIndicator: byIndicator(achieved),
    year: 2024,
    districts: ['xiaoshan', 'xihu', 'fuyang'],
    cumulative: false,
    locale,
    labels: {
      ...briefLabels(locale),
      targets: {
        heading: words.heading,
        line: (district, ind, progress) =>
          words.line.replace('{district}', district).replace('{indicator}', ind).replace('{progress}', progress),
        progress: progressLabels(locale),
      },
    },
    ...(targets ? { targets: byIndicator(targets) } : {}),
    ...patch,
  })
}

describe('buildBrief targets', () => {
  it('lists no targets section when none is loaded', () => {
    expect(brief(null).targets).toBeNull()
    expect(brief([]).targets).toBeNull()
  })

  it('lists each target with its completion, 未报送 where nothing is reported, district by district', () => {
    const t = brief([
      target({ district: 'fuyang', value: 600 }),
      target({ district: 'xihu', value: 300 }),
      target({ district: 'xiaoshan' }),
      target({ district: 'xiaoshan', indicator: 'homes', value: 20 }),
    ]).targets
    expect(t?.heading).toBe('目标完成情况')
    expect(t?.lines).toEqual([
      '萧山区新建基层工会：目标 500家 · 完成 88%',
      '萧山区职工之家：目标 20家 · 未报送',
      '西湖区新建基层工会：目标 300家 · 未报送',
      '富阳区新建基层工会：目标 600家 · 至少完成 107%',
    ])
    expect(t?.lines.join('')).not.toMatch(/完成 0%/)
  })

  it('leaves out targets of another year and of districts not shown, and says it in English', () => {
    const t = brief(
      [
        target({ district: 'xiaoshan', period: '2023' }),
        target({ district: 'xiaoshan', value: 400 }),
        target({ district: 'xihu' }),
      ],
      {
        locale: 'en',
        districts: ['xiaoshan', 'fuyang'],
      },
    ).targets
    expect(t?.heading).toBe('Targets and completion')
    expect(t?.lines).toEqual(['Xiaoshan, New unions: target 400 orgs · 111% achieved'])
  })

  it('gives no rate where the achieved figure counts something else', () => {
    const t = brief([target({ district: 'xiaoshan', basis: 'public_courses' })]).targets
    expect(t?.lines).toEqual(['萧山区新建基层工会：目标 500家 · 口径不同，不计算完成率'])
  })
})
