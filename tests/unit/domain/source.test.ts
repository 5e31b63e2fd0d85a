import { describe, expect, it } from 'vitest'
import { figureCredit, importName, sourceLabel } from '../../../src/domain/source'
import { makeSource } from './source-fixture'

const LABELLED = makeSource({
  id: 'xs-2024',
  district: 'xiaoshan',
  titleZh: '凝聚时代“工力量”',
  titleEn: 'Rallying the union strength',
  publisher: '萧山区总工会',
  publisherEn: 'Xiaoshan District Federation of Trade Unions',
  labelZh: '萧山区总工会 2024 年工作报道',
  labelEn: 'Xiaoshan union, 2024 work report',
})
const UNLABELLED = { ...LABELLED, labelZh: '', labelEn: '' }
const LABELS = {
  imported: (source: string, file: string) => `${source}（导入文件：${file}）`,
  importedOnly: (file: string) => `导入文件：${file}`,
}
const IMPORTS = [{ id: 'import-1', name: '萧山补充', fileName: '萧山补充.csv' }]

describe('sourceLabel', () => {
  it('names a report by its label, which names district and publisher', () => {
    expect(sourceLabel(LABELLED, 'zh-CN')).toBe('萧山区总工会 2024 年工作报道')
    expect(sourceLabel(LABELLED, 'en')).toBe('Xiaoshan union, 2024 work report')
  })

  it('names the publisher before the title when a report has no label', () => {
    expect(sourceLabel(UNLABELLED, 'zh-CN')).toBe('萧山区总工会 凝聚时代“工力量”')
    expect(sourceLabel(UNLABELLED, 'en')).toBe(
      'Xiaoshan District Federation of Trade Unions, Rallying the union strength',
    )
  })
})

describe('figureCredit', () => {
  it('credits a built-in figure to its report', () => {
    expect(figureCredit({ source: 'xs-2024', dataset: 'builtin' }, [LABELLED], IMPORTS, 'zh-CN', LABELS)).toBe(
      '萧山区总工会 2024 年工作报道',
    )
  })

  it('credits an imported figure to its import as well as the report it names', () => {
    expect(figureCredit({ source: 'xs-2024', dataset: 'import-1' }, [LABELLED], IMPORTS, 'zh-CN', LABELS)).toBe(
      '萧山区总工会 2024 年工作报道（导入文件：萧山补充.csv）',
    )
    expect(figureCredit({ source: '', dataset: 'import-1' }, [LABELLED], IMPORTS, 'zh-CN', LABELS)).toBe(
      '导入文件：萧山补充.csv',
    )
  })

  it('names an import by its file, and by the name it was given when that differs', () => {
    expect(importName(IMPORTS[0] ?? { id: '', name: '', fileName: '' })).toBe('萧山补充.csv')
    expect(importName({ id: 'i', name: '2025 补报', fileName: 'xs.csv' })).toBe('2025 补报 · xs.csv')
  })
})
