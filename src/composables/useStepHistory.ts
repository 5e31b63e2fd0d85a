import { useEventListener } from '@vueuse/core'

/** How history records a filter change. */
export type HistoryMode = 'push' | 'replace'

/** Why a stepped control changed: a key that moves to the neighbouring value, or a deliberate choice (click, pick). */
export type StepCause = 'step' | 'choice'

// Keys that move a closed <select> or a tablist to a neighbouring value; a printable character is type-ahead.
const STEP_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'])

/** Whether a key steps through values (arrows, Home/End, PageUp/PageDown, a type-ahead character) rather than commits. */
export function isStepKey(key: string): boolean {
  return STEP_KEYS.has(key) || [...key].length === 1
}

/**
 * The history mode of a change and whether a run of keyboard steps is under way after it. The first step of a
 * run pushes and the steps after it replace that entry, so Back returns to the value chosen before the run;
 * a deliberate choice always pushes and ends the run.
 */
export function nextStepRun(inRun: boolean, cause: StepCause): { mode: HistoryMode; inRun: boolean } {
  if (cause === 'choice') return { mode: 'push', inRun: false }
  return { mode: inRun ? 'replace' : 'push', inRun: true }
}

/** What useStepHistory gives a control. */
export interface UseStepHistoryReturn {
  /** Call on the control's keydown: remembers whether the change that follows is a keyboard step. */
  onKeydown(e: KeyboardEvent): void
  /** Call on keyup and pointerdown: a change after it is not a keyboard step. */
  onKeyEnd(): void
  /** Call when focus leaves the control: the next keyboard step starts a new entry. */
  end(): void
  /** The history mode for the change being applied now (the cause defaults to what the last key said). */
  modeFor(cause?: StepCause): HistoryMode
}

/**
 * History for a control whose keyboard use steps through values (a closed <select> changes on every arrow key,
 * a tablist selects as focus moves): one entry per run of steps, so Back goes to the previous chosen filter.
 */
export function useStepHistory(): UseStepHistoryReturn {
  let inRun = false
  let stepping = false
  const end = (): void => {
    inRun = false
    stepping = false
  }
  // Back/Forward leave the entry the run was rewriting; the next step must not overwrite the one now shown.
  useEventListener(window, 'popstate', end)
  return {
    onKeydown: (e) => {
      stepping = !e.altKey && !e.ctrlKey && !e.metaKey && isStepKey(e.key)
    },
    onKeyEnd: () => {
      stepping = false
    },
    end,
    modeFor: (cause) => {
      const next = nextStepRun(inRun, cause ?? (stepping ? 'step' : 'choice'))
      inRun = next.inRun
      return next.mode
    },
  }
}
