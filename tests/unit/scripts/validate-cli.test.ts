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
      `${FIXTURES}/unknown-column.csv:1: warning: column "remarks" is not a known column and is ignored; known columns are district, indicator, period, value, qualifier, source, quote, note, measure, basis, status, method, note_en, place`,
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

  it('rejects a file mixing GBK and UTF-8 at the line where it changes, and reads a CR-only file by its lines', () => {
    const result = cli(`${FIXTURES}/mixed-gbk-then-utf8.csv`, `${FIXTURES}/cr-only-lf-in-quote.csv`)
    expect(result.code).toBe(1)
    expect(result.stdout).toEqual([
      expect.stringMatching(/^tests\/fixtures\/csv\/mixed-gbk-then-utf8\.csv:4: the file mixes two encodings/),
      `${FIXTURES}/cr-only-lf-in-quote.csv:4: value "abc" is not a plain number; expected a plain decimal in 人 such as 1234`,
    ])
  })

  it('names a web page given where a CSV was expected, without a line number', () => {
    const stdout: string[] = []
    const code = runValidate(['metrics.csv'], {
      stdout: (line) => stdout.push(line),
      stderr: () => {},
      readFile: (path) =>
        path.endsWith('/metrics.csv') && !path.includes('catalogue')
          ? new TextEncoder().encode('<!doctype html>\n<html><head><title>工会数据看板</title></head></html>\n')
          : readFileSync(path),
      dataDir: `${repoRoot}${DATA_DIR}`,
      cwd: repoRoot,
    })
    expect(code).toBe(1)
    expect(stdout).toEqual([
      'metrics.csv: the file is a web page (HTML), not CSV text; a server may have sent a page instead of the file',
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

  it('escapes control characters in echoed field text, so a file cannot forge a line or send terminal codes', () => {
    // Enough ordinary rows that the few control characters do not make the file look binary.
    const rows = Array.from({ length: 20 }, (_, i) => `xiaoshan,members,${2000 + i},1`).join('\n')
    const crafted = `district,indicator,period,value\nxiaoshan,"members\nforged.csv: OK, 999 rows\r\u001b[2J\u202e",2024,1\n${rows}\n`
    const stdout: string[] = []
    const code = runValidate(['crafted\u001b[31m.csv'], {
      stdout: (line) => stdout.push(line),
      stderr: () => {},
      readFile: (path) =>
        path.endsWith('.csv') && path.includes('crafted') ? new TextEncoder().encode(crafted) : readFileSync(path),
      dataDir: `${repoRoot}${DATA_DIR}`,
      cwd: repoRoot,
    })
    expect(code).toBe(1)
    expect(stdout).toHaveLength(1)
    expect(stdout[0]).toMatch(
      /^crafted\\x1b\[31m\.csv:2: indicator "members\\nforged\.csv: OK, 999 rows\\r\\x1b\[2J\\u202e" is not/,
    )
    // eslint-disable-next-line no-control-regex
    expect(stdout.join('')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/)
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
      env: { ...process.env, INIT_CWD: repoRoot },
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

  it('resolves paths from the directory the command was run in (INIT_CWD under npm run)', () => {
    const run = spawnSync(
      process.execPath,
      [
        `${repoRoot}node_modules/tsx/dist/cli.mjs`,
        `${repoRoot}scripts/validate.ts`,
        '--data-dir',
        'catalogue',
        'valid-metrics.csv',
      ],
      { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, INIT_CWD: `${repoRoot}${FIXTURES}` } },
    )
    expect(run.stderr).toBe('')
    expect(run.stdout.split('\n')[0]).toBe('valid-metrics.csv: OK, 5 rows (utf-8)')
    expect(run.status).toBe(0)
  }, 30_000)

  it('exits quietly with the files’ status when the reader closes the pipe early', () => {
    // `true` exits before the validator has started, so every write meets a closed pipe (EPIPE).
    const piped = (file: string) =>
      spawnSync(
        'bash',
        [
          '-c',
          `node --import tsx scripts/validate.ts --data-dir ${DATA_DIR} ${file} | true; echo "status=\${PIPESTATUS[0]}"`,
        ],
        { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, INIT_CWD: repoRoot } },
      )
    const valid = piped(`${FIXTURES}/valid-metrics.csv`)
    expect(valid.stdout).toBe('status=0\n')
    expect(valid.stderr).toBe('')
    const invalid = piped(`${FIXTURES}/png-image.csv`)
    expect(invalid.stdout).toBe('status=1\n')
    expect(invalid.stderr).toBe('')
  }, 30_000)
})
