import { defineStore } from 'pinia'
import { ref } from 'vue'

/** Which figure's provenance panel is open (a metricKey: district|indicator|period|dataset), if any. */
export const useProvenanceStore = defineStore('provenance', () => {
  const selected = ref<string | null>(null)
  function open(metricKey: string): void {
    selected.value = metricKey
  }
  function close(): void {
    selected.value = null
  }
  return { selected, open, close }
})
