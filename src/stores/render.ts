import { defineStore, storeToRefs } from 'pinia'
import { computed, ref, watch } from 'vue'
import { useDatasetsStore } from './datasets'

/** What the root element's `data-state` says (docs/readiness.md). */
export type PageState = 'loading' | 'ready' | 'error'

const mark = (name: string): void => {
  if (typeof performance !== 'undefined' && !performance.getEntriesByName(name).length) performance.mark(name)
}
const nextFrame = (run: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => run())
  else setTimeout(run, 16)
}

/**
 * The page's readiness protocol, in one place (docs/readiness.md): work that must finish before the page is
 * "ready" (a chart drawing, a lazily loaded view mounting, cards mounting in batches) is begun and ended here by
 * key, and `state` turns that and the data's status into the root element's data-state.
 */
export const useRenderStore = defineStore('render', () => {
  const pending = ref(new Set<string>())
  const busy = computed(() => pending.value.size > 0)
  const { status } = storeToRefs(useDatasetsStore())

  function begin(id: string): void {
    pending.value.add(id)
  }
  function end(id: string): void {
    pending.value.delete(id)
    if (pending.value.size === 0 && typeof performance !== 'undefined') performance.mark('charts-drawn')
  }

  // First load: "ready" once the data are in and no chart in view is still drawing, the moment the last one
  // finishes (as the benchmark's floor pages count it). Checked after the render that follows each change, when the
  // view the data brought has mounted and its cards have said whether they draw (a card out of view settles as it
  // mounts), so the data arriving cannot make the page say ready before its charts are there.
  const settled = ref(false)
  watch(
    [busy, status],
    ([isBusy, state]) => {
      settled.value = !isBusy && state === 'ready'
    },
    { flush: 'post' },
  )
  // Later redraws (a filter change, a chart scrolled into view) draw within one task, so leaving "ready" only while
  // busy would never show: the page stays "loading" until the frame after the last chart finished, where tools can
  // see it leave and come back.
  const redrawing = ref(false)
  let wasReady = false
  watch(
    busy,
    (isBusy) => {
      if (isBusy && wasReady) redrawing.value = true
      else if (!isBusy && redrawing.value) nextFrame(() => (redrawing.value = busy.value))
    },
    { flush: 'sync' },
  )

  const state = computed<PageState>(() => {
    if (status.value !== 'ready') return status.value
    return settled.value && !busy.value && !redrawing.value ? 'ready' : 'loading'
  })
  // Marks the benchmark reads: navigation → the data are in, then → every chart in view drawn (the first time).
  watch(status, (s) => s === 'ready' && mark('phase:data'), { immediate: true })
  watch(
    state,
    (s) => {
      if (s !== 'ready') return
      wasReady = true
      mark('app-ready')
    },
    { immediate: true },
  )

  /** The view has mounted, charts not yet drawn: a phase the benchmark reports on the way to app-ready. */
  function viewRendered(): void {
    mark('phase:rendered')
  }

  return { pending, busy, state, begin, end, viewRendered }
})
