import { describe, expect, it } from 'vitest'
import { encodingKey, formatImportedAt } from '../../../src/domain/import-format'

describe('formatImportedAt', () => {
  it('writes date and time in the UI locale with a 24-hour clock', () => {
    const iso = '2025-03-04T13:05:00.000Z'
    expect(formatImportedAt(iso, 'zh-CN', 'Asia/Shanghai')).toBe('2025年3月4日 21:05')
    expect(formatImportedAt(iso, 'en', 'Asia/Shanghai')).toBe('Mar 4, 2025, 21:05')
  })

  it('returns the text as stored when it is not a date', () => {
    expect(formatImportedAt('yesterday', 'en')).toBe('yesterday')
  })
})

describe('encodingKey', () => {
  it('names each encoding the decoder reports', () => {
    expect(encodingKey('utf-8')).toBe('utf8')
    expect(encodingKey('utf-8-bom')).toBe('utf8Bom')
    expect(encodingKey('gb18030')).toBe('gb18030')
    expect(encodingKey(null)).toBe('unknown')
  })
})
