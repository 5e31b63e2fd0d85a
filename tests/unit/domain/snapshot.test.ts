import { describe, expect, it } from 'vitest'
import {
  SNAPSHOT_FILE_KIND,
  SNAPSHOT_FILE_VERSION,
  diffSnapshot,
  isEmptyDiff,
  newestFirst,
  parseSnapshotFile,
  serialiseSnapshot,
  snapshotFigures,
  snapshotFileName,
  snapshotKey,
  validateSnapshot,
  withSnapshot,
  type Snapshot,
  type SnapshotFigure,
} from '../../../src/domain/snapshot'
import { makeMetric } from './metric-fixture'

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

const snap = (figures: SnapshotFigure[], p: Partial<Snapshot> = {}): Snapshot => ({
  id: 's1',
  name: '一季度会议',
  takenAt: '2025-03-31T08:00:00.000Z',
  filters: { year: '2024' },
  figures,
  ...p,
})

describe('snapshotFigures', () => {
  it('keeps what a figure counts, its value and source, with the canonical period', () => {
    const m = makeMetric({ district: 'xihu', period: '2018-2022', value: 931, basis: 'b', source: 'xh', dataset: 'd1' })
    expect(snapshotFigures([[m]])).toEqual([
      {
        district: 'xihu',
        indicator: 'unions_founded',
        period: '2018-2022',
        basis: 'b',
        status: 'achieved',
        measure: 'flow',
        value: 931,
        qualifier: 'exact',
        source: 'xh',
        dataset: 'd1',
      },
    ])
  })

  it('keeps a target beside the achieved figure of the same period and lets a later list win on the same key', () => {
    const achieved = makeMetric({ value: 10 })
    const target = makeMetric({ value: 12, status: 'target' })
    const later = makeMetric({ value: 11, dataset: 'imp' })
    const out = snapshotFigures([[achieved, target], [later]])
    expect(out.map((f) => [f.status, f.value, f.dataset])).toEqual([
      ['achieved', 11, 'imp'],
      ['target', 12, 'builtin'],
    ])
  })
})

describe('diffSnapshot', () => {
  const cases: Array<{
    name: string
    old: SnapshotFigure[]
    now: SnapshotFigure[]
    added: string[]
    revised: Array<[number, number]>
    removed: string[]
  }> = [
    { name: 'an empty snapshot against no figures', old: [], now: [], added: [], revised: [], removed: [] },
    {
      name: 'an empty snapshot: every figure is added',
      old: [],
      now: [fig(), fig({ district: 'xihu' })],
      added: ['fuyang', 'xihu'],
      revised: [],
      removed: [],
    },
    {
      name: 'a changed value is revised, old → new',
      old: [fig()],
      now: [fig({ value: 650, source: 'fuyang-fix', dataset: 'imp' })],
      added: [],
      revised: [[642, 650]],
      removed: [],
    },
    {
      name: 'a changed qualifier alone is a revision',
      old: [fig()],
      now: [fig({ qualifier: 'at_least' })],
      added: [],
      revised: [[642, 642]],
      removed: [],
    },
    {
      name: 'the same value and qualifier from another source is unchanged',
      old: [fig()],
      now: [fig({ source: 'other', dataset: 'imp' })],
      added: [],
      revised: [],
      removed: [],
    },
    {
      name: 'a figure gone is removed',
      old: [fig(), fig({ district: 'xihu' })],
      now: [fig()],
      added: [],
      revised: [],
      removed: ['xihu'],
    },
    {
      name: 'another basis is another figure: one removed, one added, never a revision across bases',
      old: [fig()],
      now: [fig({ basis: 'members', value: 700 })],
      added: ['fuyang'],
      revised: [],
      removed: ['fuyang'],
    },
    {
      name: 'flow turned stock under the same key counts something else: removed and added, never revised',
      old: [fig()],
      now: [fig({ measure: 'stock', value: 5000 })],
      added: ['fuyang'],
      revised: [],
      removed: ['fuyang'],
    },
    {
      name: 'a target and an achieved figure of the same period are told apart',
      old: [fig({ status: 'target', value: 600 })],
      now: [fig({ status: 'target', value: 600 }), fig()],
      added: ['fuyang'],
      revised: [],
      removed: [],
    },
  ]
  it.each(cases)('$name', ({ old, now, added, revised, removed }) => {
    const d = diffSnapshot(snap(old), now)
    expect(d.added.map((f) => f.district)).toEqual(added)
    expect(d.revised.map((r) => [r.before.value, r.after.value])).toEqual(revised)
    expect(d.removed.map((f) => f.district)).toEqual(removed)
    expect(isEmptyDiff(d)).toBe(added.length + revised.length + removed.length === 0)
  })

  it('carries the source of each side of a revision and its key', () => {
    const [r] = diffSnapshot(snap([fig()]), [fig({ value: 650, source: 'fix', dataset: 'imp' })]).revised
    expect(r?.key).toBe('fuyang|unions_founded|2024||achieved')
    expect([r?.before.source, r?.before.dataset, r?.after.source, r?.after.dataset]).toEqual([
      'fuyang-2024',
      'builtin',
      'fix',
      'imp',
    ])
  })

  it('lists each kind in key order whatever order the figures come in', () => {
    const d = diffSnapshot(snap([]), [fig({ district: 'xihu' }), fig({ district: 'fuyang', period: '2023' }), fig()])
    expect(d.added.map(snapshotKey)).toEqual([
      'fuyang|unions_founded|2023||achieved',
      'fuyang|unions_founded|2024||achieved',
      'xihu|unions_founded|2024||achieved',
    ])
  })
})

describe('serialiseSnapshot and parseSnapshotFile', () => {
  it('round-trips a snapshot, with kind and version in the file', () => {
    const s = snap([fig(), fig({ status: 'target', value: 700, qualifier: 'at_least' })])
    const text = serialiseSnapshot(s)
    const json = JSON.parse(text) as Record<string, unknown>
    expect([json.kind, json.version]).toEqual([SNAPSHOT_FILE_KIND, SNAPSHOT_FILE_VERSION])
    expect(parseSnapshotFile(text, 'a.json')).toEqual({ ok: true, snapshot: s })
  })

  it('round-trips an empty snapshot and reads a file with a byte-order mark', () => {
    const s = snap([], { filters: {} })
    expect(parseSnapshotFile(`\uFEFF${serialiseSnapshot(s)}`, 'a.json')).toEqual({ ok: true, snapshot: s })
  })

  const file = (patch: Record<string, unknown>): string =>
    JSON.stringify({ kind: SNAPSHOT_FILE_KIND, version: SNAPSHOT_FILE_VERSION, ...snap([fig()]), ...patch })
  const bad: Array<{ name: string; text: string; code: string; where: string; expected: string; found: string }> = [
    {
      name: 'a corrupted file (cut short)',
      text: file({}).slice(0, 60),
      code: 'not-json',
      where: '',
      expected: 'JSON',
      found: '',
    },
    {
      name: 'another JSON file',
      text: '{"hello":1}',
      code: 'not-snapshot',
      where: 'kind',
      expected: SNAPSHOT_FILE_KIND,
      found: '',
    },
    {
      name: 'a JSON list',
      text: '[1,2]',
      code: 'not-snapshot',
      where: '',
      expected: SNAPSHOT_FILE_KIND,
      found: '[1,2]',
    },
    {
      name: 'no version',
      text: file({ version: undefined }),
      code: 'no-version',
      where: 'version',
      expected: '1',
      found: '',
    },
    {
      name: 'an older version',
      text: file({ version: 0 }),
      code: 'older-version',
      where: 'version',
      expected: '1',
      found: '0',
    },
    {
      name: 'a newer version',
      text: file({ version: 2 }),
      code: 'newer-version',
      where: 'version',
      expected: '1',
      found: '2',
    },
    {
      name: 'a blank name',
      text: file({ name: ' ' }),
      code: 'bad-field',
      where: 'name',
      expected: 'non-empty text',
      found: '" "',
    },
    {
      name: 'a time that is not one',
      text: file({ takenAt: 'yesterday' }),
      code: 'bad-field',
      where: 'takenAt',
      expected: 'ISO 8601 time',
      found: '"yesterday"',
    },
    {
      name: 'figures that are not a list',
      text: file({ figures: {} }),
      code: 'bad-field',
      where: 'figures',
      expected: 'a list of figures',
      found: '{}',
    },
    {
      name: 'a figure with a value in text',
      text: file({ figures: [fig(), { ...fig({ district: 'xihu' }), value: '12万' }] }),
      code: 'bad-figure',
      where: 'figures[1].value',
      expected: 'a finite number',
      found: '"12万"',
    },
    {
      name: 'a figure with an unknown status',
      text: file({ figures: [{ ...fig(), status: 'planned' }] }),
      code: 'bad-figure',
      where: 'figures[0].status',
      expected: 'achieved | nominated | target',
      found: '"planned"',
    },
    {
      name: 'a figure listed twice',
      text: file({ figures: [fig(), fig({ value: 1 })] }),
      code: 'bad-figure',
      where: 'figures[1]',
      expected: 'one figure per district|indicator|period|basis|status',
      found: '"fuyang|unions_founded|2024||achieved"',
    },
  ]
  it.each(bad)('says what is wrong with $name, and where', ({ text, code, where, expected, found }) => {
    expect(parseSnapshotFile(text, 'meeting.json')).toEqual({
      ok: false,
      problem: { code, file: 'meeting.json', where, expected, found },
    })
  })

  it('drops fields it does not know instead of keeping them', () => {
    const parsed = validateSnapshot(JSON.parse(file({ extra: '<b>x</b>', figures: [{ ...fig(), x: 1 }] })), 'f')
    expect(parsed.ok && Object.keys(parsed.snapshot)).toEqual(['id', 'name', 'takenAt', 'filters', 'figures'])
    expect(parsed.ok && Object.keys(parsed.snapshot.figures[0] ?? {})).not.toContain('x')
  })
})

describe('snapshot lists and file names', () => {
  it('puts the newest first and replaces a snapshot of the same id', () => {
    const a = snap([], { id: 'a', takenAt: '2025-01-01T00:00:00Z' })
    const b = snap([], { id: 'b', takenAt: '2025-02-01T00:00:00Z' })
    expect(newestFirst([a, b]).map((s) => s.id)).toEqual(['b', 'a'])
    const renamed = { ...a, name: 'again' }
    expect(withSnapshot([b, a], renamed)).toEqual([b, renamed])
  })

  it('names the file after the meeting and its date, without characters file systems refuse', () => {
    expect(snapshotFileName({ name: '一季度 会议/复盘', takenAt: '2025-03-31T08:00:00Z' }, '会议快照')).toBe(
      '会议快照-一季度-会议-复盘-2025-03-31.json',
    )
  })
})
