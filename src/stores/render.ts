import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

/** Tracks charts whose latest option has not finished drawing, so the page can say when it is really ready. */
export const useRenderStore = defineStore('render', () => {
  const pending = ref(new Set<string>())
  const busy = computed(() => pending.value.size > 0)

  function begin(id: string): void {
    pending.value.add(id)
  }
  function end(id: string): void {
    pending.value.delete(id)
    if (pending.value.size === 0 && typeof performance !== 'undefined') performance.mark('charts-drawn')
  }
  return { pending, busy, begin, end }
})
