import { describe, expect, it } from 'vitest'
import { nextFocus, type SelectableItem } from '../../../../src/charts/options/selectable-items'

const item = (dataIndex: number): SelectableItem => ({ seriesIndex: 0, dataIndex, metricKey: `k${dataIndex}` })
const ITEMS = [item(0), item(1), item(2), item(3)]

describe('nextFocus', () => {
  it('moves forward with → and ↓, back with ← and ↑, wrapping around', () => {
    expect(nextFocus('ArrowRight', 1, ITEMS)).toEqual({ type: 'focus', index: 2 })
    expect(nextFocus('ArrowDown', 3, ITEMS)).toEqual({ type: 'focus', index: 0 })
    expect(nextFocus('ArrowLeft', 1, ITEMS)).toEqual({ type: 'focus', index: 0 })
    expect(nextFocus('ArrowUp', 0, ITEMS)).toEqual({ type: 'focus', index: 3 })
  })

  it('starts at the first item going forward and at the last going back', () => {
    expect(nextFocus('ArrowRight', -1, ITEMS)).toEqual({ type: 'focus', index: 0 })
    expect(nextFocus('ArrowLeft', -1, ITEMS)).toEqual({ type: 'focus', index: 3 })
  })

  it('opens the focused item with Enter or Space, and nothing when none is focused', () => {
    expect(nextFocus('Enter', 2, ITEMS)).toEqual({ type: 'select', item: item(2) })
    expect(nextFocus(' ', 0, ITEMS)).toEqual({ type: 'select', item: item(0) })
    expect(nextFocus('Enter', -1, ITEMS)).toBeNull()
  })

  it('lets go with Escape', () => {
    expect(nextFocus('Escape', 2, ITEMS)).toEqual({ type: 'clear' })
  })

  it('does nothing for other keys, or for arrows on a chart without figures', () => {
    expect(nextFocus('Tab', 1, ITEMS)).toBeNull()
    expect(nextFocus('a', 1, ITEMS)).toBeNull()
    expect(nextFocus('ArrowRight', -1, [])).toBeNull()
  })
})
