import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { runValidate } from '../../../scripts/validate-cli'
import { decodeCsvBytes } from '../../../src/dataset/parse-csv'
import { buildExportFileName, numberedFileName } from '../../../src/export/file-name'
import { toXmlText } from '../../../src/export/xml-text'

// The hostile-tester fuzzing of issue 14, kept as bounded property tests: random bytes and hostile text in every
// field never crash the validator, never forge or garble its output, and never reach an export unescaped.

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const DATA_DIR = `${repoRoot}tests/fixtures/csv/catalogue`
const HEADER = 'district,indicator,period,value,qualifier,source,quote,note'
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u
const RUNS = { numRuns: 150, seed: 14 }

/** Text with the characters hostile files carry: controls, bidi overrides, quotes, commas, line breaks, CJK. */
const hostileText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '\u0000',
      '\u0001',
      '\u000b',
      '\u000c',
      '\r',
      '\n',
      '\u001b',
      '\u0085',
      '\u202e',
      '\u2066',
      '\ufffe',
      '\uffff',
      '\ud800',
    ),
    fc.constantFrom('"', ',', ';', '=', '+', '-', '@', ' ', '萧山区', 'xiaoshan', 'members', '2024', '1,234', 'OK'),
    fc.string({ unit: 'grapheme', maxLength: 3 }),
  ),
  maxLength: 40,
})

function validate(bytes: Uint8Array) {
  const stdout: string[] = []
  const stderr: string[] = []
  const code = runValidate(['fuzz.csv'], {
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
    readFile: (path) => (path.endsWith('fuzz.csv') ? bytes : readFileSync(path)),
    dataDir: DATA_DIR,
    cwd: repoRoot,
  })
  return { code, stdout, stderr }
}

describe('validate CLI under fuzzing', () => {
  it('answers any bytes with exit 0 or 1 and lines that each name the file and hold no control character', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const { code, stdout, stderr } = validate(bytes)
        expect([0, 1]).toContain(code)
        expect(stderr).toEqual([])
        expect(stdout.length).toBeGreaterThan(0)
        for (const line of stdout) {
          expect(line.startsWith('fuzz.csv:')).toBe(true)
          expect(line).not.toMatch(UNPRINTABLE)
        }
      }),
      RUNS,
    )
  })

  it('never lets hostile field text forge an OK line or send terminal codes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(hostileText, { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const quote = (f: string) => `"${f.replace(/"/g, '""')}"`
          const text = `${HEADER}\n${rows.map((r) => r.map(quote).join(',')).join('\n')}\n`
          const { code, stdout } = validate(new TextEncoder().encode(text))
          expect([0, 1]).toContain(code)
          for (const line of stdout) expect(line).not.toMatch(UNPRINTABLE)
          const okLines = stdout.filter((l) => /^[^:]*: OK, \d+ rows? \(/.test(l))
          expect(okLines.length).toBe(code === 0 ? 1 : 0)
        },
      ),
      RUNS,
    )
  })
})

// GB18030 bytes of a few words (TextEncoder only writes UTF-8).
const GBK_WORDS: number[][] = [
  [207, 244, 201, 189, 199, 248], // 萧山区
  [206, 247, 186, 254, 199, 248], // 西湖区
  [187, 225, 212, 177], // 会员
]
const UTF8_WORDS = ['钱塘区', '富阳区', '培训'].map((w) => [...new TextEncoder().encode(w)])

describe('decodeCsvBytes under fuzzing', () => {
  it('rejects any mix of GBK and UTF-8 lines at the first line in the other encoding, and accepts either alone', () => {
    const line = fc.oneof(
      fc.record({ kind: fc.constant('gbk' as const), word: fc.constantFrom(...GBK_WORDS) }),
      fc.record({ kind: fc.constant('utf8' as const), word: fc.constantFrom(...UTF8_WORDS) }),
      fc.record({ kind: fc.constant('ascii' as const), word: fc.constant([...new TextEncoder().encode('xihu,1')]) }),
    )
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const bytes = new Uint8Array(lines.flatMap((l) => [...l.word, 0x2c, 0x31, 0x0a]))
        const first = lines.find((l) => l.kind !== 'ascii')?.kind
        const change = lines.findIndex((l) => l.kind !== 'ascii' && l.kind !== first)
        const result = decodeCsvBytes(bytes)
        if (change === -1) expect(result.ok).toBe(true)
        else expect(!result.ok && result.issue).toMatchObject({ code: 'encoding-mixed', line: change + 1 })
      }),
      RUNS,
    )
  })
})

describe('exports under fuzzing', () => {
  it('leaves no character XML forbids in export text', () => {
    fc.assert(
      fc.property(hostileText, fc.string({ unit: 'binary', maxLength: 60 }), (a, b) => {
        expect(toXmlText(a)).not.toMatch(NOT_XML)
        expect(toXmlText(b)).not.toMatch(NOT_XML)
      }),
      RUNS,
    )
  })

  it('makes file names within 255 bytes, without control or bidi characters, ending in the extension', () => {
    fc.assert(
      fc.property(
        hostileText,
        hostileText,
        fc.array(hostileText, { maxLength: 100 }),
        (subject, yearText, districts) => {
          const name = numberedFileName(
            98,
            99,
            buildExportFileName({
              subject,
              yearText,
              districts,
              districtSummary: `${districts.length}个区`,
              extension: 'pptx',
            }),
          )
          expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255)
          expect(name).not.toMatch(UNPRINTABLE)
          expect(name).not.toMatch(/[<>:"/\\|?*]/)
          expect(name.endsWith('.pptx')).toBe(true)
        },
      ),
      RUNS,
    )
  })
})
