import { describe, expect, it } from 'vitest'
import { autoAdvance, clampSlide, reduceSlide, slideActionForKey } from '../../../src/domain/slide-navigation'

describe('reduceSlide', () => {
  it('moves forward and back by one', () => {
    expect(reduceSlide(0, 5, { type: 'next' })).toBe(1)
    expect(reduceSlide(3, 5, { type: 'prev' })).toBe(2)
  })

  it('stays on the last slide at next and on the first at prev', () => {
    expect(reduceSlide(4, 5, { type: 'next' })).toBe(4)
    expect(reduceSlide(0, 5, { type: 'prev' })).toBe(0)
  })

  it('jumps to the first and last slide', () => {
    expect(reduceSlide(3, 12, { type: 'home' })).toBe(0)
    expect(reduceSlide(3, 12, { type: 'end' })).toBe(11)
  })

  it('clamps goto into the deck', () => {
    expect(reduceSlide(0, 5, { type: 'goto', index: 2 })).toBe(2)
    expect(reduceSlide(0, 5, { type: 'goto', index: 99 })).toBe(4)
    expect(reduceSlide(0, 5, { type: 'goto', index: -3 })).toBe(0)
  })

  it('brings an index left out of bounds by a shrinking deck back in', () => {
    expect(reduceSlide(9, 3, { type: 'prev' })).toBe(1)
    expect(reduceSlide(9, 3, { type: 'next' })).toBe(2)
  })

  it('keeps an empty deck at 0', () => {
    for (const type of ['next', 'prev', 'home', 'end'] as const) expect(reduceSlide(0, 0, { type })).toBe(0)
  })
})

describe('clampSlide', () => {
  it('truncates fractions and rejects non-finite indexes', () => {
    expect(clampSlide(2.7, 5)).toBe(2)
    expect(clampSlide(Number.NaN, 5)).toBe(0)
  })
})

describe('autoAdvance', () => {
  it('advances one slide per tick', () => {
    expect(autoAdvance(0, 4, 'stop')).toEqual({ index: 1, stop: false })
  })

  it('stops on reaching the last slide with stop', () => {
    expect(autoAdvance(2, 4, 'stop')).toEqual({ index: 3, stop: true })
    expect(autoAdvance(3, 4, 'stop')).toEqual({ index: 3, stop: true })
  })

  it('wraps from the last slide to the first with wrap', () => {
    expect(autoAdvance(2, 4, 'wrap')).toEqual({ index: 3, stop: false })
    expect(autoAdvance(3, 4, 'wrap')).toEqual({ index: 0, stop: false })
  })

  it('stops at once for a deck of one slide or none', () => {
    expect(autoAdvance(0, 1, 'wrap')).toEqual({ index: 0, stop: true })
    expect(autoAdvance(0, 0, 'stop')).toEqual({ index: 0, stop: true })
  })
})

describe('slideActionForKey', () => {
  it('maps arrows, clicker PageUp/PageDown and Space', () => {
    expect(slideActionForKey('ArrowRight')).toEqual({ type: 'next' })
    expect(slideActionForKey('PageDown')).toEqual({ type: 'next' })
    expect(slideActionForKey(' ')).toEqual({ type: 'next' })
    expect(slideActionForKey('ArrowLeft')).toEqual({ type: 'prev' })
    expect(slideActionForKey('PageUp')).toEqual({ type: 'prev' })
  })

  it('maps Home, End and Escape', () => {
    expect(slideActionForKey('Home')).toEqual({ type: 'home' })
    expect(slideActionForKey('End')).toEqual({ type: 'end' })
    expect(slideActionForKey('Escape')).toBe('exit')
  })

  it('ignores other keys', () => {
    expect(slideActionForKey('a')).toBeNull()
    expect(slideActionForKey('Tab')).toBeNull()
  })
})
