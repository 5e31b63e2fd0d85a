import { ref, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue'
import { tryOnScopeDispose } from '@vueuse/core'
import { useRenderStore } from '../stores/render'

/** Options of useBatchedMount. */
export interface UseBatchedMountOptions {
  /** Pending key in the render store while items are still being added (the page is not ready meanwhile). */
  renderKey: string
  /** Items added per task. */
  batch?: number
}

/**
 * How many of `total` items to mount: one batch at once, the rest a batch per task. A large import can put every
 * indicator on a page, and mounting a hundred and more charts in one update stalls the page.
 */
export function useBatchedMount(total: MaybeRefOrGetter<number>, options: UseBatchedMountOptions): Ref<number> {
  const batch = options.batch ?? 32
  const render = useRenderStore()
  const shown = ref(0)
  let timer: ReturnType<typeof setTimeout> | undefined

  function stop(): void {
    if (timer === undefined) return
    clearTimeout(timer)
    timer = undefined
    render.end(options.renderKey)
  }

  function step(): void {
    const target = toValue(total)
    shown.value = Math.min(target, shown.value + batch)
    if (shown.value < target) timer = setTimeout(step, 0)
    else {
      timer = undefined
      render.end(options.renderKey)
    }
  }

  watch(
    () => toValue(total),
    (target) => {
      // The first batch goes in the same update; fewer items than that never wait.
      shown.value = Math.min(target, Math.max(shown.value, batch))
      if (shown.value >= target) stop()
      else if (timer === undefined) {
        render.begin(options.renderKey)
        timer = setTimeout(step, 0)
      }
    },
    { immediate: true },
  )
  tryOnScopeDispose(stop)
  return shown
}
