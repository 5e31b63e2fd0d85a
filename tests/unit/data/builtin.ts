import { readFileSync } from 'node:fs'
import { loadCatalogue, loadMetricsCsv } from '../../../src/dataset/load'

// The built-in data through exactly the code path of a browser import (run from the repository root).
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(`data/${name}.csv`))

/** data/'s catalogue files, loaded and checked. */
export const builtinCatalogue = loadCatalogue({
  districts: read('districts'),
  indicators: read('indicators'),
  sources: read('sources'),
  bases: read('bases'),
  boundaries: read('boundaries'),
})

/** data/metrics.csv, checked against the catalogue. */
export const builtinMetrics = loadMetricsCsv(read('metrics'), builtinCatalogue.catalogue, {
  fileName: 'data/metrics.csv',
  datasetId: 'builtin',
})
