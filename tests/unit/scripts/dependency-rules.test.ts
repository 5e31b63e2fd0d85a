import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser'

// The layer rules of `npm run lint`, run on small source trees written for each case: each must break exactly the
// rule it is named after, and the real src/ must pass.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const config = createRequire(import.meta.url)(join(repoRoot, '.dependency-cruiser.cjs')) as {
  layerRules: (root: string) => IForbiddenRuleType[]
  options: { enhancedResolveOptions: Record<string, unknown> }
}
/** Cruises `paths` under the repository with the layer rules for sources under `root`. */
async function cruiseLayers(paths: string[], root: string): Promise<ICruiseResult> {
  const { output } = await cruise(
    paths,
    {
      baseDir: repoRoot,
      validate: true,
      ruleSet: { forbidden: config.layerRules(root) },
      doNotFollow: { path: 'node_modules' },
      tsPreCompilationDeps: true,
    },
    config.options.enhancedResolveOptions,
  )
  return output as ICruiseResult
}
mkdirSync(join(repoRoot, '.scratch'), { recursive: true })
const scratch = mkdtempSync(join(repoRoot, '.scratch/layers-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

let caseNo = 0
/** Writes `files` (path under src/ → source) to a fresh tree and returns the broken rules as "rule: from → to". */
async function violations(files: Record<string, string>): Promise<string[]> {
  const root = join(scratch, `case-${++caseNo}`)
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'src', path)), { recursive: true })
    writeFileSync(join(root, 'src', path), text)
  }
  const prefix = `${relative(repoRoot, root)}/src/`
  const result = await cruiseLayers([prefix], prefix)
  const strip = (p: string): string => p.replace(prefix, '')
  return result.summary.violations.map((v) => `${v.rule.name}: ${strip(v.from)} → ${strip(v.to)}`).sort()
}

describe('layer rules', () => {
  it('pass on imports that flow down the layers', async () => {
    expect(
      await violations({
        'types/domain.ts': 'export interface Metric { value: number }\n',
        'domain/format.ts': "import type { Metric } from '../types/domain'\nexport const f = (m: Metric) => m.value\n",
        'charts/options/build.ts': "import { f } from '../../domain/format'\nexport const b = f\n",
        'stores/filters.ts':
          "import { ref } from 'vue'\nimport { b } from '../charts/options/build'\nexport const s = [ref, b]\n",
        'composables/useX.ts': "import { s } from '../stores/filters'\nexport const useX = () => s\n",
        'views/XView.ts': "import { useX } from '../composables/useX'\nexport const v = useX\n",
      }),
    ).toEqual([])
  })

  it('fail on a store that imports a composable or a component', async () => {
    expect(
      await violations({
        'composables/useQuery.ts': 'export const useQuery = 1\n',
        'components/chart/chart-table.ts': 'export const table = 1\n',
        'stores/filters.ts':
          "import { useQuery } from '../composables/useQuery'\nimport { table } from '../components/chart/chart-table'\nexport const s = [useQuery, table]\n",
      }),
    ).toEqual([
      'stores-below-composables: stores/filters.ts → components/chart/chart-table.ts',
      'stores-below-composables: stores/filters.ts → composables/useQuery.ts',
    ])
  })

  it('fail on domain code that imports a store, dataset code or vue', async () => {
    expect(
      await violations({
        'stores/filters.ts': 'export const s = 1\n',
        'dataset/parse-csv.ts': 'export const p = 1\n',
        'domain/rank.ts':
          "import { s } from '../stores/filters'\nimport { p } from '../dataset/parse-csv'\nimport { ref } from 'vue'\nexport const r = [s, p, ref]\n",
      }),
    ).toEqual([
      'domain-above-types-only: domain/rank.ts → dataset/parse-csv.ts',
      'domain-above-types-only: domain/rank.ts → stores/filters.ts',
      expect.stringMatching(/^pure-layers-no-vue: domain\/rank\.ts → node_modules\/vue\//),
    ])
  })

  it('fail on an option builder that imports pinia, even for a type', async () => {
    const found = await violations({
      'charts/options/build.ts': "import type { Pinia } from 'pinia'\nexport type P = Pinia\n",
    })
    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(/^pure-layers-no-vue: charts\/options\/build\.ts → node_modules\/pinia\//)
  })

  it('fail on a cycle, type-only imports included', async () => {
    expect(
      await violations({
        'domain/compare.ts': "import type { Layer } from './metric-index'\nexport type C = Layer\n",
        'domain/metric-index.ts': "import type { C } from './compare'\nexport type Layer = C | 1\n",
      }),
    ).toEqual(['no-circular: domain/compare.ts → domain/metric-index.ts'])
  })

  it('fail on the store cycle and the store-to-composable import the storage work removed', async () => {
    expect(
      await violations({
        'composables/useImportStorage.ts': 'export const storage = 1\n',
        'stores/datasets.ts': "import { i } from './imports'\nexport const d = () => i\n",
        'stores/imports.ts':
          "import { d } from './datasets'\nimport { storage } from '../composables/useImportStorage'\nexport const i = [d, storage]\n",
      }),
    ).toEqual([
      'no-circular: stores/datasets.ts → stores/imports.ts',
      'stores-below-composables: stores/imports.ts → composables/useImportStorage.ts',
    ])
  })

  it('keep storage/ below the stores, with dataset/', async () => {
    expect(
      await violations({
        'stores/imports.ts': 'export const i = 1\n',
        'storage/import-storage.ts': "import { i } from '../stores/imports'\nexport const s = i\n",
      }),
    ).toEqual(['dataset-below-stores: storage/import-storage.ts → stores/imports.ts'])
  })

  it('fail on a component that imports a view, and on anything that imports App.vue', async () => {
    expect(
      await violations({
        'App.vue': '<script setup lang="ts"></script>\n<template><div /></template>\n',
        'views/TableView.vue': '<script setup lang="ts">\nimport App from \'../App.vue\'\nconst a = App\n</script>\n',
        'components/chart/ChartCard.vue':
          '<script setup lang="ts">\nimport TableView from \'../../views/TableView.vue\'\nconst t = TableView\n</script>\n',
      }),
    ).toEqual([
      'components-below-views: components/chart/ChartCard.vue → views/TableView.vue',
      'entries-only-from-entries: views/TableView.vue → App.vue',
    ])
  })

  // Cruising all of src/ takes seconds on a busy machine: a hang guard, not a time limit.
  it('pass on the app itself', { timeout: 60_000 }, async () => {
    expect((await cruiseLayers(['src'], 'src/')).summary.violations).toEqual([])
  })
})
