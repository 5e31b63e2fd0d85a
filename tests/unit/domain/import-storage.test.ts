import { describe, expect, it } from 'vitest'
import { isStoredImportMeta, keepCatalogueRows, storageProblemOf } from '../../../src/domain/import-storage'
import { makeMetric } from './metric-fixture'

describe('storageProblemOf', () => {
  it('tells a full disk from missing or blocked storage', () => {
    expect(storageProblemOf(new DOMException('full', 'QuotaExceededError'))).toBe('quota')
    expect(storageProblemOf(new DOMException('private', 'InvalidStateError'))).toBe('unavailable')
    expect(storageProblemOf(new DOMException('blocked', 'SecurityError'))).toBe('unavailable')
    expect(storageProblemOf(new TypeError("Cannot read properties of undefined (reading 'open')"))).toBe('unavailable')
    expect(storageProblemOf(new DOMException('slow', 'TimeoutError'))).toBe('timeout')
  })

  it('calls anything else a failure', () => {
    expect(storageProblemOf(new Error('boom'))).toBe('failed')
    expect(storageProblemOf('boom')).toBe('failed')
  })
})

describe('isStoredImportMeta', () => {
  const meta = {
    id: 'import-1',
    name: 'a',
    fileName: 'a.csv',
    importedAt: '2025-01-01T00:00:00.000Z',
    encoding: 'gb18030',
    hidden: false,
    rowCount: 3,
  }

  it('accepts saved metadata', () => {
    expect(isStoredImportMeta(meta)).toBe(true)
    expect(isStoredImportMeta({ ...meta, encoding: null })).toBe(true)
  })

  it('rejects anything of another shape', () => {
    expect(isStoredImportMeta(null)).toBe(false)
    expect(isStoredImportMeta({ ...meta, encoding: 'latin1' })).toBe(false)
    expect(isStoredImportMeta({ ...meta, hidden: 'no' })).toBe(false)
    const { id: _id, ...noId } = meta
    expect(isStoredImportMeta(noId)).toBe(false)
  })
})

describe('keepCatalogueRows', () => {
  const catalogue = {
    districts: [{ id: 'xiaoshan', nameZh: '萧山区', nameEn: 'Xiaoshan', color: '#000' }],
    indicators: [
      {
        id: 'unions_founded',
        category: 'organising' as const,
        nameZh: '新建基层工会',
        nameEn: 'New unions',
        unit: '家' as const,
        description: '',
        descriptionEn: '',
      },
    ],
  }

  it('returns the same array when the catalogue knows every row', () => {
    const rows = [makeMetric(), makeMetric({ period: '2023' })]
    const kept = keepCatalogueRows(rows, catalogue)
    expect(kept.metrics).toBe(rows)
    expect(kept.dropped).toBe(0)
  })

  it('drops rows whose district or indicator is no longer in the catalogue', () => {
    const rows = [makeMetric(), makeMetric({ district: 'gone' }), makeMetric({ indicator: 'retired' })]
    const kept = keepCatalogueRows(rows, catalogue)
    expect(kept.metrics).toEqual([rows[0]])
    expect(kept.dropped).toBe(2)
  })
})
