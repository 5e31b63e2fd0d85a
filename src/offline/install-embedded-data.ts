// Evaluated before main.ts in the offline build (see offline-main.ts), so the data is there when the app asks.
import { installEmbeddedData } from './embedded-data'

installEmbeddedData()
