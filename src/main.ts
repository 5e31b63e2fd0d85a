import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n, switchLocale, toLocale } from './locales'
import './styles/base.css'
import './styles/print.css'

// Load phases the benchmark reports beside app-ready (tests/bench/run.mjs): the app's code has been evaluated.
performance.mark('phase:code')
// An English link renders in English from the first frame: its messages load before the app mounts.
await switchLocale(toLocale(new URLSearchParams(location.search).get('lang')))
createApp(App).use(createPinia()).use(i18n).mount('#app')
