/** A move through the slide deck. */
export type SlideAction =
  { type: 'next' } | { type: 'prev' } | { type: 'home' } | { type: 'end' } | { type: 'goto'; index: number }

/** What auto-advance does after the last slide. */
export type AtEnd = 'wrap' | 'stop'

/** The seconds auto-advance may wait per slide; 0 means off. */
export const AUTO_ADVANCE_CHOICES = [0, 10, 20, 30] as const
/** An auto-advance interval in seconds (0 = off). */
export type AutoAdvanceSeconds = (typeof AUTO_ADVANCE_CHOICES)[number]

/** The index kept within 0…count-1 (0 for an empty deck). */
export function clampSlide(index: number, count: number): number {
  if (count <= 0 || !Number.isFinite(index)) return 0
  return Math.min(Math.max(Math.trunc(index), 0), count - 1)
}

/** The slide index after an action; never leaves the deck (prev on the first slide stays there). */
export function reduceSlide(index: number, count: number, action: SlideAction): number {
  const i = clampSlide(index, count)
  switch (action.type) {
    case 'next':
      return clampSlide(i + 1, count)
    case 'prev':
      return clampSlide(i - 1, count)
    case 'home':
      return 0
    case 'end':
      return clampSlide(count - 1, count)
    case 'goto':
      return clampSlide(action.index, count)
  }
}

/** One auto-advance tick: the next index, and whether the timer should stop (last slide reached with 'stop'). */
export function autoAdvance(index: number, count: number, atEnd: AtEnd): { index: number; stop: boolean } {
  const i = clampSlide(index, count)
  if (count <= 1) return { index: i, stop: true }
  if (i < count - 1) return { index: i + 1, stop: atEnd === 'stop' && i + 1 === count - 1 }
  return atEnd === 'wrap' ? { index: 0, stop: false } : { index: i, stop: true }
}

/** What a key does in presentation mode: a slide action, 'exit', or null when the key is not ours. */
export function slideActionForKey(key: string): SlideAction | 'exit' | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown': // presentation clickers send PageDown / PageUp
    case ' ':
    case 'Spacebar':
      return { type: 'next' }
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return { type: 'prev' }
    case 'Home':
      return { type: 'home' }
    case 'End':
      return { type: 'end' }
    case 'Escape':
    case 'Esc':
      return 'exit'
    default:
      return null
  }
}
