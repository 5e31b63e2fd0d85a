import { onMounted } from 'vue'
import { useDatasetsStore, type ImportedDataset } from '../stores/datasets'
import { readEmbeddedData } from '../offline/embedded-data'

let applied = false

/**
 * In an offline copy made with "download offline copy", adds the imported datasets it carries (as CSV, checked by
 * the same validator as every import) once the built-in data is loaded. Does nothing elsewhere.
 */
export function useEmbeddedImports(): void {
  // Only the offline build (VITE_OFFLINE) makes pages with a data block: the online build drops the rest of this.
  if (import.meta.env.VITE_OFFLINE !== 'true') return
  const datasets = useDatasetsStore()
  onMounted(async () => {
    const embedded = readEmbeddedData()?.imports ?? []
    if (applied || embedded.length === 0) return
    applied = true
    // Only an offline copy carries imports; the validator is loaded for them alone.
    const { loadMetricsCsv } = await import('../dataset/load')
    const encoder = new TextEncoder()
    const loaded = embedded.flatMap((d): ImportedDataset[] => {
      const res = loadMetricsCsv(encoder.encode(d.csv), datasets.catalogue, { fileName: d.fileName, datasetId: d.id })
      if (!res.ok) return []
      const { id, name, fileName, importedAt, hidden } = d
      return [{ id, name, fileName, importedAt, hidden, encoding: res.encoding, metrics: res.rows }]
    })
    const ids = new Set(loaded.map((d) => d.id))
    datasets.setImports([...datasets.imports.filter((d) => !ids.has(d.id)), ...loaded])
  })
}
