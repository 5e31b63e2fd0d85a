// Entry of the single-file offline build (vite.offline.config.ts): module order makes the data block answer first,
// then boot.ts starts loading the data (the online build runs boot.ts as an entry of its own).
import './install-embedded-data'
import '../boot'
import '../main'
