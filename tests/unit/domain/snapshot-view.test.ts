import { describe, expect, it } from 'vitest'
import { buildSnapshotView, type SnapshotRowLabels } from '../../../src/domain/snapshot-view'
import { diffSnapshot, type SnapshotFigure } from '../../../src/domain/snapshot'
import type { Catalogue } from '../../../src/types/domain'
import { makeSource } from './source-fixture'

const catalogue: Catalogue = {
  districts: [{ id: 'fuyang', nameZh: '富阳', nameEn: 'Fuyang', color: '#000' }],
  indicators: [
    {
      id: 'unions_founded',
      category: 'organising',
      nameZh: '新建工会',
      nameEn: 'Unions founded',
      unit: '家',
      description: '',
      descriptionEn: '',
    },
  ],
  sources: [
    makeSource({ id: 'fuyang-2024', district: 'fuyang', titleZh: '报道', labelZh: '富阳区总工会 2024 年工作报道' }),
  ],
  bases: [{ id: 'members', nameZh: '会员口径', nameEn: 'members', descriptionZh: '', descriptionEn: '' }],
  boundaries: [],
}
const labels: SnapshotRowLabels = {
  target: '目标',
  nominated: '推荐',
  noSource: '未注明来源',
  imported: (s, f) => `${s}（导入：${f}）`,
  importedOnly: (f) => `导入：${f}`,
  importedGone: (s) => `${s}（导入的数据，已不在本机）`,
}
const fig = (p: Partial<SnapshotFigure> = {}): SnapshotFigure => ({
  district: 'fuyang',
  indicator: 'unions_founded',
  period: '2024',
  basis: '',
  status: 'achieved',
  measure: 'flow',
  value: 642,
  qualifier: 'exact',
  source: 'fuyang-2024',
  dataset: 'builtin',
  ...p,
})
const imports = [{ id: 'imp', name: 'fix', fileName: 'fix.csv' }]

describe('buildSnapshotView', () => {
  it('words a revision with both values, the unit once, and the source of each side', () => {
    const diff = diffSnapshot({ figures: [fig()] }, [fig({ value: 12650, source: '', dataset: 'imp' })])
    expect(buildSnapshotView(diff, catalogue, imports, 'zh-CN', labels).revised).toEqual([
      {
        key: 'fuyang|unions_founded|2024||achieved',
        figure: '富阳 · 新建工会 · 2024',
        before: '642',
        after: '12,650',
        unit: '家',
        sourceBefore: '富阳区总工会 2024 年工作报道',
        sourceAfter: '导入：fix.csv',
      },
    ])
  })

  it('names the basis and a target, keeps unknown ids as text and says when an import is gone', () => {
    const diff = diffSnapshot({ figures: [fig({ district: 'x<b>', indicator: 'mystery', dataset: 'gone' })] }, [
      fig({ basis: 'members', status: 'target', qualifier: 'at_least', value: 700 }),
    ])
    const view = buildSnapshotView(diff, catalogue, imports, 'en', labels)
    expect(view.added.map((r) => [r.figure, r.value])).toEqual([
      ['Fuyang · Unions founded · 2024 · members · 目标', '≥700 orgs'],
    ])
    expect(view.removed.map((r) => [r.figure, r.value, r.source])).toEqual([
      ['x<b> · mystery · 2024', '642', '富阳区总工会 2024 年工作报道（导入的数据，已不在本机）'],
    ])
  })

  it('cuts each list at the limit and counts the rest', () => {
    const now = Array.from({ length: 5 }, (_, i) => fig({ period: String(2020 + i) }))
    const view = buildSnapshotView(diffSnapshot({ figures: [] }, now), catalogue, [], 'zh-CN', labels, 2)
    expect(view.added.map((r) => r.key.split('|')[2])).toEqual(['2020', '2021'])
    expect(view.more).toEqual({ added: 3, revised: 0, removed: 0 })
  })
})
