import { describe, expect, it } from 'vitest'
import { isStepKey, nextStepRun, type HistoryMode, type StepCause } from '../../../src/composables/useStepHistory'

/** The history modes a sequence of changes produces, starting outside a run. */
function modes(causes: Array<StepCause | 'blur'>): HistoryMode[] {
  let inRun = false
  const out: HistoryMode[] = []
  for (const cause of causes) {
    if (cause === 'blur') {
      inRun = false
      continue
    }
    const next = nextStepRun(inRun, cause)
    inRun = next.inRun
    out.push(next.mode)
  }
  return out
}

describe('isStepKey', () => {
  it('counts arrows, Home/End, PageUp/PageDown and type-ahead characters as steps', () => {
    for (const key of [
      'ArrowUp',
      'ArrowDown',
      'ArrowLeft',
      'ArrowRight',
      'Home',
      'End',
      'PageUp',
      'PageDown',
      '2',
      'a',
    ])
      expect(isStepKey(key), key).toBe(true)
  })

  it('does not count keys that open, commit or leave', () => {
    for (const key of ['Enter', 'Escape', 'Tab', 'Shift', 'F4']) expect(isStepKey(key), key).toBe(false)
  })
})

describe('nextStepRun', () => {
  it('pushes the first keyboard step and replaces the steps after it', () => {
    expect(modes(['step', 'step', 'step'])).toEqual(['push', 'replace', 'replace'])
  })

  it('pushes every deliberate choice', () => {
    expect(modes(['choice', 'choice'])).toEqual(['push', 'push'])
  })

  it('starts a new entry after a choice or after focus leaves', () => {
    expect(modes(['step', 'step', 'choice', 'step', 'step'])).toEqual(['push', 'replace', 'push', 'push', 'replace'])
    expect(modes(['step', 'step', 'blur', 'step'])).toEqual(['push', 'replace', 'push'])
  })
})
