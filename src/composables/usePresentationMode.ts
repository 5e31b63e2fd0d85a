import { onMounted, watch, type Ref } from 'vue'
import { storeToRefs } from 'pinia'
import { onKeyStroke, tryOnScopeDispose, useFullscreen, useIntervalFn, useScrollLock, useWakeLock } from '@vueuse/core'
import { usePresentationStore } from '../stores/presentation'
import { slideActionForKey } from '../domain/slide-navigation'

/** Options of usePresentationMode. */
export interface UsePresentationModeOptions {
  /** The overlay root: focused on open so keys and screen readers land in the slides. */
  root: Ref<HTMLElement | null>
}

/** What usePresentationMode gives the overlay. */
export interface UsePresentationModeReturn {
  /** True when the browser granted fullscreen; otherwise the overlay simply covers the viewport. */
  isFullscreen: Ref<boolean>
}

const FIELD = 'input, select, textarea, [contenteditable="true"]'

/**
 * The side effects of the slide show while its overlay is mounted: fullscreen (falls back to the fixed overlay
 * when refused), keyboard and clicker keys, auto-advance, screen wake lock and page scroll lock.
 * Everything is undone when the overlay unmounts.
 */
export function usePresentationMode(opts: UsePresentationModeOptions): UsePresentationModeReturn {
  const store = usePresentationStore()
  const { autoAdvanceSeconds, autoAdvanceOn, slideIndex } = storeToRefs(store)
  const { isFullscreen, enter, exit } = useFullscreen(undefined, { autoExit: true })
  const wakeLock = useWakeLock()
  const scrollLock = useScrollLock(typeof document === 'undefined' ? null : document.body)
  const returnFocus = typeof document === 'undefined' ? null : document.activeElement
  let grantedFullscreen = false

  onMounted(async () => {
    scrollLock.value = true
    opts.root.value?.focus()
    try {
      await enter()
      grantedFullscreen = isFullscreen.value
    } catch {
      grantedFullscreen = false // refused (no user gesture, iframe, policy): the fixed overlay already fills the viewport
    }
    if (wakeLock.isSupported.value) await wakeLock.request('screen').catch(() => undefined)
  })

  // Esc in fullscreen is taken by the browser to leave fullscreen, so the keydown never reaches us: leaving
  // fullscreen ends the show.
  watch(isFullscreen, (now) => {
    if (grantedFullscreen && !now) store.stop()
  })

  onKeyStroke((e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return
    if (autoAdvanceOn.value) store.paused = true // any key pauses auto-advance
    const target = e.target instanceof Element ? e.target : null
    const action = slideActionForKey(e.key)
    if (!action) return
    if (action !== 'exit' && target?.closest(FIELD)) return // the toolbar's select keeps its arrow keys
    if ((e.key === ' ' || e.key === 'Enter') && target?.closest('button')) return // a focused button clicks
    e.preventDefault()
    if (action === 'exit') store.stop()
    else store.go(action)
  })

  const timer = useIntervalFn(
    () => store.tick(),
    () => autoAdvanceSeconds.value * 1000,
    { immediate: false },
  )
  watch(autoAdvanceOn, (on) => (on ? timer.resume() : timer.pause()), { immediate: true })
  // A slide reached by hand gets its full interval.
  watch(slideIndex, () => {
    if (autoAdvanceOn.value) timer.resume()
  })

  tryOnScopeDispose(() => {
    scrollLock.value = false
    void wakeLock.release()
    if (isFullscreen.value) void exit()
    if (returnFocus instanceof HTMLElement) returnFocus.focus()
  })

  return { isFullscreen }
}
