/** A UI language: Chinese first, full English too. */
export type Locale = 'zh-CN' | 'en'
