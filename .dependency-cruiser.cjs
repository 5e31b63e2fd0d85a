// Layer rules of STYLE.md, checked by `npm run lint` (dependency-cruiser). Imports flow one way:
//   types ← domain ← dataset, charts/options ← stores ← composables ← components ← views ← App.vue, entries
// storage/ sits with dataset/. Plain layers beside them: charts/ (ECharts registration), locales/, offline/ (the offline copy's pieces),
// export/ (exporters; no vue or pinia). tests/unit/scripts/dependency-rules.test.ts runs these rules on fixtures.

/** The rules for an app whose sources are under `root` ('src/'; a fixture's folder in the rules' own test). */
function layerRules(root) {
  /** A path regex for any of `parts` under root (each a folder with its slash, or a file pattern). */
  const under = (parts) => `^${root}(${parts.join('|')})`
  const layer = {
    types: ['types/'],
    domain: ['domain/'],
    // storage/ (the IndexedDB repository of imports) is plain data access beside dataset/.
    dataset: ['dataset/', 'storage/'],
    chartOptions: ['charts/options/'],
    charts: ['charts/[^/]+$'],
    locales: ['locales/'],
    offline: ['offline/'],
    export: ['export/'],
    stores: ['stores/'],
    composables: ['composables/'],
    components: ['components/'],
    views: ['views/'],
  }
  // The entry files that wire everything together and may import anything.
  const entries = `^${root}(main\\.ts|boot\\.ts|App\\.vue|offline/offline-main\\.ts)$`
  // Everything above the plain layers (which only the entries, views, components, composables and stores use).
  const reactive = [...layer.stores, ...layer.composables, ...layer.components, ...layer.views]
  // Resolved (node_modules/vue/…) or not (a bare 'vue' that a fixture cannot resolve).
  const vueRuntime = '^(node_modules/)?(vue|pinia|@vue|@vueuse|vue-echarts|petite-vue-i18n|@intlify)(/|$)'

  /** One "no upward import" rule: files under `from` may not import files under `to`. */
  function upward(name, from, to, comment, fromNot) {
    return {
      name,
      comment,
      severity: 'error',
      from: { path: under(from), pathNot: fromNot ?? entries },
      to: { path: under(to) },
    }
  }

  return [
    {
      name: 'no-circular',
      comment: 'Two modules that import each other (directly or through others) are one module split in two.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'pure-layers-no-vue',
      comment: 'domain/, dataset/, charts/options/, types/ and export/ are plain TypeScript: no vue, pinia or vueuse.',
      severity: 'error',
      from: {
        path: under([...layer.types, ...layer.domain, ...layer.dataset, ...layer.chartOptions, ...layer.export]),
      },
      to: { path: vueRuntime },
    },
    upward(
      'types-imports-nothing',
      layer.types,
      Object.values(layer)
        .flat()
        .filter((l) => l !== 'types/'),
      'types/ holds domain types only.',
    ),
    upward(
      'domain-above-types-only',
      layer.domain,
      [
        ...layer.dataset,
        ...layer.chartOptions,
        ...layer.charts,
        ...layer.locales,
        ...layer.offline,
        ...layer.export,
        ...reactive,
      ],
      'domain/ is pure and may import only types/.',
    ),
    upward(
      'dataset-below-stores',
      layer.dataset,
      [...layer.chartOptions, ...layer.charts, ...layer.locales, ...layer.offline, ...layer.export, ...reactive],
      'dataset/ may import types/ and domain/.',
    ),
    upward(
      'chart-options-below-stores',
      layer.chartOptions,
      [...layer.dataset, ...layer.charts, ...layer.locales, ...layer.offline, ...layer.export, ...reactive],
      'Option builders are pure: types/ and domain/ in, an option object out.',
    ),
    upward(
      'charts-registration-is-a-leaf',
      layer.charts,
      Object.values(layer)
        .flat()
        .filter((l) => !l.startsWith('charts/')),
      'charts/echarts*.ts register ECharts modules and import nothing of the app.',
    ),
    upward(
      'locales-are-a-leaf',
      layer.locales,
      Object.values(layer)
        .flat()
        .filter((l) => l !== 'locales/' && l !== 'types/'),
      'Message tables and the i18n instance import no app code.',
    ),
    upward(
      'offline-below-stores',
      layer.offline,
      [...layer.chartOptions, ...layer.charts, ...layer.locales, ...layer.export, ...reactive],
      'The offline copy’s pieces are plain; only offline-main.ts (an entry) wires the app in.',
    ),
    upward(
      'export-below-stores',
      layer.export,
      [...layer.locales, ...layer.offline, ...reactive],
      'Exporters take plain data and built options; the composables call them.',
    ),
    upward(
      'stores-below-composables',
      layer.stores,
      [...layer.composables, ...layer.components, ...layer.views],
      'A store holds state and calls domain functions; it never imports a composable, component or view.',
    ),
    upward(
      'composables-below-components',
      layer.composables,
      [...layer.components, ...layer.views],
      'Composables hold browser side effects and reactive glue; components use them, not the reverse.',
    ),
    upward('components-below-views', layer.components, layer.views, 'Views compose components, not the reverse.'),
    {
      name: 'entries-only-from-entries',
      comment: 'main.ts, boot.ts, App.vue and offline-main.ts are the top: nothing below imports them.',
      severity: 'error',
      from: { path: `^${root}`, pathNot: entries },
      to: { path: entries },
    },
  ]
}

module.exports = {
  forbidden: layerRules('src/'),
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: ['^src/', '^node_modules/'],
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.app.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.vue', '.js', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
}
// For tests/unit/scripts/dependency-rules.test.ts; not enumerable, so the config schema does not see it.
Object.defineProperty(module.exports, 'layerRules', { value: layerRules })
