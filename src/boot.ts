// The page's first, tiny entry (see bootEntry in vite.config.ts): starts fetching data/*.csv and checking them in the
// CSV worker, and reading saved imports, while the app's own code is still downloading. The stores take the results.
import { startBuiltInLoad } from './dataset/builtin-load'
import { startSavedImportsRead } from './storage/import-storage'

startBuiltInLoad()
// Saved imports are part of the data; opening IndexedDB takes a while in a fresh profile, so it starts now too.
startSavedImportsRead()
