import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n } from './locales'
import './styles/base.css'
import './styles/print.css'

createApp(App).use(createPinia()).use(i18n).mount('#app')
