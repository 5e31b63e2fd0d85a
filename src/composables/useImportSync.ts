import { onScopeDispose } from 'vue'
import { useDatasetsStore } from '../stores/datasets'
import { watchImportsChanged } from '../storage/import-storage'

/** Keeps this tab's imports in step with the saved list when another tab adds, changes or removes one. */
export function useImportSync(): void {
  const datasets = useDatasetsStore()
  const stop = watchImportsChanged(() => void datasets.syncSavedImports())
  onScopeDispose(stop)
}
