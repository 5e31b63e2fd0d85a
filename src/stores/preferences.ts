import { defineStore } from 'pinia'
import { useStorage } from '@vueuse/core'

/** Display preferences of this browser (not part of a shared link). */
export const usePreferencesStore = defineStore('preferences', () => {
  /** Decal patterns on every bar, for colour-blind viewers and black-and-white print. */
  const accessible = useStorage('union-dashboard:accessible', false)
  return { accessible }
})
