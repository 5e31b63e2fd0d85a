import { storeToRefs } from 'pinia'
import { serializeCsv } from '../dataset/export-csv'
import {
  buildDistrictTable,
  buildIndicatorTable,
  buildMetricsTemplate,
  nextReportYear,
  TEMPLATE_FILES,
  type CsvTable,
} from '../domain/import-template'
import { useDatasetsStore } from '../stores/datasets'
import { useImportsStore } from '../stores/imports'
import { downloadBlob } from './useDownload'

/** What the import panel and button call. */
export interface UseDatasetImportReturn {
  /** Imports the first file of a list (from the file input or a drop); returns whether there were more. */
  importFiles(files: FileList | readonly File[] | null): boolean
  downloadTemplate(): void
  downloadIndicators(): void
  downloadDistricts(): void
}

function saveTable(table: CsvTable, fileName: string): void {
  // BOM so Excel on Chinese Windows opens the Chinese names intact.
  const text = serializeCsv(table.header, table.rows, { bom: true })
  downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName)
}

/** Starts imports and offers the fill-in template with the indicator and district catalogues beside it. */
export function useDatasetImport(): UseDatasetImportReturn {
  const imports = useImportsStore()
  const { catalogue, builtIn } = storeToRefs(useDatasetsStore())

  function importFiles(files: FileList | readonly File[] | null): boolean {
    const list = files ? Array.from(files) : []
    const first = list[0]
    if (!first) return false
    void imports.importFile(first)
    return list.length > 1
  }

  return {
    importFiles,
    downloadTemplate: () =>
      saveTable(
        buildMetricsTemplate(catalogue.value, nextReportYear(builtIn.value, new Date().getFullYear())),
        TEMPLATE_FILES.metrics,
      ),
    downloadIndicators: () => saveTable(buildIndicatorTable(catalogue.value.indicators), TEMPLATE_FILES.indicators),
    downloadDistricts: () => saveTable(buildDistrictTable(catalogue.value.districts), TEMPLATE_FILES.districts),
  }
}
