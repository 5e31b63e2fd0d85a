import { describe, expect, it } from 'vitest'
import {
  createRemark,
  editRemark,
  figureKeyFromParts,
  isRealDate,
  mergeRemarks,
  openFollowUps,
  parseRemarkFigureKey,
  remarkCounts,
  remarkFigureKey,
  remarkFromRecord,
  remarkNotes,
  validateRemarkDraft,
  type Remark,
  type RemarkDraft,
} from '../../../src/domain/remarks'

const draft = (over: Partial<RemarkDraft> = {}): RemarkDraft => ({
  text: '核实口径',
  owner: '张三',
  due: '2025-06-30',
  state: 'open',
  ...over,
})

const remark = (over: Partial<Remark> = {}): Remark => ({
  id: 'a',
  figure: 'xiaoshan|members|2024|',
  text: '核实',
  owner: '',
  due: '',
  state: 'open',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...over,
})

describe('remarkFigureKey', () => {
  it.each([
    [{ district: 'xihu', indicator: 'members', start: 2024, end: 2024, basis: '' }, 'xihu|members|2024|'],
    [{ district: 'xihu', indicator: 'members', start: 2016, end: 2020, basis: 'b1' }, 'xihu|members|2016-2020|b1'],
  ])('keys %o as %s and parses it back', (m, key) => {
    expect(remarkFigureKey(m)).toBe(key)
    expect(parseRemarkFigureKey(key)).toEqual({
      district: m.district,
      indicator: m.indicator,
      period: key.split('|')[2],
      basis: m.basis,
    })
  })

  it.each(['', 'a|b|2024', 'a|b|24|', 'a|b|2020-2016|', '|b|2024|', 'a|b|2024||x'])('rejects %j', (key) => {
    expect(parseRemarkFigureKey(key)).toBeNull()
  })

  it('refuses parts holding the separator', () => {
    expect(figureKeyFromParts({ district: 'a|b', indicator: 'c', period: '2024', basis: '' })).toBeNull()
  })
})

describe('isRealDate', () => {
  it.each([
    ['2025-06-30', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-6-30', false],
    ['2025/06/30', false],
    ['', false],
  ])('%j → %s', (text, real) => expect(isRealDate(text)).toBe(real))
})

describe('validateRemarkDraft', () => {
  it.each([
    [draft(), []],
    [draft({ text: '   ' }), ['text-missing']],
    [draft({ text: '字'.repeat(501) }), ['text-too-long']],
    [draft({ text: '字'.repeat(500) }), []],
    [draft({ owner: 'x'.repeat(61) }), ['owner-too-long']],
    [draft({ due: '2025-02-30' }), ['due-invalid']],
    [draft({ due: '' }), []],
    [{ ...draft(), state: 'closed' }, ['state-invalid']],
    [{ text: '', owner: '', due: 'soon', state: 'x' }, ['text-missing', 'due-invalid', 'state-invalid']],
  ])('%o gives %j', (d, codes) => {
    expect(validateRemarkDraft(d).map((i) => i.code)).toEqual(codes)
  })
})

describe('createRemark and editRemark', () => {
  it('trims the draft and stamps both times', () => {
    const made = createRemark('xihu|members|2024|', draft({ text: ' 核实 ', owner: ' 李四 ' }), { id: 'r1', now: 'T' })
    expect(made).toEqual({
      ok: true,
      remark: {
        id: 'r1',
        figure: 'xihu|members|2024|',
        text: '核实',
        owner: '李四',
        due: '2025-06-30',
        state: 'open',
        createdAt: 'T',
        updatedAt: 'T',
      },
    })
  })

  it('refuses a key that names no figure', () => {
    const made = createRemark('nonsense', draft(), { id: 'r1', now: 'T' })
    expect(made.ok ? [] : made.issues.map((i) => i.code)).toEqual(['figure-invalid'])
  })

  it('keeps id, figure and creation time and moves the update time forward even when the clock is behind', () => {
    const old = remark({ updatedAt: '2025-05-01T00:00:00.000Z' })
    const edited = editRemark(old, draft({ state: 'done' }), '2025-04-01T00:00:00.000Z')
    expect(edited.ok && edited.remark).toMatchObject({ id: 'a', figure: old.figure, state: 'done' })
    expect(edited.ok && edited.remark.updatedAt > old.updatedAt).toBe(true)
  })
})

describe('mergeRemarks', () => {
  it('adds new ids, replaces only with later edits, and counts each', () => {
    const kept = [remark({ id: 'a' }), remark({ id: 'b', text: 'new', updatedAt: '2025-03-01T00:00:00.000Z' })]
    const incoming = [
      remark({ id: 'b', text: 'stale', updatedAt: '2025-02-01T00:00:00.000Z' }),
      remark({ id: 'a', text: 'edited', updatedAt: '2025-02-01T00:00:00.000Z' }),
      remark({ id: 'c' }),
    ]
    const merged = mergeRemarks(kept, incoming)
    expect(merged).toMatchObject({ added: 1, updated: 1, unchanged: 1 })
    expect(merged.list.map((r) => [r.id, r.text])).toEqual([
      ['a', 'edited'],
      ['b', 'new'],
      ['c', '核实'],
    ])
  })
})

describe('remarkCounts and openFollowUps', () => {
  const list = [
    remark({ id: 'a', due: '' }),
    remark({ id: 'b', due: '2025-07-01' }),
    remark({ id: 'c', due: '2025-03-01', figure: 'xihu|members|2024|' }),
    remark({ id: 'd', state: 'done' }),
    remark({ id: 'e', state: 'dropped' }),
  ]

  it('counts remarks per figure, dropped ones left out', () => {
    expect([...remarkCounts(list)]).toEqual([
      ['xiaoshan|members|2024|', 3],
      ['xihu|members|2024|', 1],
    ])
  })

  it('lists open ones, soonest due first, undated last, with overdue marked', () => {
    const open = openFollowUps(list, '2025-04-01')
    expect(open.map((f) => [f.remark.id, f.overdue])).toEqual([
      ['c', true],
      ['b', false],
      ['a', false],
    ])
  })

  it('keeps to the districts given', () => {
    expect(openFollowUps(list, '2025-04-01', new Set(['xihu'])).map((f) => f.remark.id)).toEqual(['c'])
  })
})

describe('remarkFromRecord', () => {
  const defaults = { newId: (line: number) => `new${line}`, now: '2025-01-02T00:00:00.000Z' }
  const fields = { district: 'xihu', indicator: 'members', period: '2024', text: '核实' }

  it('fills defaults for the optional columns', () => {
    expect(remarkFromRecord(fields, 2, defaults)).toEqual({
      ok: true,
      remark: {
        id: 'new2',
        figure: 'xihu|members|2024|',
        text: '核实',
        owner: '',
        due: '',
        state: 'open',
        createdAt: defaults.now,
        updatedAt: defaults.now,
      },
    })
  })

  it.each([
    [{ period: '24' }, [['figure-invalid', 'period']]],
    [{ district: '' }, [['figure-invalid', '']]],
    [{ state: 'closed' }, [['state-invalid', 'state']]],
    [
      { due: '2025-02-30', text: '' },
      [
        ['text-missing', 'text'],
        ['due-invalid', 'due'],
      ],
    ],
    [{ id: 'a b' }, [['id-invalid', 'id']]],
    [
      { created_at: 'yesterday' },
      [
        ['time-invalid', 'created_at'],
        ['time-invalid', 'updated_at'],
      ],
    ],
  ])('with %o reports %j on the row line', (over, expected) => {
    const row = remarkFromRecord({ ...fields, ...over }, 7, defaults)
    expect(row.ok).toBe(false)
    if (!row.ok) {
      expect(row.issues.map((i) => [i.code, i.column])).toEqual(expected)
      expect(row.issues.every((i) => i.line === 7)).toBe(true)
    }
  })
})

describe('remarkNotes', () => {
  const labels = {
    heading: '批注：',
    item: (p: { figure: string; text: string; state: string; owner: string; due: string }) =>
      `${p.figure}：${p.text}（${p.state}；${p.owner}；${p.due}）`,
    states: { open: '待办', done: '已完成', dropped: '已放弃' },
    ownerNone: '未定',
    dueNone: '无时限',
    figureName: (f: { district: string; indicator: string; period: string }) =>
      [f.district, f.indicator, f.period].join(' · '),
  }

  it('lists the remarks on the figures given, with defaults for owner and due', () => {
    const list = [
      remark({ id: 'a', owner: '张三', due: '2025-06-30' }),
      remark({ id: 'b', figure: 'xihu|members|2024|', state: 'done' }),
    ]
    expect(remarkNotes(list, ['xiaoshan|members|2024|'], labels)).toBe(
      '批注：\nxiaoshan · members · 2024：核实（待办；张三；2025-06-30）',
    )
    expect(remarkNotes(list, ['xihu|members|2024|'], labels)).toBe(
      '批注：\nxihu · members · 2024：核实（已完成；未定；无时限）',
    )
  })

  it('gives nothing for figures without remarks', () => {
    expect(remarkNotes([remark()], ['fuyang|members|2024|'], labels)).toBe('')
  })
})
