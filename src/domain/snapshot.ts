import { MEASURES, QUALIFIERS, STATUSES, type Measure, type Metric, type Qualifier, type Status } from '../types/domain'
import { periodKey } from './metric'

/** One figure as a meeting snapshot keeps it: what it counts, its value and where it came from. */
export interface SnapshotFigure {
  district: string
  indicator: string
  /** Canonical period text ('2024', '2016-2020'). */
  period: string
  basis: string
  status: Status
  /** Flow or stock: a figure whose measure changed counts something else now, so it is never a revision. */
  measure: Measure
  value: number
  qualifier: Qualifier
  /** A source id, or free text naming a report. */
  source: string
  /** 'builtin' or an import's id. */
  dataset: string
}

/** The figures in force when a meeting was marked (本次会议), and the filters then shown. */
export interface Snapshot {
  id: string
  name: string
  /** ISO 8601 time it was taken. */
  takenAt: string
  /** The filters shown, as the URL query wrote them (defaults left out). */
  filters: Record<string, string>
  figures: SnapshotFigure[]
}

/** A figure whose value or qualifier changed since the snapshot, with both sources. */
export interface SnapshotRevision {
  key: string
  before: SnapshotFigure
  after: SnapshotFigure
}

/** What changed between a snapshot and the figures in force now; each list sorted by key. */
export interface SnapshotDiff {
  added: SnapshotFigure[]
  revised: SnapshotRevision[]
  removed: SnapshotFigure[]
}

/** Version of the snapshot file this code writes and reads. */
export const SNAPSHOT_FILE_VERSION = 1
/** What the file's `kind` field says, so another JSON file is told apart from a snapshot. */
export const SNAPSHOT_FILE_KIND = 'union-dashboard-snapshot'

/** Identity of a figure across snapshots: `district|indicator|period|basis|status`. */
export function snapshotKey(f: Pick<SnapshotFigure, 'district' | 'indicator' | 'period' | 'basis' | 'status'>): string {
  return `${f.district}|${f.indicator}|${f.period}|${f.basis}|${f.status}`
}

/** The compact record of a figure in force. */
export function snapshotFigureOf(m: Metric): SnapshotFigure {
  return {
    district: m.district,
    indicator: m.indicator,
    period: periodKey(m),
    basis: m.basis,
    status: m.status,
    measure: m.measure,
    value: m.value,
    qualifier: m.qualifier,
    source: m.source,
    dataset: m.dataset,
  }
}

/** Compact records of the figures in force, one per key (a later list wins), in key order. */
export function snapshotFigures(lists: Iterable<readonly Metric[]>): SnapshotFigure[] {
  const byKey = new Map<string, SnapshotFigure>()
  for (const list of lists)
    for (const m of list) {
      const f = snapshotFigureOf(m)
      byKey.set(snapshotKey(f), f)
    }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, f]) => f)
}

/** What has changed since `old`: figures added, revised (value or qualifier differ) and removed. */
export function diffSnapshot(old: Pick<Snapshot, 'figures'>, current: readonly SnapshotFigure[]): SnapshotDiff {
  const before = new Map(old.figures.map((f) => [snapshotKey(f), f]))
  const now = new Map(current.map((f) => [snapshotKey(f), f]))
  const added: SnapshotFigure[] = []
  const revised: SnapshotRevision[] = []
  const removed: SnapshotFigure[] = []
  for (const [key, f] of now) {
    const was = before.get(key)
    if (!was) added.push(f)
    else if (was.measure !== f.measure) {
      // Same key but flow against stock: not the same thing counted, so the old one went and a new one came.
      removed.push(was)
      added.push(f)
    } else if (was.value !== f.value || was.qualifier !== f.qualifier) revised.push({ key, before: was, after: f })
  }
  for (const [key, f] of before) if (!now.has(key)) removed.push(f)
  const byKey = (a: SnapshotFigure, b: SnapshotFigure): number => compareText(snapshotKey(a), snapshotKey(b))
  return {
    added: added.sort(byKey),
    revised: revised.sort((a, b) => compareText(a.key, b.key)),
    removed: removed.sort(byKey),
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Whether nothing changed. */
export function isEmptyDiff(d: SnapshotDiff): boolean {
  return d.added.length === 0 && d.revised.length === 0 && d.removed.length === 0
}

/** The JSON text of a snapshot file (version and kind first, so a person opening it sees what it is). */
export function serialiseSnapshot(s: Snapshot): string {
  return `${JSON.stringify(storedSnapshot(s), null, 1)}\n`
}

/** Why a snapshot file or stored record could not be read: a code, where, and what was expected (worded by i18n). */
export interface SnapshotProblem {
  code: 'not-json' | 'not-snapshot' | 'no-version' | 'older-version' | 'newer-version' | 'bad-field' | 'bad-figure'
  file: string
  /** The field at fault ('name', 'figures[3].value'); '' for the whole file. */
  where: string
  /** What was expected there (a type, a list of values, a version). */
  expected: string
  /** What was found, shortened; '' when nothing was. */
  found: string
}

/** A parsed snapshot, or the first thing wrong with it. */
export type SnapshotParse = { ok: true; snapshot: Snapshot } | { ok: false; problem: SnapshotProblem }

function describe(value: unknown): string {
  if (value === undefined) return ''
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value))
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

type FieldCheck = { test: (v: unknown) => boolean; expected: string }
const TEXT: FieldCheck = { test: (v) => typeof v === 'string', expected: 'text' }
const NON_EMPTY: FieldCheck = { test: (v) => typeof v === 'string' && v.trim() !== '', expected: 'non-empty text' }
const FIGURE_FIELDS: Record<keyof SnapshotFigure, FieldCheck> = {
  district: NON_EMPTY,
  indicator: NON_EMPTY,
  period: { test: (v) => typeof v === 'string' && /^\d{4}(-\d{4})?$/.test(v), expected: 'YYYY or YYYY-YYYY' },
  basis: TEXT,
  status: { test: (v) => (STATUSES as readonly unknown[]).includes(v), expected: STATUSES.join(' | ') },
  measure: { test: (v) => (MEASURES as readonly unknown[]).includes(v), expected: MEASURES.join(' | ') },
  value: { test: (v) => typeof v === 'number' && Number.isFinite(v), expected: 'a finite number' },
  qualifier: { test: (v) => (QUALIFIERS as readonly unknown[]).includes(v), expected: QUALIFIERS.join(' | ') },
  source: TEXT,
  dataset: NON_EMPTY,
}

/**
 * Checks a parsed value as a snapshot (a file's JSON, or a record read back from storage); never throws. Unknown
 * fields are dropped, so what is kept is exactly a Snapshot.
 */
export function validateSnapshot(value: unknown, file: string): SnapshotParse {
  const fail = (code: SnapshotProblem['code'], where: string, expected: string, found: unknown): SnapshotParse => ({
    ok: false,
    problem: { code, file, where, expected, found: describe(found) },
  })
  if (!isRecord(value) || value.kind !== SNAPSHOT_FILE_KIND)
    return fail('not-snapshot', isRecord(value) ? 'kind' : '', SNAPSHOT_FILE_KIND, isRecord(value) ? value.kind : value)
  const version = value.version
  if (typeof version !== 'number' || !Number.isInteger(version))
    return fail('no-version', 'version', String(SNAPSHOT_FILE_VERSION), version)
  if (version < SNAPSHOT_FILE_VERSION) return fail('older-version', 'version', String(SNAPSHOT_FILE_VERSION), version)
  if (version > SNAPSHOT_FILE_VERSION) return fail('newer-version', 'version', String(SNAPSHOT_FILE_VERSION), version)
  for (const field of ['id', 'name'] as const)
    if (!NON_EMPTY.test(value[field])) return fail('bad-field', field, NON_EMPTY.expected, value[field])
  const takenAt = value.takenAt
  if (typeof takenAt !== 'string' || Number.isNaN(Date.parse(takenAt)))
    return fail('bad-field', 'takenAt', 'ISO 8601 time', takenAt)
  const filters = value.filters
  if (!isRecord(filters) || !Object.values(filters).every((v) => typeof v === 'string'))
    return fail('bad-field', 'filters', 'an object of text values', filters)
  if (!Array.isArray(value.figures)) return fail('bad-field', 'figures', 'a list of figures', value.figures)
  const figures: SnapshotFigure[] = []
  const seen = new Set<string>()
  for (const [i, raw] of (value.figures as unknown[]).entries()) {
    if (!isRecord(raw)) return fail('bad-figure', `figures[${i}]`, 'an object', raw)
    for (const [field, check] of Object.entries(FIGURE_FIELDS))
      if (!check.test(raw[field])) return fail('bad-figure', `figures[${i}].${field}`, check.expected, raw[field])
    const f = Object.fromEntries(Object.keys(FIGURE_FIELDS).map((k) => [k, raw[k]])) as unknown as SnapshotFigure
    const key = snapshotKey(f)
    if (seen.has(key))
      return fail('bad-figure', `figures[${i}]`, 'one figure per district|indicator|period|basis|status', key)
    seen.add(key)
    figures.push(f)
  }
  return {
    ok: true,
    snapshot: {
      id: value.id as string,
      name: (value.name as string).trim(),
      takenAt,
      filters: { ...(filters as Record<string, string>) },
      figures,
    },
  }
}

/** Reads a snapshot file's text; a bad file gives the problem (never throws, never a partial snapshot). */
export function parseSnapshotFile(text: string, file: string): SnapshotParse {
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return { ok: false, problem: { code: 'not-json', file, where: '', expected: 'JSON', found: '' } }
  }
  return validateSnapshot(value, file)
}

/** The stored form of a snapshot: the file's form, so storage and files are checked by the same validator. */
export function storedSnapshot(s: Snapshot): Record<string, unknown> {
  return { kind: SNAPSHOT_FILE_KIND, version: SNAPSHOT_FILE_VERSION, ...s }
}

/** A snapshot's file name: 会议快照-<name>-<date>.json, with characters file systems refuse replaced. */
export function snapshotFileName(s: Pick<Snapshot, 'name' | 'takenAt'>, prefix: string): string {
  const safe = s.name.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '')
  return `${[prefix, safe, s.takenAt.slice(0, 10)].filter(Boolean).join('-')}.json`
}

/** Snapshots newest first (the latest is what the panel compares against by default). */
export function newestFirst(list: readonly Snapshot[]): Snapshot[] {
  return [...list].sort((a, b) => compareText(b.takenAt, a.takenAt) || compareText(b.id, a.id))
}

/** The list with `s` in it (a snapshot of the same id replaced, e.g. one imported twice). */
export function withSnapshot(list: readonly Snapshot[], s: Snapshot): Snapshot[] {
  return newestFirst([...list.filter((x) => x.id !== s.id), s])
}
