import { ref, shallowRef, toValue, type MaybeRefOrGetter, type Ref } from 'vue'
import { storeToRefs } from 'pinia'
import { useI18n } from 'petite-vue-i18n'
import { useTimeoutFn } from '@vueuse/core'
import { useChartRegistryStore, type RegisteredChart } from '../stores/chart-registry'
import { useDatasetsStore } from '../stores/datasets'
import { useFiltersStore } from '../stores/filters'
import { useRemarksStore } from '../stores/remarks'
import { ExportNotice } from '../export/export-notice'
import type { ExportFile, ExportScreen } from '../export/export-jobs'
import { downloadBlob } from './useDownload'

/** What the last export did, for the live region next to its menu. */
export interface ExportStatus {
  tone: 'info' | 'success' | 'error'
  text: string
}

/** Return of useExportRunner. */
export interface UseExportRunnerReturn {
  busy: Ref<boolean>
  status: Ref<ExportStatus | null>
  /** Reads what is on screen now: filters, language, figures in force. */
  screen: () => ExportScreen
  /** Runs an export: busy meanwhile; a file is downloaded, a message shown, a failure explained. */
  run: (task: () => Promise<ExportFile | string>) => Promise<void>
  progress: (done: number, total: number) => void
}

/** Shared by the chart and the view menus: the screen snapshot, the download and the feedback. */
export function useExportRunner(): UseExportRunnerReturn {
  const { t, locale } = useI18n()
  const { filters } = storeToRefs(useFiltersStore())
  const datasets = useDatasetsStore()
  const remarks = useRemarksStore()
  const busy = ref(false)
  const status = shallowRef<ExportStatus | null>(null)
  const { start: clearLater, stop: keepStatus } = useTimeoutFn(() => (status.value = null), 8000, { immediate: false })

  function say(tone: ExportStatus['tone'], text: string): void {
    status.value = { tone, text }
    keepStatus()
    if (tone !== 'info') clearLater()
  }

  function screen(): ExportScreen {
    return {
      filters: filters.value,
      catalogue: datasets.catalogue,
      metrics: datasets.metrics,
      locale: locale.value === 'en' ? 'en' : 'zh-CN',
      t: (key, named) => (named ? t(key, named) : t(key)),
      imports: datasets.imports.map((d) => ({ id: d.id, name: d.name, fileName: d.fileName })),
      remarks: remarks.list,
    }
  }

  async function run(task: () => Promise<ExportFile | string>): Promise<void> {
    if (busy.value) return
    busy.value = true
    say('info', t('export.status.working'))
    try {
      const done = await task()
      if (typeof done === 'string') say('success', done)
      else {
        downloadBlob(done.blob, done.name)
        say('success', t('export.status.saved', { file: done.name }))
      }
    } catch (e) {
      if (e instanceof ExportNotice) say('error', e.message)
      else say('error', t('export.status.failed', { message: e instanceof Error ? e.message : String(e) }))
    } finally {
      busy.value = false
    }
  }

  function progress(done: number, total: number): void {
    say('info', t('export.status.progress', { done, total }))
  }

  return { busy, status, screen, run, progress }
}

/** Options of useChartExport. */
export interface UseChartExportOptions {
  /** The chart's registry key (ChartCard's data-chart-key). */
  chartKey: MaybeRefOrGetter<string>
}

/** Return of useChartExport. */
export interface UseChartExportReturn {
  busy: Ref<boolean>
  status: Ref<ExportStatus | null>
  downloadPng: (pixelRatio: 2 | 3) => Promise<void>
  downloadSvg: () => Promise<void>
  copyPng: () => Promise<void>
  downloadCsv: () => Promise<void>
}

const jobs = () => import('../export/export-jobs')

/** Exports one chart exactly as registered (current filters, language, imports): PNG, SVG, clipboard, CSV. */
export function useChartExport(options: UseChartExportOptions): UseChartExportReturn {
  const { t } = useI18n()
  const registry = useChartRegistryStore()
  const { busy, status, screen, run } = useExportRunner()
  // Looked up when an export starts, not kept reactive: every card registering would otherwise re-run it on every card.
  function current(): RegisteredChart {
    const key = toValue(options.chartKey)
    const chart = registry.entries.find((e) => e.key === key)
    if (!chart) throw new ExportNotice(t('export.status.noCharts'))
    return chart
  }

  const downloadPng = (pixelRatio: 2 | 3): Promise<void> =>
    run(async () => (await jobs()).chartPngFile(screen(), current(), pixelRatio))

  const downloadSvg = (): Promise<void> => run(async () => (await jobs()).chartSvgFile(screen(), current()))

  const downloadCsv = (): Promise<void> => run(async () => (await jobs()).chartCsvFile(screen(), current()))

  const copyPng = (): Promise<void> =>
    run(async () => {
      if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write)
        throw new ExportNotice(t('export.status.copyUnsupported'))
      const c = current()
      const s = screen()
      // The item gets a promise at once, so the browser still counts the click as the reason for the write.
      const png = jobs().then(async (m) => (await m.chartPngFile(s, c, 2)).blob)
      try {
        await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })])
      } catch (e) {
        if (e instanceof DOMException && (e.name === 'NotAllowedError' || e.name === 'SecurityError'))
          throw new ExportNotice(t('export.status.copyDenied'))
        if (e instanceof DOMException && e.name === 'NotSupportedError')
          throw new ExportNotice(t('export.status.copyUnsupported'))
        throw e
      }
      return t('export.status.copied')
    })

  return { busy, status, downloadPng, downloadSvg, copyPng, downloadCsv }
}
