import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runValidate } from '../../../scripts/validate-cli'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const FIXTURES = 'tests/fixtures/csv'
const DATA_DIR = `${FIXTURES}/catalogue`
// What an older-format file (no measure/basis/status/method columns) is told once it imports.
const defaulted = (file: string): string =>
  `${file}:1: warning: the file has no measure, basis, status, method column; every row is taken as measure=flow, basis=(empty), status=achieved, method=reported (add the columns to say what each figure counts)`

function cli(...argv: string[]) {
  const stdout: string[] = []
  const stderr: string[] = []
  const code = runValidate(argv, {
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
    readFile: (path) => readFileSync(path),
    dataDir: `${repoRoot}${DATA_DIR}`,
    cwd: repoRoot,
  })
  return { code, stdout, stderr }
}

describe('runValidate', () => {
  it('prints OK with the row count and encoding and exits 0 for valid files', () => {
    const result = cli(`${FIXTURES}/valid-metrics.csv`, `${FIXTURES}/gbk-encoded.csv`, `${FIXTURES}/bom-utf8.csv`)
    expect(result).toEqual({
      code: 0,
      stdout: [
        `${FIXTURES}/valid-metrics.csv: OK, 5 rows (utf-8)`,
        defaulted(`${FIXTURES}/valid-metrics.csv`),
        `${FIXTURES}/gbk-encoded.csv: OK, 2 rows (gb18030)`,
        defaulted(`${FIXTURES}/gbk-encoded.csv`),
        `${FIXTURES}/bom-utf8.csv: OK, 1 row (utf-8-bom)`,
        defaulted(`${FIXTURES}/bom-utf8.csv`),
      ],
      stderr: [],
    })
  })

  it('prints warnings after the OK line', () => {
    expect(cli(`${FIXTURES}/unknown-column.csv`).stdout).toEqual([
      `${FIXTURES}/unknown-column.csv: OK, 1 row (utf-8)`,
      `${FIXTURES}/unknown-column.csv:1: warning: column "remarks" is not a known column and is ignored; known columns are district, indicator, period, value, qualifier, source, quote, note, measure, basis, status, method, note_en`,
      defaulted(`${FIXTURES}/unknown-column.csv`),
    ])
  })

  it('prints one FILE:LINE: message line per error and exits 1', () => {
    const result = cli(`${FIXTURES}/multiline-quote-shifts-lines.csv`, `${FIXTURES}/valid-metrics.csv`)
    expect(result.code).toBe(1)
    expect(result.stdout).toEqual([
      `${FIXTURES}/multiline-quote-shifts-lines.csv:5: indicator "memberz" is not in the catalogue; did you mean members?`,
      `${FIXTURES}/multiline-quote-shifts-lines.csv:8: value "many" is not a plain number; expected a plain decimal in 人 such as 1234`,
      `${FIXTURES}/valid-metrics.csv: OK, 5 rows (utf-8)`,
      defaulted(`${FIXTURES}/valid-metrics.csv`),
    ])
  })

  it('prints whole-file problems without a line number', () => {
    expect(cli(`${FIXTURES}/utf16-le.csv`).stdout).toEqual([
      `${FIXTURES}/utf16-le.csv: the file is encoded as UTF-16, which is not supported; save it as "CSV UTF-8 (Comma delimited)" or plain CSV`,
    ])
  })

  it('ends a capped list with the number of errors left out', () => {
    const lines = Array.from({ length: 130 }, (_, i) => `xiaoshan,members,${1950 + i},bad,,,,`)
    const stdout: string[] = []
    const code = runValidate(['many.csv'], {
      stdout: (line) => stdout.push(line),
      stderr: () => {},
      readFile: (path) =>
        path.endsWith('many.csv')
          ? new TextEncoder().encode(
              `district,indicator,period,value,qualifier,source,quote,note\n${lines.join('\n')}\n`,
            )
          : readFileSync(path),
      dataDir: `${repoRoot}${DATA_DIR}`,
      cwd: repoRoot,
    })
    expect(code).toBe(1)
    expect(stdout).toHaveLength(101)
    expect(stdout[0]).toMatch(/^many\.csv:2: value "bad"/)
    expect(stdout.at(-1)).toBe('many.csv: … and 30 more errors')
  })

  it('validates a catalogue file as its own kind', () => {
    expect(cli(`${DATA_DIR}/indicators.csv`, `${FIXTURES}/catalogue-broken/districts.csv`)).toMatchObject({
      code: 1,
      stdout: [
        `${DATA_DIR}/indicators.csv: OK, 7 rows (utf-8)`,
        `${FIXTURES}/catalogue-broken/districts.csv:3: id "Xihu" may only contain lowercase letters a-z, digits, '_' and '-'`,
        `${FIXTURES}/catalogue-broken/districts.csv:3: color "orange" is not a hex colour; expected #RRGGBB such as #1f77b4`,
      ],
    })
  })

  it('reports a file of no known kind', () => {
    const result = cli('package.json')
    expect(result.code).toBe(1)
    expect(result.stdout[0]).toMatch(/^package\.json:1: the header does not match any known file/)
  })

  it('prints catalogue errors as FILE:LINE: message and exits 1', () => {
    const result = cli('--data-dir', `${FIXTURES}/catalogue-broken`, `${FIXTURES}/valid-metrics.csv`)
    expect(result.code).toBe(1)
    expect(result.stdout).toEqual([
      `${FIXTURES}/catalogue-broken/districts.csv:3: id "Xihu" may only contain lowercase letters a-z, digits, '_' and '-'`,
      `${FIXTURES}/catalogue-broken/districts.csv:3: color "orange" is not a hex colour; expected #RRGGBB such as #1f77b4`,
    ])
  })

  it('exits 2 with usage when no file is given or an option is unknown', () => {
    expect(cli()).toMatchObject({
      code: 2,
      stdout: [],
      stderr: ['validate: no file given', 'usage: npm run validate -- [--data-dir DIR] FILE...'],
    })
    expect(cli('--verbose', 'x.csv')).toMatchObject({
      code: 2,
      stderr: ['validate: unknown option --verbose', expect.any(String)],
    })
    expect(cli('--data-dir')).toMatchObject({ code: 2 })
  })

  it('exits 2 when a file cannot be read, still checking the others', () => {
    const result = cli('missing.csv', `${FIXTURES}/valid-metrics.csv`, FIXTURES)
    expect(result.code).toBe(2)
    expect(result.stderr).toEqual([
      'missing.csv: cannot read file (no such file or directory)',
      `${FIXTURES}: cannot read file (it is a directory)`,
    ])
    expect(result.stdout).toEqual([
      `${FIXTURES}/valid-metrics.csv: OK, 5 rows (utf-8)`,
      defaulted(`${FIXTURES}/valid-metrics.csv`),
    ])
  })

  it('exits 2 when the catalogue cannot be read', () => {
    const result = cli('--data-dir', 'no/such/dir', `${FIXTURES}/valid-metrics.csv`)
    expect(result.code).toBe(2)
    expect(result.stderr).toEqual(['no/such/dir/districts.csv: cannot read file (no such file or directory)'])
  })
})

describe('scripts/validate.ts', () => {
  const spawn = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', '--data-dir', DATA_DIR, ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
    })

  it('exits 0, 1 and 2 as a process, without stack traces', () => {
    const ok = spawn(`${FIXTURES}/valid-metrics.csv`)
    expect(ok.status).toBe(0)
    expect(ok.stdout).toBe(
      `${FIXTURES}/valid-metrics.csv: OK, 5 rows (utf-8)\n${defaulted(`${FIXTURES}/valid-metrics.csv`)}\n`,
    )
    const invalid = spawn(`${FIXTURES}/png-image.csv`)
    expect(invalid.status).toBe(1)
    expect(invalid.stdout).toContain('png-image.csv: the file is a PNG image')
    const unreadable = spawn('nope.csv')
    expect(unreadable.status).toBe(2)
    expect(unreadable.stderr).toBe('nope.csv: cannot read file (no such file or directory)\n')
    expect(`${ok.stderr}${invalid.stderr}`).not.toMatch(/\bat .*:\d+:\d+/)
  }, 30_000)
})
