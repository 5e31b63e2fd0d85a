import { describe, expect, it } from 'vitest'
import {
  MAX_DATASET_NAME,
  datasetNameFromFile,
  newDatasetId,
  normaliseDatasetName,
  uniqueDatasetName,
} from '../../../src/domain/import-naming'

describe('datasetNameFromFile', () => {
  it('drops the folder and the .csv extension', () => {
    expect(datasetNameFromFile('C:\\Users\\staff\\西湖区2025年数据.csv', [], 'import')).toBe('西湖区2025年数据')
    expect(datasetNameFromFile('reports/fuyang-2025.CSV', [], 'import')).toBe('fuyang-2025')
  })

  it('keeps other dots and collapses runs of spaces', () => {
    expect(datasetNameFromFile('  v1.2   final  .csv', [], 'import')).toBe('v1.2 final')
  })

  it('numbers a name that is already taken', () => {
    expect(datasetNameFromFile('data.csv', ['data'], 'import')).toBe('data (2)')
    expect(datasetNameFromFile('data.csv', ['data', 'data (2)'], 'import')).toBe('data (3)')
  })

  it('falls back when the file name leaves nothing', () => {
    expect(datasetNameFromFile('.csv', [], '导入数据')).toBe('导入数据')
    expect(datasetNameFromFile('', ['导入数据'], '导入数据')).toBe('导入数据 (2)')
  })
})

describe('normaliseDatasetName', () => {
  it('replaces control characters and trims', () => {
    expect(normaliseDatasetName('\u0007a\tb\nc ')).toBe('a b c')
  })

  it('caps the length in characters, not UTF-16 units', () => {
    const long = '𠀀'.repeat(MAX_DATASET_NAME + 5)
    expect([...normaliseDatasetName(long)]).toHaveLength(MAX_DATASET_NAME)
  })

  it('returns an empty string for blank input', () => {
    expect(normaliseDatasetName('   ')).toBe('')
  })
})

describe('uniqueDatasetName', () => {
  it('returns the name unchanged when it is free', () => {
    expect(uniqueDatasetName('a', ['b'])).toBe('a')
  })
})

describe('newDatasetId', () => {
  it('encodes the time in base 36 and never returns a taken id', () => {
    expect(newDatasetId(36, [])).toBe('import-10')
    expect(newDatasetId(36, ['import-10'])).toBe('import-10-2')
    expect(newDatasetId(36, ['import-10', 'import-10-2'])).toBe('import-10-3')
  })

  it('adds a nonce, so two tabs importing in the same millisecond get different ids', () => {
    expect(newDatasetId(36, [], 'ab12')).toBe('import-10-ab12')
    expect(newDatasetId(36, [], 'ab12')).not.toBe(newDatasetId(36, [], 'cd34'))
    expect(newDatasetId(36, [], 'a:b/1')).toBe('import-10-ab1')
  })

  it('never produces the built-in id', () => {
    expect(newDatasetId(0, [])).not.toBe('builtin')
  })
})
