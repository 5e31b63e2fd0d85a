import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import type { Catalogue, Metric } from '../types/domain'
import type { ImportDescription } from '../domain/import-storage'
import { takeBuiltInLoad, type LoadFailure } from '../dataset/builtin-load'
import type { DatasetLayer } from '../domain/metric-index'
import { flattenLayers, indexLayers } from '../domain/metric-index'
import { useImportsStore } from './imports'

/** A CSV the user loaded, layered over the built-in data. */
export interface ImportedDataset extends ImportDescription {
  metrics: Metric[]
}

const NO_METRICS: readonly Metric[] = []

export const useDatasetsStore = defineStore('datasets', () => {
  const status = ref<'loading' | 'ready' | 'error'>('loading')
  const failure = shallowRef<LoadFailure | null>(null)
  const catalogue = shallowRef<Catalogue>({ districts: [], indicators: [], sources: [], bases: [], boundaries: [] })
  const builtIn = shallowRef<Metric[]>([])
  const imports = shallowRef<ImportedDataset[]>([])

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

  async function loadBuiltIn(): Promise<void> {
    status.value = 'loading'
    failure.value = null
    // Usually already under way: boot.ts started it while this code was still downloading. Saved imports are
    // read from IndexedDB meanwhile.
    const importsStore = useImportsStore()
    const saved = importsStore.readSaved()
    const loaded = await takeBuiltInLoad()
    if (!loaded.ok) {
      fail(loaded.failure)
      return
    }
    catalogue.value = loaded.catalogue
    builtIn.value = loaded.metrics
    // Saved imports are part of the data: the page is not ready until they are back (restore never throws).
    await importsStore.restore(loaded.catalogue, saved)
    status.value = 'ready'
  }

  function setImports(next: ImportedDataset[]): void {
    imports.value = next
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
    districtById,
    indicatorById,
    sourceById,
    loadBuiltIn,
    setImports,
  }
})
