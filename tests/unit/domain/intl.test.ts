import { describe, expect, it } from 'vitest'
import { collator, listFormat, localName, localText, numberFormat } from '../../../src/domain/intl'

describe('cached Intl objects', () => {
  it('builds a number format once per locale and options, and formats as Intl does', () => {
    const a = numberFormat('zh-CN', { maximumFractionDigits: 1 })
    expect(numberFormat('zh-CN', { maximumFractionDigits: 1 })).toBe(a)
    expect(numberFormat('en', { maximumFractionDigits: 1 })).not.toBe(a)
    expect(numberFormat('zh-CN', { maximumFractionDigits: 2 })).not.toBe(a)
    expect(a.format(1234.56)).toBe(new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 }).format(1234.56))
    expect(numberFormat('en', { style: 'percent' }).format(0.5)).toBe('50%')
  })

  it('keeps collators apart by their options', () => {
    const plain = collator('zh-CN')
    const numeric = collator('zh-CN', { numeric: true })
    expect(collator('zh-CN')).toBe(plain)
    expect(numeric).not.toBe(plain)
    expect(['a10', 'a9'].sort(numeric.compare)).toEqual(['a9', 'a10'])
    expect(['a10', 'a9'].sort(plain.compare)).toEqual(['a10', 'a9'])
  })

  it('builds list formats once', () => {
    const and = listFormat('en', { type: 'conjunction' })
    expect(listFormat('en', { type: 'conjunction' })).toBe(and)
    expect(and.format(['Xihu', 'Fuyang', 'Qiantang'])).toBe('Xihu, Fuyang, and Qiantang')
  })
})

describe('localName', () => {
  it('picks the English name in English and the Chinese one otherwise', () => {
    const xiaoshan = { id: 'xiaoshan', nameZh: '萧山区', nameEn: 'Xiaoshan' }
    expect(localName(xiaoshan, 'en')).toBe('Xiaoshan')
    expect(localName(xiaoshan, 'zh-CN')).toBe('萧山区')
  })
})

describe('localText', () => {
  it('picks the text of the language from a zh/en pair', () => {
    expect(localText('说明', 'note', 'en')).toBe('note')
    expect(localText('说明', 'note', 'zh-CN')).toBe('说明')
  })

  it('falls back to the Chinese text when the English one is empty (an optional column left blank)', () => {
    expect(localText('说明', '', 'en')).toBe('说明')
  })
})
