import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

const dataDir = fileURLToPath(new URL('./data', import.meta.url))

/** Serves data/*.csv at /data/ in dev and copies them to dist/data/ so a deployed copy's CSVs can be replaced without a rebuild. */
function builtInData(): Plugin {
  return {
    name: 'built-in-data',
    configureServer(server) {
      server.middlewares.use('/data/', (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(/^\//, '')
        if (!/^[\w.-]+\.csv$/.test(name)) return next()
        try {
          res.setHeader('Content-Type', 'text/csv; charset=utf-8')
          res.end(readFileSync(join(dataDir, name)))
        } catch {
          next()
        }
      })
    },
    generateBundle() {
      for (const name of readdirSync(dataDir).filter((f) => f.endsWith('.csv'))) {
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: readFileSync(join(dataDir, name)) })
      }
    },
  }
}

const BOOT_ENTRY = 'src/boot.ts'
/** Modules boot.ts loads: their own small chunk, so the data load starts before the app's code has arrived. */
const BOOT_DEPS = [
  /[\\/]src[\\/]boot\.ts$/,
  /[\\/]src[\\/]dataset[\\/](builtin-load|worker-client|compact-rows)\.ts$/,
  /[\\/]src[\\/]composables[\\/]useImportStorage\.ts$/,
  /[\\/]src[\\/]domain[\\/]import-storage\.ts$/,
  /[\\/]src[\\/]types[\\/]domain\.ts$/,
  /[\\/]node_modules[\\/]idb-keyval[\\/]/,
  /preload-helper/,
]
const isBootDep = (id: string): boolean => BOOT_DEPS.some((re) => re.test(id))

/**
 * Runs src/boot.ts as its own small entry, before the app's code: the built-in data is fetched and parsed in the
 * CSV worker while the app's code still downloads. (Vite would fold a second script of index.html into the app's
 * entry, which runs only once all of that code has arrived.)
 */
function bootEntry(): Plugin {
  return {
    name: 'boot-entry',
    config: () => ({
      build: {
        rolldownOptions: {
          input: { index: fileURLToPath(new URL('./index.html', import.meta.url)), boot: BOOT_ENTRY },
        },
      },
    }),
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'boot')
        if (ctx.bundle && !chunk) throw new Error('boot-entry: the build has no boot chunk')
        // A module of the app's chunk reached from boot.ts would make boot wait for the whole app: fail the build.
        const late = chunk?.type === 'chunk' ? chunk.imports.filter((f) => !/boot-deps|rolldown-runtime/.test(f)) : []
        if (late.length) throw new Error(`boot-entry: boot.ts imports ${late.join(', ')}; add its modules to BOOT_DEPS`)
        const src = chunk ? `./${chunk.fileName}` : `/${BOOT_ENTRY}`
        // Module scripts run in page order: boot goes right before the app's, and after the CSP meta tag.
        const at = html.indexOf('<script type="module"')
        if (at < 0) throw new Error('boot-entry: index.html has no module script')
        return `${html.slice(0, at)}<script type="module" crossorigin src="${src}"></script>\n    ${html.slice(at)}`
      },
    },
  }
}

// No inline script and no remote origin; ECharts and Vue set style attributes, hence 'unsafe-inline' for styles only.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ')

/** Adds the Content-Security-Policy meta tag to the production build only (Vite's dev client needs inline code). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`)
    },
  }
}

export default defineConfig({
  base: './',
  plugins: [
    vue({ features: { optionsAPI: false, prodDevtools: false } }),
    // Messages are compiled at build time, so the runtime ships without vue-i18n's message compiler; the runtime is
    // petite-vue-i18n, vue-i18n's translation-only build (the app formats numbers and dates itself).
    VueI18nPlugin({
      module: 'petite-vue-i18n',
      include: [fileURLToPath(new URL('./src/locales/*.json', import.meta.url))],
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      dropMessageCompiler: true,
      strictMessage: false,
    }),
    builtInData(),
    bootEntry(),
    contentSecurityPolicy(),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // What the first paint needs goes in one chunk (a dozen small shared chunks compress worse and cost requests),
        // except the few modules boot.ts needs: they stay apart so the data load starts before the rest arrives.
        codeSplitting: {
          groups: [
            { name: 'boot-deps', test: isBootDep, priority: 2 },
            { name: 'app', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  preview: { port: 4173, strictPort: true },
})
