import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN.json'
import en from './en.json'

/** UI languages; zh-CN is the default. */
export const LOCALES = ['zh-CN', 'en'] as const
/** A UI language. */
export type AppLocale = (typeof LOCALES)[number]

type MessageSchema = typeof zhCN

/** Narrows a query value to a supported locale (zh-CN when unknown). */
export function toLocale(value: unknown): AppLocale {
  return value === 'en' ? 'en' : 'zh-CN'
}

export const i18n = createI18n<[MessageSchema], AppLocale>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})
