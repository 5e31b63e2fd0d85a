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
import { downloadBlob } from './useDownload'

/** The downloads the import panel offers. */
export interface UseDatasetImportReturn {
  downloadTemplate(): void
  downloadIndicators(): void
  downloadDistricts(): void
}

function saveTable(table: CsvTable, fileName: string): void {
  // BOM so Excel on Chinese Windows opens the Chinese names intact.
  const text = serializeCsv(table.header, table.rows, { bom: true })
  downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName)
}

/** The fill-in template, with the indicator and district catalogues beside it. */
export function useDatasetImport(): UseDatasetImportReturn {
  const { catalogue, builtIn } = storeToRefs(useDatasetsStore())

  return {
    downloadTemplate: () =>
      saveTable(
        buildMetricsTemplate(catalogue.value, nextReportYear(builtIn.value, new Date().getFullYear())),
        TEMPLATE_FILES.metrics,
      ),
    downloadIndicators: () => saveTable(buildIndicatorTable(catalogue.value.indicators), TEMPLATE_FILES.indicators),
    downloadDistricts: () => saveTable(buildDistrictTable(catalogue.value.districts), TEMPLATE_FILES.districts),
  }
}
