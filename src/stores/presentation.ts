import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

/** Meeting mode: whether slides are showing, and how large chart type is. */
export const usePresentationStore = defineStore('presentation', () => {
  const active = ref(false)
  const theme = ref<'light' | 'dark'>('light')
  const fontScale = computed(() => (active.value ? 1.6 : 1))
  return { active, theme, fontScale }
})
