import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { mayBreakBetween, wrapText } from '../../../src/export/wrap-text'

const measure = (text: string): number => [...text].length * 10
const CLOSING = [...'），。、：；！？」》】”']
const OPENING = [...'（「《【“']

describe('wrapText and the Chinese line-breaking rules', () => {
  it('keeps Latin words whole and breaks CJK anywhere the rules allow', () => {
    expect(wrapText('alpha beta gamma', 110, 10, false, measure)).toEqual(['alpha beta', 'gamma'])
    expect(wrapText('一二三四五六七', 30, 10, false, measure)).toEqual(['一二三', '四五六', '七'])
  })

  it('never starts a line with closing punctuation: the character before it moves down too', () => {
    // A plain break would give '一二三' / '）四五'.
    expect(wrapText('一二三）四五', 30, 10, false, measure)).toEqual(['一二', '三）四', '五'])
    expect(wrapText('萧山区总工会。西湖', 60, 10, false, measure)).toEqual(['萧山区总工', '会。西湖'])
    expect(wrapText('数据来源：萧山', 40, 10, false, measure)).toEqual(['数据来', '源：萧山'])
  })

  it('never ends a line with opening punctuation: it moves to the next line', () => {
    // A plain break would give '一二（' / '三四）'.
    expect(wrapText('一二（三四）', 30, 10, false, measure)).toEqual(['一二', '（三', '四）'])
    expect(wrapText('西湖《报告》', 30, 10, false, measure)).toEqual(['西湖', '《报', '告》'])
  })

  it('keeps a run of closing marks with the character before it', () => {
    const lines = wrapText('一二三）。」四五六', 40, 10, false, measure)
    expect(lines).toEqual(['一二', '三）。」', '四五六'])
    for (const l of lines.slice(1)) expect(CLOSING).not.toContain([...l][0])
    expect(lines.join('')).toBe('一二三）。」四五六')
  })

  it('breaks a word longer than the line by character and keeps explicit line breaks', () => {
    expect(wrapText('abcdefgh', 30, 10, false, measure)).toEqual(['abc', 'def', 'gh'])
    expect(wrapText('a\nb', 100, 10, false, measure)).toEqual(['a', 'b'])
  })

  it('on any Chinese text: loses no character, overflows no line and obeys the rules', () => {
    const ch = fc.constantFrom(...'萧山西湖钱塘富阳工会新建人次万元2024', ...CLOSING, ...OPENING)
    fc.assert(
      fc.property(fc.array(ch, { minLength: 1, maxLength: 60 }), fc.integer({ min: 6, max: 20 }), (chars, cols) => {
        const text = chars.join('')
        const lines = wrapText(text, cols * 10, 10, false, measure)
        expect(lines.join('')).toBe(text)
        for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(cols * 10)
        for (const [i, l] of lines.entries()) {
          const prev = lines[i - 1]
          // Where the rules cannot be met within a few characters (a line of nothing but punctuation), a break stays.
          if (prev === undefined || !mayBreakBetweenWithin(prev)) continue
          expect(mayBreakBetween(prev, l)).toBe(true)
        }
      }),
    )
  })
})

/** Whether some break within the last three characters of a line would have been allowed. */
function mayBreakBetweenWithin(line: string): boolean {
  const cs = [...line]
  return [1, 2, 3].some((k) => cs.length > k && mayBreakBetween(cs.slice(0, -k).join(''), cs.slice(-k).join('')))
}
