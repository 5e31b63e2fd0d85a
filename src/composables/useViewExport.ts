import { computed, type ComputedRef, type Ref } from 'vue'
import { useChartRegistryStore, type RegisteredChart } from '../stores/chart-registry'
import { useExportRunner, type ExportStatus } from './useChartExport'

/** Return of useViewExport. */
export interface UseViewExportReturn {
  busy: Ref<boolean>
  status: Ref<ExportStatus | null>
  /** Charts of the current view, in page order. */
  charts: ComputedRef<RegisteredChart[]>
  downloadZip: () => Promise<void>
  downloadPptx: () => Promise<void>
  downloadCsv: () => Promise<void>
  downloadXlsx: () => Promise<void>
}

const jobs = () => import('../export/export-jobs')

/** Exports the whole current view from the chart registry: PNGs as a ZIP, a PowerPoint deck, its figures as CSV or Excel. */
export function useViewExport(): UseViewExportReturn {
  const registry = useChartRegistryStore()
  const { busy, status, screen, run, progress } = useExportRunner()
  const charts = computed(() => registry.charts)
  // A copy, so charts mounting or unmounting while a long export runs do not change what it draws.
  const snapshot = (): RegisteredChart[] => [...registry.charts]

  return {
    busy,
    status,
    charts,
    downloadZip: () => run(async () => (await jobs()).viewZipFile(screen(), snapshot(), progress)),
    downloadPptx: () => run(async () => (await jobs()).viewPptxFile(screen(), snapshot(), progress)),
    downloadCsv: () => run(async () => (await jobs()).viewCsvFile(screen(), snapshot())),
    downloadXlsx: () => run(async () => (await jobs()).viewXlsxFile(screen(), snapshot())),
  }
}
