import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN.json'
import zhCNImport from './zh-CN.import.json'
import zhCNExport from './zh-CN.export.json'
import zhCNPresentation from './zh-CN.presentation.json'
import en from './en.json'
import enImport from './en.import.json'
import enExport from './en.export.json'
import enPresentation from './en.presentation.json'

/** UI languages; zh-CN is the default. */
export const LOCALES = ['zh-CN', 'en'] as const
/** A UI language. */
export type AppLocale = (typeof LOCALES)[number]

// One file per feature keeps features' messages apart; each file holds one top-level namespace.
const zhMessages = { ...zhCN, ...zhCNImport, ...zhCNExport, ...zhCNPresentation }
const enMessages = { ...en, ...enImport, ...enExport, ...enPresentation }

type MessageSchema = typeof zhMessages

/** Narrows a query value to a supported locale (zh-CN when unknown). */
export function toLocale(value: unknown): AppLocale {
  return value === 'en' ? 'en' : 'zh-CN'
}

export const i18n = createI18n<[MessageSchema], AppLocale>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhMessages, en: enMessages },
})
