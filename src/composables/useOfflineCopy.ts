import { ref, type Ref } from 'vue'
import { useI18n } from 'petite-vue-i18n'
import { useDatasetsStore } from '../stores/datasets'
import { serializeMetricsCsv } from '../dataset/export-csv'
import { downloadBlob } from './useDownload'
import { BUILT_IN_NAMES, OPTIONAL_BUILT_IN_NAMES } from '../types/domain'
import { EMBEDDED_DATA_FORMAT, isOfflineTemplate, withEmbeddedData, type EmbeddedData } from '../offline/offline-html'
import { offlineSelfTemplate } from '../offline/embedded-data'

/** Where `npm run build:offline` puts the template, next to the online build's index.html. */
export const OFFLINE_TEMPLATE_FILE = 'offline-template.html'

/** What useOfflineCopy gives the menu. */
export interface UseOfflineCopyReturn {
  busy: Ref<boolean>
  /** A message for the user when the last attempt failed. */
  error: Ref<string | null>
  /** Builds the single-file copy with the current built-in data and the chosen imports, and downloads it. */
  download: (importIds: readonly string[]) => Promise<void>
}

async function fetchText(path: string): Promise<string | null> {
  try {
    const res = await fetch(`${import.meta.env.BASE_URL}${path}`, { cache: 'no-cache' })
    return res.ok ? await res.text() : null
  } catch {
    return null
  }
}

function isoDate(d: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** "Download offline copy": the offline template filled with this page's data, saved as one HTML file. */
export function useOfflineCopy(): UseOfflineCopyReturn {
  const { t } = useI18n()
  const datasets = useDatasetsStore()
  const busy = ref(false)
  const error = ref<string | null>(null)

  async function download(importIds: readonly string[]): Promise<void> {
    busy.value = true
    error.value = null
    try {
      // An offline copy carries its own page; the online app fetches the template the offline build left in dist/.
      const template = offlineSelfTemplate() ?? (await fetchText(OFFLINE_TEMPLATE_FILE))
      if (!template || !isOfflineTemplate(template)) {
        error.value = t('presentation.offline.templateMissing')
        return
      }
      const texts = await Promise.all(BUILT_IN_NAMES.map((name) => fetchText(`data/${name}.csv`)))
      const missing = BUILT_IN_NAMES.filter((name, i) => texts[i] === null && !OPTIONAL_BUILT_IN_NAMES.includes(name))
      if (missing.length) {
        error.value = t('presentation.offline.dataMissing', { files: missing.map((n) => `${n}.csv`).join(', ') })
        return
      }
      const now = new Date()
      const data: EmbeddedData = {
        format: EMBEDDED_DATA_FORMAT,
        createdAt: now.toISOString(),
        builtIn: Object.fromEntries(BUILT_IN_NAMES.map((name, i) => [name, texts[i] ?? ''])) as EmbeddedData['builtIn'],
        imports: datasets.imports
          .filter((d) => importIds.includes(d.id))
          .map((d) => ({
            id: d.id,
            name: d.name,
            fileName: d.fileName,
            importedAt: d.importedAt,
            hidden: d.hidden,
            csv: serializeMetricsCsv(d.metrics, { bom: false }),
          })),
      }
      const html = withEmbeddedData(template, data)
      downloadBlob(
        new Blob([html], { type: 'text/html;charset=utf-8' }),
        t('presentation.offline.fileName', { date: isoDate(now) }),
      )
    } finally {
      busy.value = false
    }
  }

  return { busy, error, download }
}
