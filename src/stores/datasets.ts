import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import type { Catalogue, Metric } from '../types/domain'
import type { CsvEncoding, ValidationIssue } from '../types/validation'
import { loadCatalogue, loadMetricsCsv } from '../dataset/load'
import type { DatasetLayer } from '../domain/compare'
import { flattenLayers, indexLayers } from '../domain/metric-index'
import { useImportsStore } from './imports'

/** A CSV the user loaded, layered over the built-in data. */
export interface ImportedDataset {
  id: string
  name: string
  fileName: string
  importedAt: string
  encoding: CsvEncoding | null
  hidden: boolean
  metrics: Metric[]
}

/** Why the built-in data could not be shown: a file that could not be fetched, or every problem the validator found. */
export interface LoadFailure {
  /** A fetch error naming its file; empty when the files arrived but did not validate. */
  message: string
  /** Validation problems, each with the file it is in (data/….csv). */
  issues: Array<ValidationIssue & { file: string }>
}

const BUILT_IN_FILES = ['districts', 'indicators', 'sources', 'metrics'] as const
const NO_METRICS: readonly Metric[] = []

async function fetchBytes(name: string): Promise<Uint8Array> {
  const url = `${import.meta.env.BASE_URL}data/${name}.csv`
  const res = await fetch(url, { cache: 'no-cache' }).catch((e: unknown) => {
    throw new Error(`data/${name}.csv: ${e instanceof Error ? e.message : String(e)}`)
  })
  if (!res.ok) throw new Error(`data/${name}.csv: HTTP ${res.status}`)
  return new Uint8Array(await res.arrayBuffer())
}

export const useDatasetsStore = defineStore('datasets', () => {
  const status = ref<'loading' | 'ready' | 'error'>('loading')
  const failure = shallowRef<LoadFailure | null>(null)
  const catalogue = shallowRef<Catalogue>({ districts: [], indicators: [], sources: [] })
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
    let fetched: Uint8Array[]
    try {
      // The four files are fetched at once; a fetch error names its file.
      fetched = await Promise.all(BUILT_IN_FILES.map(fetchBytes))
    } catch (e) {
      fail({ message: e instanceof Error ? e.message : String(e), issues: [] })
      return
    }
    const [districts, indicators, sources, metricsBytes] = fetched
    const cat = loadCatalogue({
      districts: districts ?? new Uint8Array(),
      indicators: indicators ?? new Uint8Array(),
      sources: sources ?? new Uint8Array(),
    })
    if (!cat.ok) {
      fail({ message: '', issues: cat.issues.map((i) => ({ ...i, file: `data/${i.file}` })) })
      return
    }
    const res = loadMetricsCsv(metricsBytes ?? new Uint8Array(), cat.catalogue, {
      fileName: 'data/metrics.csv',
      datasetId: 'builtin',
    })
    if (!res.ok) {
      fail({ message: '', issues: res.issues.map((i) => ({ ...i, file: 'data/metrics.csv' })) })
      return
    }
    catalogue.value = cat.catalogue
    builtIn.value = res.rows
    // Saved imports are part of the data: the page is not ready until they are back (restore never throws).
    await useImportsStore().restore(cat.catalogue)
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
