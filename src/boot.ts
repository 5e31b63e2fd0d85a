// The page's first, tiny entry (see bootEntry in vite.config.ts): starts fetching data/*.csv and checking them in the
// CSV worker while the app's own code is still downloading. The datasets store takes the result when it mounts.
import { startBuiltInLoad } from './dataset/builtin-load'

startBuiltInLoad()
