import { createI18n } from 'petite-vue-i18n'
import { registerMessageResolver, resolveValue } from '@intlify/core-base'
import zhCN from './zh-CN.json'
import zhCNExport from './zh-CN.export.json'
import zhCNPresentation from './zh-CN.presentation.json'
import zhCNBrief from './zh-CN.brief.json'
import zhCNRemarks from './zh-CN.remarks.json'
import type { Locale } from '../types/locale'

/** UI languages; zh-CN is the default. */
export const LOCALES = ['zh-CN', 'en'] as const satisfies readonly Locale[]

/** Narrows a query value to a supported locale (zh-CN when unknown). */
export function toLocale(value: unknown): Locale {
  return value === 'en' ? 'en' : 'zh-CN'
}

// petite-vue-i18n resolves flat keys only; ours are nested ('import.template.title').
registerMessageResolver(resolveValue)

// One file per feature keeps features' messages apart. Chinese ships with the page; English loads when chosen, and
// the import panel brings its own messages in both languages (see import-messages.ts).
const zhMessages = { ...zhCN, ...zhCNExport, ...zhCNPresentation, ...zhCNBrief, ...zhCNRemarks }

export const i18n = createI18n<[typeof zhMessages], Locale, false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  // English starts empty (missing keys fall back to Chinese) and is filled in by loadLocale.
  messages: { 'zh-CN': zhMessages, en: {} as typeof zhMessages },
})

/** Adds messages to a language, merged deeply: a feature's file may extend a namespace the page already has. */
export function addMessages(locale: Locale, messages: Record<string, unknown>): void {
  i18n.global.mergeLocaleMessage(locale, messages)
}

let english: Promise<void> | null = null

/** Makes a language's messages available (English is fetched on first use); rejects when they cannot be loaded. */
export function loadLocale(locale: Locale): Promise<void> {
  if (locale !== 'en') return Promise.resolve()
  english ??= import('./en-messages').then(
    (m) => addMessages('en', m.default),
    (error: unknown) => {
      english = null // try again next time
      throw error
    },
  )
  return english
}

/** Switches the UI language once its messages are there; without them the Chinese ones show (the fallback). */
export async function switchLocale(locale: Locale): Promise<void> {
  await loadLocale(locale).catch(() => undefined)
  i18n.global.locale.value = locale
}
