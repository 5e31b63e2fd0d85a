import { describe, expect, it } from 'vitest'
import { findQuoteParagraph, highlightParts, locateQuote, splitParagraphs } from '../../../src/domain/report-text'

const REPORT =
  '标题\n\n第一段，新建工会 442 家。\n续行\n\r\n  \n第二段，举办培训\n\n班 1906 场。\n\n第四段，再次举办培训'

describe('splitParagraphs', () => {
  it('numbers the non-empty blocks between blank lines, lines of one block kept together', () => {
    expect(splitParagraphs(REPORT)).toEqual([
      '标题',
      '第一段，新建工会 442 家。\n续行',
      '第二段，举办培训',
      '班 1906 场。',
      '第四段，再次举办培训',
    ])
  })
})

describe('locateQuote', () => {
  const paragraphs = splitParagraphs(REPORT)
  it('finds a quote whitespace-insensitively and gives its paragraph', () => {
    expect(locateQuote(paragraphs, '新建工会442家')).toEqual({ first: 2, last: 2 })
    expect(findQuoteParagraph(paragraphs, '新建工会442家')).toBe(2)
  })

  it('finds a quote split by a paragraph break and names both paragraphs', () => {
    expect(locateQuote(paragraphs, '举办培训班1906场')).toEqual({ first: 3, last: 4 })
  })

  it('takes the first occurrence and gives null for a missing or empty quote', () => {
    expect(findQuoteParagraph(paragraphs, '举办培训')).toBe(3)
    expect(findQuoteParagraph(paragraphs, '不在报告中')).toBeNull()
    expect(findQuoteParagraph(paragraphs, '  ')).toBeNull()
  })
})

describe('highlightParts', () => {
  it('splits the text around the figure as written in it', () => {
    expect(highlightParts('招募1.2万名职工志愿者', '1.2万')).toEqual([
      { text: '招募', mark: false },
      { text: '1.2万', mark: true },
      { text: '名职工志愿者', mark: false },
    ])
  })

  it('marks a quote that a line break splits in the paragraph, keeping the paragraph’s own text', () => {
    expect(highlightParts('第一段，新建工会 442\n家。续行', '新建工会442家')).toEqual([
      { text: '第一段，', mark: false },
      { text: '新建工会 442\n家', mark: true },
      { text: '。续行', mark: false },
    ])
  })

  it('leaves the text unmarked when the needle is absent or empty', () => {
    expect(highlightParts('原文', '1906')).toEqual([{ text: '原文', mark: false }])
    expect(highlightParts('原文', '')).toEqual([{ text: '原文', mark: false }])
  })
})
