// Entry of the single-file offline build (vite.offline.config.ts): module order makes the data block answer first.
import './install-embedded-data'
import '../main'
