import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runValidate } from './validate-cli'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

process.exitCode = runValidate(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  readFile: (path) => readFileSync(path),
  dataDir: resolve(repoRoot, 'data'),
  cwd: process.cwd(),
})
