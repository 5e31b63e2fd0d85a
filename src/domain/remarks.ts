import type { Metric } from '../types/domain'
import { figureKey } from './metric'

/** Where a follow-up stands. */
export const REMARK_STATES = ['open', 'done', 'dropped'] as const
/** One of REMARK_STATES. */
export type RemarkState = (typeof REMARK_STATES)[number]

/** A remark or follow-up (批注/督办) on one figure; text is plain text, never markup. */
export interface Remark {
  id: string
  /** remarkFigureKey of the figure: `district|indicator|period|basis`, the same across reloads, imports and datasets. */
  figure: string
  text: string
  owner: string
  /** `YYYY-MM-DD`, or '' when none. */
  due: string
  state: RemarkState
  /** ISO timestamps. */
  createdAt: string
  updatedAt: string
}

/** What a person types in the form. */
export interface RemarkDraft {
  text: string
  owner: string
  due: string
  state: RemarkState
}

/** The figure a key names, as parsed back from it. */
export interface RemarkFigure {
  district: string
  indicator: string
  period: string
  basis: string
}

/** Longest remark text and owner name kept (a remark is a note, not a report). */
export const REMARK_TEXT_MAX = 500
export const REMARK_OWNER_MAX = 60

/** Why a remark or a row of a remarks file is not accepted. */
export type RemarkIssueCode =
  | 'text-missing'
  | 'text-too-long'
  | 'owner-too-long'
  | 'due-invalid'
  | 'state-invalid'
  | 'figure-invalid'
  | 'id-invalid'
  | 'time-invalid'
  | 'id-duplicate'
  | 'columns-missing'
  | 'csv'

/** A problem found in a remark: a code and parameters (the wording lives in the locale files under remarks.issue). */
export interface RemarkIssue {
  code: RemarkIssueCode
  /** Physical line in the file (1-based, header is line 1); 0 for a form or the whole file. */
  line: number
  /** The field or column concerned ('' for the whole row). */
  column: string
  params: Record<string, string | number>
}

/** The key remarks hang on: the figure's district, indicator, period and basis (not the dataset it came from). */
export function remarkFigureKey(m: Pick<Metric, 'district' | 'indicator' | 'start' | 'end' | 'basis'>): string {
  return `${figureKey(m)}|${m.basis}`
}

const PERIOD = /^(\d{4})(?:-(\d{4}))?$/
const ID = /^[A-Za-z0-9_-]{1,64}$/

/** Builds a key from its four parts as written in a file; null when a part is missing or the period is not a year or span. */
export function figureKeyFromParts(p: RemarkFigure): string | null {
  const match = PERIOD.exec(p.period)
  if (!p.district || !p.indicator || !match || [p.district, p.indicator, p.basis].some((s) => s.includes('|')))
    return null
  const start = Number(match[1])
  const end = match[2] === undefined ? start : Number(match[2])
  if (end < start) return null
  return remarkFigureKey({ district: p.district, indicator: p.indicator, start, end, basis: p.basis })
}

/** The four parts of a key (the inverse of remarkFigureKey); null when it is not one. */
export function parseRemarkFigureKey(key: string): RemarkFigure | null {
  const parts = key.split('|')
  if (parts.length !== 4) return null
  const [district = '', indicator = '', period = '', basis = ''] = parts
  const parsed = { district, indicator, period, basis }
  return figureKeyFromParts(parsed) === key ? parsed : null
}

/** Whether text is a real calendar date written YYYY-MM-DD (2025-02-30 is not). */
export function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** Whether text is an ISO timestamp that reads back as a time. */
export function isTimestamp(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text))
}

/** Narrows a value to a state. */
export function isRemarkState(value: unknown): value is RemarkState {
  return typeof value === 'string' && (REMARK_STATES as readonly string[]).includes(value)
}

const issue = (
  code: RemarkIssueCode,
  line: number,
  column: string,
  params: RemarkIssue['params'] = {},
): RemarkIssue => ({
  code,
  line,
  column,
  params,
})

/** Every problem of a draft at once (never throws): text required and bounded, owner bounded, due a real date or empty. */
export function validateRemarkDraft(draft: { text: string; owner: string; due: string; state: unknown }, line = 0) {
  const issues: RemarkIssue[] = []
  const text = draft.text.trim()
  if (!text) issues.push(issue('text-missing', line, 'text'))
  else if ([...text].length > REMARK_TEXT_MAX)
    issues.push(issue('text-too-long', line, 'text', { max: REMARK_TEXT_MAX, length: [...text].length }))
  if ([...draft.owner.trim()].length > REMARK_OWNER_MAX)
    issues.push(issue('owner-too-long', line, 'owner', { max: REMARK_OWNER_MAX }))
  const due = draft.due.trim()
  if (due && !isRealDate(due)) issues.push(issue('due-invalid', line, 'due', { value: due }))
  if (!isRemarkState(draft.state))
    issues.push(
      issue('state-invalid', line, 'state', { value: String(draft.state), expected: REMARK_STATES.join('/') }),
    )
  return issues
}

/** A draft with its text fields trimmed. */
function cleaned(draft: RemarkDraft): RemarkDraft {
  return { text: draft.text.trim(), owner: draft.owner.trim(), due: draft.due.trim(), state: draft.state }
}

/** A new remark on a figure, or the draft's issues. */
export function createRemark(
  figure: string,
  draft: RemarkDraft,
  at: { id: string; now: string },
): { ok: true; remark: Remark } | { ok: false; issues: RemarkIssue[] } {
  const issues = validateRemarkDraft(draft)
  if (!parseRemarkFigureKey(figure)) issues.push(issue('figure-invalid', 0, 'figure', { value: figure }))
  if (issues.length) return { ok: false, issues }
  return { ok: true, remark: { id: at.id, figure, ...cleaned(draft), createdAt: at.now, updatedAt: at.now } }
}

/** The remark with the draft applied, or the draft's issues; the id, figure and creation time stay. */
export function editRemark(
  remark: Remark,
  draft: RemarkDraft,
  now: string,
): { ok: true; remark: Remark } | { ok: false; issues: RemarkIssue[] } {
  const issues = validateRemarkDraft(draft)
  if (issues.length) return { ok: false, issues }
  // A later time than the one it had, even when the clock is behind another tab's: the edit must win the merge.
  const updatedAt = now > remark.updatedAt ? now : new Date(Date.parse(remark.updatedAt) + 1).toISOString()
  return { ok: true, remark: { ...remark, ...cleaned(draft), updatedAt } }
}

/** Whether a stored value is a remark (stored lists may hold older or damaged entries, which are left out). */
export function isRemark(value: unknown): value is Remark {
  if (typeof value !== 'object' || value === null) return false
  const r = value as Record<string, unknown>
  return (
    typeof r.id === 'string' &&
    typeof r.figure === 'string' &&
    typeof r.text === 'string' &&
    typeof r.owner === 'string' &&
    typeof r.due === 'string' &&
    isRemarkState(r.state) &&
    typeof r.createdAt === 'string' &&
    typeof r.updatedAt === 'string'
  )
}

/** The remarks of a stored value; anything else is an empty list. */
export function asRemarkList(value: unknown): Remark[] {
  return Array.isArray(value) ? value.filter(isRemark) : []
}

/**
 * Merges remarks into a list by id: a remark not in the list is added; one already there is replaced only when the
 * incoming copy was updated later (so a stale tab or an old file never undoes a newer edit). Says what changed.
 */
export function mergeRemarks(
  kept: readonly Remark[],
  incoming: readonly Remark[],
): { list: Remark[]; added: number; updated: number; unchanged: number } {
  const byId = new Map(kept.map((r) => [r.id, r]))
  let added = 0
  let updated = 0
  let unchanged = 0
  for (const r of incoming) {
    const old = byId.get(r.id)
    if (!old) added++
    else if (r.updatedAt > old.updatedAt) updated++
    else {
      unchanged++
      continue
    }
    byId.set(r.id, r)
  }
  return { list: sortRemarks([...byId.values()]), added, updated, unchanged }
}

/** Oldest first, then by id, so every tab lists them in the same order. */
export function sortRemarks(list: readonly Remark[]): Remark[] {
  return [...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
}

/** The remarks of one figure, oldest first. */
export function remarksOf(list: readonly Remark[], figure: string): Remark[] {
  return sortRemarks(list.filter((r) => r.figure === figure))
}

/** How many remarks each figure has (dropped ones are not counted: they no longer ask anything). */
export function remarkCounts(list: readonly Remark[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const r of list) if (r.state !== 'dropped') counts.set(r.figure, (counts.get(r.figure) ?? 0) + 1)
  return counts
}

/** An open follow-up as the brief lists it. */
export interface FollowUp {
  remark: Remark
  figure: RemarkFigure
  /** Due before `today`. */
  overdue: boolean
}

/** Open follow-ups, those due first (soonest first; no due date last), restricted to `districts` when given. */
export function openFollowUps(list: readonly Remark[], today: string, districts?: ReadonlySet<string>): FollowUp[] {
  return list
    .filter((r) => r.state === 'open')
    .flatMap((remark) => {
      const figure = parseRemarkFigureKey(remark.figure)
      if (!figure || (districts && !districts.has(figure.district))) return []
      return [{ remark, figure, overdue: remark.due !== '' && remark.due < today }]
    })
    .sort(
      (a, b) =>
        (a.remark.due === '' ? 1 : 0) - (b.remark.due === '' ? 1 : 0) ||
        a.remark.due.localeCompare(b.remark.due) ||
        a.remark.createdAt.localeCompare(b.remark.createdAt),
    )
}

/** Columns of a remarks CSV, in the order the exporter writes them. */
export const REMARK_CSV_COLUMNS = [
  'id',
  'district',
  'indicator',
  'period',
  'basis',
  'text',
  'owner',
  'due',
  'state',
  'created_at',
  'updated_at',
] as const

/** Columns a remarks file must have; id, basis, owner, due, state and the times may be left out (defaults below). */
export const REMARK_CSV_REQUIRED = ['district', 'indicator', 'period', 'text'] as const

/** The cells of one remark in REMARK_CSV_COLUMNS order. */
export function remarkCsvRow(r: Remark): string[] {
  const f = parseRemarkFigureKey(r.figure) ?? { district: '', indicator: '', period: '', basis: '' }
  return [r.id, f.district, f.indicator, f.period, f.basis, r.text, r.owner, r.due, r.state, r.createdAt, r.updatedAt]
}

/** What a remarks file's row needs beyond its fields: a fresh id and the time now, for rows that leave them out. */
export interface RemarkRowDefaults {
  newId: (line: number) => string
  now: string
}

/**
 * Narrows one untyped row of a remarks file into a remark. Defaults: no id → a new one; no state → open; no times →
 * now; no basis → the indicator's definition as written. Returns every problem of the row, never throws.
 */
export function remarkFromRecord(
  fields: Readonly<Record<string, string>>,
  line: number,
  defaults: RemarkRowDefaults,
): { ok: true; remark: Remark } | { ok: false; issues: RemarkIssue[] } {
  const get = (k: string): string => (fields[k] ?? '').trim()
  const state = get('state') || 'open'
  const draft = { text: fields.text ?? '', owner: get('owner'), due: get('due'), state }
  const issues = validateRemarkDraft(draft, line)
  const parts = { district: get('district'), indicator: get('indicator'), period: get('period'), basis: get('basis') }
  const figure = figureKeyFromParts(parts)
  if (!figure)
    issues.push(
      issue('figure-invalid', line, parts.period && !PERIOD.test(parts.period) ? 'period' : '', {
        value: [parts.district, parts.indicator, parts.period].join(' · '),
      }),
    )
  const id = get('id') || defaults.newId(line)
  if (!ID.test(id)) issues.push(issue('id-invalid', line, 'id', { value: id }))
  const createdAt = get('created_at') || defaults.now
  const updatedAt = get('updated_at') || createdAt
  for (const [column, value] of [
    ['created_at', createdAt],
    ['updated_at', updatedAt],
  ] as const)
    if (!isTimestamp(value)) issues.push(issue('time-invalid', line, column, { value }))
  if (issues.length || !figure || !isRemarkState(state)) return { ok: false, issues }
  return {
    ok: true,
    remark: {
      id,
      figure,
      text: draft.text.trim(),
      owner: draft.owner,
      due: draft.due,
      state,
      createdAt,
      updatedAt,
    },
  }
}

/** Translated wording of remarks in a deck's speaker notes (the UI's message table fills it). */
export interface RemarkNoteLabels {
  /** The line before the remarks: zh '批注与督办：'. */
  heading: string
  /** One remark: zh '{figure}：{text}（{state}；{owner}；{due}）'. */
  item: (p: { figure: string; text: string; state: string; owner: string; due: string }) => string
  states: Record<RemarkState, string>
  ownerNone: string
  dueNone: string
  /** How a figure is named: district · indicator · period. */
  figureName: (figure: RemarkFigure) => string
}

/** Speaker notes for the remarks on some figures (keys as remarkFigureKey gives them); '' when there are none. */
export function remarkNotes(list: readonly Remark[], figures: readonly string[], labels: RemarkNoteLabels): string {
  const wanted = new Set(figures)
  const lines = sortRemarks(list.filter((r) => wanted.has(r.figure))).flatMap((r) => {
    const figure = parseRemarkFigureKey(r.figure)
    if (!figure) return []
    return [
      labels.item({
        figure: labels.figureName(figure),
        text: r.text,
        state: labels.states[r.state],
        owner: r.owner || labels.ownerNone,
        due: r.due || labels.dueNone,
      }),
    ]
  })
  return lines.length ? [labels.heading, ...lines].join('\n') : ''
}
