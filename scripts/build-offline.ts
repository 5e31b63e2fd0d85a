// `npm run build:offline`: one self-contained HTML file for meetings without network, plus the template the online
// app fills with the current data for "download offline copy".
import { build } from 'vite'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join, relative } from 'node:path'
import {
  EMBEDDED_DATA_FORMAT,
  inlineAssets,
  withEmbeddedData,
  withHashedCsp,
  type EmbeddedData,
} from '../src/offline/offline-html'
import { BUILT_IN_NAMES } from '../src/types/domain'

const OUT = 'dist-offline'
const BUILD = join(OUT, 'build')
const OFFLINE_FILE = 'union-dashboard.html'
const TEMPLATE_FILE = 'offline-template.html'

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

// The config imports ./vite.config without an extension, which Vite's future native loader would not take; say so once here.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true'
// The meeting copy is always the production build, whoever runs this: Vite takes NODE_ENV from the environment, and
// the browser tests run it under Vitest's NODE_ENV=test, which made a development build (Vue warnings, file paths).
process.env.NODE_ENV = 'production'
await build({ configFile: 'vite.offline.config.ts', mode: 'production', logLevel: 'warn' })

const page = readFileSync(join(BUILD, 'index.html'), 'utf8')
const refs = [...page.matchAll(/(?:src|href)="(\.\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '')
const assets = new Map(refs.map((ref) => [ref, readFileSync(join(BUILD, ref), 'utf8')]))

// Everything the build wrote must end up inside the page: a stray file would be a request file:// cannot make.
const stray = filesUnder(BUILD)
  .map((f) => `./${relative(BUILD, f).split('\\').join('/')}`)
  .filter((f) => f !== './index.html' && !assets.has(f))
if (stray.length) throw new Error(`offline build: not inlined: ${stray.join(', ')} (check the inline-worker plugin)`)

const { html: template, csp } = await withHashedCsp(inlineAssets(page, assets))
if (/\.\/assets\//.test(template)) throw new Error('offline build: the page still refers to ./assets/')

const data: EmbeddedData = {
  format: EMBEDDED_DATA_FORMAT,
  createdAt: new Date().toISOString(),
  builtIn: Object.fromEntries(
    BUILT_IN_NAMES.map((name) => [name, readFileSync(`data/${name}.csv`, 'utf8')]),
  ) as EmbeddedData['builtIn'],
  imports: [],
}

rmSync(BUILD, { recursive: true, force: true })
mkdirSync(OUT, { recursive: true })
writeFileSync(join(OUT, TEMPLATE_FILE), template)
writeFileSync(join(OUT, OFFLINE_FILE), withEmbeddedData(template, data))
// The online app fetches the template from next to its index.html when asked for an offline copy.
if (existsSync('dist/index.html')) copyFileSync(join(OUT, TEMPLATE_FILE), join('dist', TEMPLATE_FILE))

const kib = (f: string): string => `${Math.round(statSync(f).size / 1024)} KiB`
console.log(`${join(OUT, OFFLINE_FILE)}  ${kib(join(OUT, OFFLINE_FILE))}`)
console.log(`${join(OUT, TEMPLATE_FILE)}  ${kib(join(OUT, TEMPLATE_FILE))}`)
if (existsSync(join('dist', TEMPLATE_FILE))) console.log(`dist/${TEMPLATE_FILE} (for the online app's download)`)
console.log(`CSP: ${csp}`)
