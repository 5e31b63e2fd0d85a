import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runValidate } from './validate-cli'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

// `npm run` starts scripts in the package root; INIT_CWD is where the user typed the command, which their paths mean.
const userCwd = process.env.INIT_CWD || process.cwd()

// A reader that closes early (`| head`) is not an error of the files: exit quietly with the status they earned.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(process.exitCode ?? 0)
  })

process.exitCode = runValidate(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  readFile: (path) => readFileSync(path),
  dataDir: resolve(repoRoot, 'data'),
  cwd: userCwd,
})
