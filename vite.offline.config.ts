import { defineConfig, type Plugin, type PluginOption } from 'vite'
import base from './vite.config'

// The single-file meeting copy: `npm run build:offline` builds with this config, then scripts/build-offline.ts inlines
// the bundle into one HTML file with a hash-based CSP and the data block.

/** Plugins of the online build the offline copy must not have: it carries its data inline and gets its own CSP. */
const ONLINE_ONLY = new Set(['built-in-data', 'boot-entry', 'content-security-policy'])

const OFFLINE_ENTRY = '/src/offline/offline-main.ts'

/** Starts the app from the offline entry, which serves the embedded data before main.ts runs. */
function offlineEntry(): Plugin {
  return {
    name: 'offline-entry',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes('/src/main.ts')) throw new Error('offline build: index.html no longer loads /src/main.ts')
        return html.replace('/src/main.ts', OFFLINE_ENTRY)
      },
    },
  }
}

const WORKER =
  /new Worker\(\s*new URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)\s*,\s*\{\s*type:\s*['"]module['"]\s*\}\s*\)/g

/**
 * Rewrites `new Worker(new URL('./x.ts', import.meta.url), { type: 'module' })` to Vite's inline worker
 * (`./x.ts?worker&inline`), which starts from a blob: URL: a file:// page cannot start a worker from a file.
 */
export function inlineWorkers(): Plugin {
  return {
    name: 'offline-inline-workers',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('node_modules') || !/\.(ts|js|vue)$/.test(id.split('?')[0] ?? '') || !code.includes('new Worker'))
        return null
      const imports: string[] = []
      const out = code.replace(WORKER, (_, _q: string, path: string) => {
        const name = `__OfflineInlineWorker${imports.length}`
        imports.push(`import ${name} from ${JSON.stringify(`${path}?worker&inline`)}`)
        return `new ${name}()`
      })
      return imports.length ? { code: `${imports.join('\n')}\n${out}`, map: null } : null
    },
  }
}

function isOnlineOnly(p: PluginOption): boolean {
  return typeof p === 'object' && p !== null && 'name' in p && ONLINE_ONLY.has(p.name)
}

export default defineConfig({
  ...base,
  plugins: [...(base.plugins ?? []).filter((p) => !isOnlineOnly(p)), offlineEntry(), inlineWorkers()],
  define: { ...base.define, 'import.meta.env.VITE_OFFLINE': JSON.stringify('true') },
  // A file:// page has an opaque origin: Chromium refuses module workers from its blob: URLs but runs classic ones.
  worker: { ...base.worker, format: 'iife' },
  build: {
    ...base.build,
    outDir: 'dist-offline/build',
    emptyOutDir: true,
    copyPublicDir: false,
    assetsInlineLimit: () => true,
    cssCodeSplit: false,
    chunkSizeWarningLimit: 4096, // one file by design
    modulePreload: false,
    rolldownOptions: { output: { codeSplitting: false } },
  },
})
