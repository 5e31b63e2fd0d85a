import { ref, type Ref } from 'vue'
import { useEventListener } from '@vueuse/core'

/** Options for useImportDrop. */
export interface UseImportDropOptions {
  onDrop: (files: FileList) => void
}

/** State of a file drag over the page. */
export interface UseImportDropReturn {
  /** True while files are dragged over the page (the overlay shows). */
  dragging: Ref<boolean>
}

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files')
}

/** Makes the whole page a drop target for files; text or link drags are left to the browser. */
export function useImportDrop(options: UseImportDropOptions): UseImportDropReturn {
  const dragging = ref(false)
  // dragenter/dragleave fire for every child crossed; counting them tells when the drag has left the window.
  let depth = 0

  useEventListener(window, 'dragenter', (event: DragEvent) => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    depth++
    dragging.value = true
  })
  useEventListener(window, 'dragover', (event: DragEvent) => {
    if (!carriesFiles(event)) return
    // Without this the browser would open the file in place of the dashboard.
    event.preventDefault()
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
  })
  // Leaving and dropping are matched to the drag that showed the overlay, whatever types they report.
  useEventListener(window, 'dragleave', () => {
    if (!dragging.value) return
    depth = Math.max(0, depth - 1)
    if (depth === 0) dragging.value = false
  })
  useEventListener(window, 'drop', (event: DragEvent) => {
    const wasDragging = dragging.value
    depth = 0
    dragging.value = false
    if (!carriesFiles(event)) {
      if (wasDragging) event.preventDefault()
      return
    }
    event.preventDefault()
    const files = event.dataTransfer?.files
    if (files && files.length > 0) options.onDrop(files)
  })

  return { dragging }
}
