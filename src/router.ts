import { createRouter, createWebHistory } from 'vue-router'
import TheDashboard from './views/TheDashboard.vue'

// Views are chosen by the `view` query parameter rather than the path, so the built site works from any folder,
// on any static host without rewrite rules, and from file:// — while every filter still lives in the URL query.
export const router = createRouter({
  history: createWebHistory(),
  routes: [{ path: '/:pathMatch(.*)*', component: TheDashboard }],
})
