import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import type { Catalogue, Metric } from '../types/domain'
import {
  descriptionOf,
  keepCatalogueRows,
  storageProblemOf,
  syncWithStoredList,
  type ImportDescription,
  type StorageProblem,
  type StoredImportMeta,
} from '../domain/import-storage'
import { takeBuiltInLoad, type LoadFailure } from '../dataset/builtin-load'
import { groupInSlices } from '../dataset/group-in-slices'
import type { DatasetLayer } from '../domain/metric-index'
import { flattenLayers, indexLayers } from '../domain/metric-index'
import { targetsByIndicator } from '../domain/progress'
import { createImportStorage, takeSavedImportsRead, type SavedImport } from '../storage/import-storage'

/** A CSV the user loaded, layered over the built-in data. */
export interface ImportedDataset extends ImportDescription {
  metrics: Metric[]
}

/**
 * Where the saved imports stand: being read (the page may be ready without them), read, or not readable (why is in
 * storageProblem).
 */
export type SavedImportsState = 'reading' | 'restored' | 'failed'

/** The saved imports as read from IndexedDB, or why they could not be. */
type SavedRead = { ok: true; saved: SavedImport[] } | { ok: false; error: unknown }

const NO_METRICS: readonly Metric[] = []
/** How long the page waits for saved imports once the built-in data are in; later ones are added when they come. */
export const SAVED_IMPORTS_GRACE_MS = 1500

const after = (ms: number): Promise<null> => new Promise((resolve) => setTimeout(() => resolve(null), ms))

export const useDatasetsStore = defineStore('datasets', () => {
  const storage = createImportStorage()
  const status = ref<'loading' | 'ready' | 'error'>('loading')
  const failure = shallowRef<LoadFailure | null>(null)
  const catalogue = shallowRef<Catalogue>({ districts: [], indicators: [], sources: [], bases: [], boundaries: [] })
  const builtIn = shallowRef<Metric[]>([])
  const imports = shallowRef<ImportedDataset[]>([])

  const savedState = ref<SavedImportsState>('reading')
  /** Why imports are not being kept (or read back) across reloads; null while storage works. */
  const storageProblem = ref<StorageProblem | null>(null)
  /** Rows of saved imports left out on restore because the catalogue no longer knows them. */
  const droppedOnRestore = ref(0)
  /** Saved imports that arrived after the page was ready (shown with a notice). */
  const lateImports = ref(0)
  /** Bytes of stored rows no import owned, removed at start-up. */
  const freedBytes = ref(0)
  /** Imports of this page not in the saved list: their save is under way or failed, so a sync must keep them. */
  const unsaved = new Set<string>()

  // Every layer comes from a validated file, where a district|indicator|period may occur only once.
  const layers = computed((): DatasetLayer[] => [
    { datasetId: 'builtin', metrics: builtIn.value, keysUnique: true },
    ...imports.value.filter((d) => !d.hidden).map((d) => ({ datasetId: d.id, metrics: d.metrics, keysUnique: true })),
  ])
  /** Figures in force grouped by indicator: what the charts, filters and headlines read (never the flat list). */
  const index = computed(() => markRaw(indexLayers(layers.value)))
  /** Every figure in force, in reading order: imports win over the built-in data for the same district, indicator and period. Built only when read (table, exports). */
  const metrics = computed(() => flattenLayers(layers.value, index.value.conflicts))
  const conflicts = computed(() => index.value.conflicts)
  /** Targets (status=target) per indicator: plans the index leaves out, read by the progress lines. */
  const targets = computed(() => markRaw(targetsByIndicator(layers.value)))

  /** The figures in force of one indicator; without multi-year totals when a chart leaves them out anyway. */
  function metricsFor(indicator: string, includeCumulative = true): readonly Metric[] {
    const lists = includeCumulative ? index.value.byIndicator : index.value.singlesByIndicator
    return lists.get(indicator) ?? NO_METRICS
  }

  const districtById = computed(() => new Map(catalogue.value.districts.map((d) => [d.id, d])))
  const indicatorById = computed(() => new Map(catalogue.value.indicators.map((i) => [i.id, i])))
  const sourceById = computed(() => new Map(catalogue.value.sources.map((s) => [s.id, s])))

  function fail(next: LoadFailure): void {
    failure.value = next
    status.value = 'error'
  }

  /** Reports a storage failure (reading or writing); the page goes on with what it has. */
  function noteStorageFailure(error: unknown): void {
    storageProblem.value = storageProblemOf(error)
  }

  function readSaved(fresh: boolean): Promise<SavedRead> {
    const started = fresh ? null : takeSavedImportsRead()
    let reading: Promise<SavedImport[]>
    try {
      reading = started ?? storage.loadAll()
    } catch (error) {
      reading = Promise.reject(error) // no IndexedDB at all
    }
    return reading.then(
      (saved): SavedRead => ({ ok: true, saved }),
      (error: unknown): SavedRead => ({ ok: false, error }),
    )
  }

  function keptRows(rows: Metric[]): { metrics: Metric[]; dropped: number } {
    return keepCatalogueRows(rows, catalogue.value)
  }

  /** Puts saved imports over the built-in data; imports this page added meanwhile stay after them. */
  async function applySaved(read: SavedRead, late: boolean): Promise<void> {
    if (!read.ok) {
      noteStorageFailure(read.error)
      savedState.value = 'failed'
      return
    }
    let dropped = 0
    const restored = read.saved.map(({ meta, metrics }): ImportedDataset => {
      const kept = keptRows(metrics)
      dropped += kept.dropped
      return { ...descriptionOf(meta), metrics: kept.metrics }
    })
    for (const d of restored) await groupInSlices(d.metrics)
    const ids = new Set(restored.map((d) => d.id))
    imports.value = [...restored, ...imports.value.filter((d) => !ids.has(d.id))]
    droppedOnRestore.value = dropped
    lateImports.value = late ? restored.length : 0
    storageProblem.value = null
    savedState.value = 'restored'
    void sweepOrphans()
  }

  /** Removes stored rows that no import owns (a reload during a save leaves them) and keeps how much was freed. */
  async function sweepOrphans(): Promise<void> {
    try {
      const swept = await storage.sweepOrphans()
      if (swept.bytes > 0) freedBytes.value = swept.bytes
    } catch {
      // The sweep is housekeeping: a failure here leaves the rows for the next start and shows nothing.
    }
  }

  /**
   * The one load of the page: starts reading the saved imports, loads the built-in data (usually already under way:
   * boot.ts started both while this code downloaded), puts the saved imports back, and is ready. Storage gets a short
   * grace; saved imports that take longer are added when they arrive, with a notice, so ready never waits on it.
   */
  async function loadData(): Promise<void> {
    status.value = 'loading'
    failure.value = null
    const reading = readSaved(false)
    const loaded = await takeBuiltInLoad()
    if (!loaded.ok) {
      fail(loaded.failure)
      return
    }
    catalogue.value = loaded.catalogue
    builtIn.value = loaded.metrics
    savedState.value = 'reading'
    const early = await Promise.race([reading, after(SAVED_IMPORTS_GRACE_MS)])
    if (early) await applySaved(early, false)
    else void reading.then((read) => applySaved(read, true))
    status.value = 'ready'
  }

  /** Reads the saved imports again after storage failed or did not answer (the panel's retry). */
  async function retrySavedImports(): Promise<void> {
    if (savedState.value === 'reading') return
    savedState.value = 'reading'
    storageProblem.value = null
    await applySaved(await readSaved(true), true)
  }

  let syncing: Promise<void> | null = null
  let syncAgain = false

  async function syncOnce(): Promise<void> {
    const list = await storage.readList()
    const toLoad = syncWithStoredList(imports.value, list, unsaved).flatMap((e) => (e.kind === 'load' ? [e.meta] : []))
    const loadedRows = new Map<string, Metric[]>()
    for (const meta of toLoad) {
      const rows = await storage.readRows(meta)
      if (!rows) continue
      const kept = keptRows(rows).metrics
      await groupInSlices(kept)
      loadedRows.set(meta.id, kept)
    }
    // Built again from the page as it is now: the user may have changed something while the rows were read.
    const next = syncWithStoredList(imports.value, list, unsaved).flatMap((e): ImportedDataset[] => {
      if (e.kind === 'keep') return [e.dataset]
      const rows = loadedRows.get(e.meta.id)
      return rows ? [{ ...descriptionOf(e.meta), metrics: rows }] : []
    })
    const same = next.length === imports.value.length && next.every((d, i) => d === imports.value[i])
    if (!same) imports.value = next
  }

  /**
   * Catches up with the saved list after another tab changed it: its imports are added, its removals, renames and
   * hidings applied; this page's unsaved imports stay. Calls that come while one runs make it run once more.
   */
  function syncSavedImports(): Promise<void> {
    if (status.value !== 'ready' || savedState.value !== 'restored') return Promise.resolve()
    if (syncing) {
      syncAgain = true
      return syncing
    }
    syncing = (async () => {
      try {
        do {
          syncAgain = false
          await syncOnce()
        } while (syncAgain)
      } catch (error) {
        noteStorageFailure(error)
      } finally {
        syncing = null
      }
    })()
    return syncing
  }

  function setImports(next: ImportedDataset[]): void {
    imports.value = next
  }

  /** Adds an import this page made; it counts as unsaved until markSaved. */
  function addImport(dataset: ImportedDataset): void {
    unsaved.add(dataset.id)
    imports.value = [...imports.value, dataset]
  }

  /** The import is in the saved list now, so a sync may treat it like any other. */
  function markSaved(id: string): void {
    unsaved.delete(id)
  }

  /** The metadata an import is saved with. */
  function metaOf({ metrics, ...description }: ImportedDataset): StoredImportMeta {
    return { ...description, rowCount: metrics.length }
  }

  function dismissStorageNotice(): void {
    lateImports.value = 0
    freedBytes.value = 0
    droppedOnRestore.value = 0
  }

  return {
    status,
    failure,
    catalogue,
    builtIn,
    imports,
    index,
    metrics,
    metricsFor,
    conflicts,
    targets,
    districtById,
    indicatorById,
    sourceById,
    savedState,
    storageProblem,
    droppedOnRestore,
    lateImports,
    freedBytes,
    loadData,
    retrySavedImports,
    syncSavedImports,
    noteStorageFailure,
    setImports,
    addImport,
    markSaved,
    metaOf,
    dismissStorageNotice,
  }
})
