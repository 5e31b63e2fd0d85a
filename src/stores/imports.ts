import { defineStore, storeToRefs } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { CsvEncoding, ValidationIssue } from '../types/validation'
import { loadMetricsInWorker } from '../dataset/worker-client'
import { groupInSlices } from '../dataset/group-in-slices'
import { datasetNameFromFile, newDatasetId, normaliseDatasetName, uniqueDatasetName } from '../domain/import-naming'
import { createImportStorage } from '../storage/import-storage'
import { useDatasetsStore, type ImportedDataset } from './datasets'

/** An import under way: which stage, and bytes done of the file (parsing fills the bar). */
export interface ImportJob {
  fileName: string
  size: number
  stage: 'reading' | 'parsing' | 'applying'
  done: number
  total: number
}

/** How the last import ended. A rejected, cancelled or failed file changed nothing. */
export type ImportOutcome =
  | {
      kind: 'accepted'
      fileName: string
      datasetId: string
      name: string
      encoding: CsvEncoding | null
      rowCount: number
      issues: ValidationIssue[]
      errorCount: number
      warningCount: number
    }
  | {
      kind: 'rejected'
      fileName: string
      encoding: CsvEncoding | null
      issues: ValidationIssue[]
      errorCount: number
      warningCount: number
    }
  | { kind: 'cancelled'; fileName: string }
  | { kind: 'failed'; fileName: string; message: string }

/** Loading CSV files into named datasets over the built-in data, and keeping them in the browser. */
export const useImportsStore = defineStore('imports', () => {
  const storage = createImportStorage()
  const datasets = useDatasetsStore()
  // Storage state is the datasets store's: reading at start-up and writing here report to the same place.
  const { storageProblem } = storeToRefs(datasets)

  const panelOpen = ref(false)
  const job = shallowRef<ImportJob | null>(null)
  const outcome = shallowRef<ImportOutcome | null>(null)
  const saving = ref(false)
  let controller: AbortController | null = null

  const busy = computed(() => job.value !== null)

  /** Runs one storage write; a failure is reported in the panel and the page keeps the change for the session. */
  async function write(run: () => Promise<void>): Promise<boolean> {
    try {
      await run()
      storageProblem.value = null
      return true
    } catch (error) {
      datasets.noteStorageFailure(error)
      return false
    }
  }

  async function persistAdded(dataset: ImportedDataset): Promise<void> {
    saving.value = true
    try {
      if (await write(() => storage.addImport(datasets.metaOf(dataset), dataset.metrics)))
        datasets.markSaved(dataset.id)
    } finally {
      saving.value = false
    }
  }

  /** When several files were given at once, the name of the first: only it is imported. */
  const onlyFirstOf = ref<string | null>(null)

  /** Imports the first of the files chosen or dropped; the panel says when others were left out. */
  function importFirst(files: FileList | readonly File[] | null): void {
    const list = files ? Array.from(files) : []
    const first = list[0]
    onlyFirstOf.value = list.length > 1 && first ? first.name : null
    if (first) void importFile(first)
  }

  /** Loads a CSV in the worker; an accepted file becomes a new dataset, anything else changes nothing. */
  async function importFile(file: File): Promise<void> {
    cancel()
    const own = new AbortController()
    controller = own
    panelOpen.value = true
    outcome.value = null
    const fileName = file.name
    job.value = { fileName, size: file.size, stage: 'reading', done: 0, total: file.size }
    const taken = datasets.imports.map((d) => d.id)
    const id = newDatasetId(Date.now(), taken, Math.random().toString(36).slice(2, 6))
    try {
      const result = await loadMetricsInWorker(file, datasets.catalogue, {
        fileName,
        datasetId: id,
        signal: own.signal,
        onProgress(done, total) {
          if (controller === own) job.value = { fileName, size: file.size, stage: 'parsing', done, total }
        },
      })
      if (controller !== own) return
      if (!result.ok) {
        outcome.value = {
          kind: 'rejected',
          fileName,
          encoding: result.encoding,
          issues: result.issues,
          errorCount: result.errorCount,
          warningCount: result.warningCount,
        }
        return
      }
      job.value = { fileName, size: file.size, stage: 'applying', done: file.size, total: file.size }
      await groupInSlices(result.rows)
      if (controller !== own) return
      const dataset: ImportedDataset = {
        id,
        name: datasetNameFromFile(
          fileName,
          datasets.imports.map((d) => d.name),
          'import',
        ),
        fileName,
        importedAt: new Date().toISOString(),
        encoding: result.encoding,
        hidden: false,
        metrics: result.rows,
      }
      datasets.addImport(dataset)
      // From here the import has happened: cancelling can no longer undo it.
      controller = null
      job.value = null
      outcome.value = {
        kind: 'accepted',
        fileName,
        datasetId: id,
        name: dataset.name,
        encoding: result.encoding,
        rowCount: result.rows.length,
        issues: result.issues,
        errorCount: result.errorCount,
        warningCount: result.warningCount,
      }
      await persistAdded(dataset)
    } catch (error) {
      if (controller !== own) return
      if (error instanceof DOMException && error.name === 'AbortError') outcome.value = { kind: 'cancelled', fileName }
      else outcome.value = { kind: 'failed', fileName, message: error instanceof Error ? error.message : String(error) }
    } finally {
      if (controller === own) {
        controller = null
        job.value = null
      }
    }
  }

  /** Stops the import under way (the worker is terminated); the data stay as they were. */
  function cancel(): void {
    const running = controller
    if (!running) return
    controller = null
    const fileName = job.value?.fileName ?? ''
    job.value = null
    running.abort()
    outcome.value = { kind: 'cancelled', fileName }
  }

  function update(id: string, patch: (d: ImportedDataset) => ImportedDataset): boolean {
    let found = false
    const next = datasets.imports.map((d) => {
      if (d.id !== id) return d
      found = true
      return patch(d)
    })
    if (found) datasets.setImports(next)
    return found
  }

  /** Shows or hides an import's figures without removing it (in every tab). */
  async function setHidden(id: string, hidden: boolean): Promise<void> {
    if (update(id, (d) => ({ ...d, hidden }))) await write(() => storage.updateImport(id, { hidden }))
  }

  /** Renames an import; a blank name is ignored and a taken one gets a number. */
  async function rename(id: string, name: string): Promise<void> {
    const clean = normaliseDatasetName(name)
    if (clean === '') return
    const taken = datasets.imports.filter((d) => d.id !== id).map((d) => d.name)
    const unique = uniqueDatasetName(clean, taken)
    if (update(id, (d) => ({ ...d, name: unique }))) await write(() => storage.updateImport(id, { name: unique }))
  }

  /** Removes an import from the dashboard and from storage (in every tab). */
  async function remove(id: string): Promise<void> {
    const next = datasets.imports.filter((d) => d.id !== id)
    if (next.length === datasets.imports.length) return
    datasets.setImports(next)
    datasets.markSaved(id)
    if (outcome.value?.kind === 'accepted' && outcome.value.datasetId === id) outcome.value = null
    await write(() => storage.removeImport(id))
  }

  function dismissOutcome(): void {
    outcome.value = null
  }

  return {
    panelOpen,
    job,
    outcome,
    /** Why imports are not being kept across reloads; null while storage works (the datasets store's). */
    storageProblem: computed(() => datasets.storageProblem),
    /** Rows of saved imports left out on restore because the catalogue no longer knows them. */
    droppedOnRestore: computed(() => datasets.droppedOnRestore),
    saving,
    busy,
    importFile,
    importFirst,
    onlyFirstOf,
    cancel,
    setHidden,
    rename,
    remove,
    dismissOutcome,
  }
})
