import type { BuiltInName } from '../types/domain'

/** Id of the JSON data block in an offline copy. */
export const EMBEDDED_DATA_ID = 'embedded-data'
/** Format tag of the data block, so a later version can tell old copies apart. */
export const EMBEDDED_DATA_FORMAT = 'union-dashboard/offline-data@1'

/** An imported dataset as an offline copy carries it: its metrics as a CSV in the import format. */
export interface EmbeddedImport {
  id: string
  name: string
  fileName: string
  importedAt: string
  hidden: boolean
  csv: string
}

/** The data an offline copy carries instead of fetching data/*.csv. */
export interface EmbeddedData {
  format: typeof EMBEDDED_DATA_FORMAT
  createdAt: string
  builtIn: Record<BuiltInName, string>
  imports: EmbeddedImport[]
}

const str = (v: unknown): v is string => typeof v === 'string'
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function narrowImport(v: unknown): EmbeddedImport | null {
  if (!isRecord(v) || !str(v.id) || !str(v.name) || !str(v.csv)) return null
  return {
    id: v.id,
    name: v.name,
    fileName: str(v.fileName) ? v.fileName : v.name,
    importedAt: str(v.importedAt) ? v.importedAt : '',
    hidden: v.hidden === true,
    csv: v.csv,
  }
}

/** Narrows a parsed data block; null when it is not one (wrong format tag or a built-in file missing). */
export function narrowEmbeddedData(value: unknown): EmbeddedData | null {
  if (!isRecord(value) || value.format !== EMBEDDED_DATA_FORMAT || !isRecord(value.builtIn)) return null
  const b = value.builtIn
  if (!str(b.districts) || !str(b.indicators) || !str(b.sources) || !str(b.metrics)) return null
  const imports = Array.isArray(value.imports) ? value.imports.map(narrowImport) : []
  return {
    format: EMBEDDED_DATA_FORMAT,
    createdAt: str(value.createdAt) ? value.createdAt : '',
    builtIn: {
      districts: b.districts,
      indicators: b.indicators,
      sources: b.sources,
      // Copies made before bases and boundaries existed lack them: none, as for an older deployment.
      bases: str(b.bases) ? b.bases : '',
      boundaries: str(b.boundaries) ? b.boundaries : '',
      metrics: b.metrics,
    },
    imports: imports.filter((i): i is EmbeddedImport => i !== null),
  }
}

/** Parses the text of a data block; null when it is not valid JSON or not a data block. */
export function parseEmbeddedData(text: string | null | undefined): EmbeddedData | null {
  if (!text) return null
  try {
    return narrowEmbeddedData(JSON.parse(text))
  } catch {
    return null
  }
}

/**
 * JSON safe to place between <script> tags: `<`, `>` and `&` become \u escapes, so no `</script>` or `<!--`
 * inside the data can end the element (JSON.parse reads the escapes back as the same characters).
 */
export function serializeEmbeddedData(data: EmbeddedData): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

const DATA_BLOCK = new RegExp(`<script type="application/json" id="${EMBEDDED_DATA_ID}">[^<]*</script>\\n?`)

/** The page with its data block replaced (or added before </body>); null removes the block. */
export function withEmbeddedData(html: string, data: EmbeddedData | null): string {
  const block = data
    ? `<script type="application/json" id="${EMBEDDED_DATA_ID}">${serializeEmbeddedData(data)}</script>\n`
    : ''
  if (DATA_BLOCK.test(html)) return html.replace(DATA_BLOCK, () => block)
  const at = html.lastIndexOf('</body>')
  if (at < 0) throw new Error('offline template has no </body>')
  return html.slice(0, at) + block + html.slice(at)
}

/**
 * Code made safe to sit inside an inline <script>: `</script` and `<!--` cannot end or confuse the element.
 * Both replacements mean the same in JS strings, template literals, regular expressions and comments.
 * Line ends are normalised to \n, as the HTML parser does, so the CSP hash matches what the browser hashes.
 */
export function escapeInlineScript(code: string): string {
  if (code.includes('\0')) throw new Error('inline script contains a NUL character')
  return code
    .replace(/\r\n?/g, '\n')
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '\\x3C!--')
}

/** CSS made safe to sit inside an inline <style>. */
export function escapeInlineStyle(css: string): string {
  return css.replace(/\r\n?/g, '\n').replace(/<\/(style)/gi, '<\\/$1')
}

/** Base64 SHA-256 of the UTF-8 text, as CSP hash sources spell it ('sha256-…'). */
export async function cspHashSource(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  let binary = ''
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte)
  return `'sha256-${btoa(binary)}'`
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi

/** The text of every inline script the browser runs (data blocks and external scripts excluded), in page order. */
export function inlineScriptTexts(html: string): string[] {
  const out: string[] = []
  for (const m of html.matchAll(SCRIPT)) {
    const attrs = m[1] ?? ''
    if (/\bsrc\s*=/i.test(attrs) || /type\s*=\s*"application\/json"/i.test(attrs)) continue
    out.push(m[2] ?? '')
  }
  return out
}

/** Content-Security-Policy of the offline copy: only the hashed inline scripts run; nothing is fetched. */
export function offlineCsp(scriptHashes: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.join(' ')}`,
    // ECharts and Vue set style attributes; the app's CSS is one inline <style>.
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    'font-src data:',
    // The CSV import parses in a module worker created from a blob: URL of the inlined worker code.
    'worker-src blob:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}

const CSP_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*"\s*\/?>\n?\s*/i

const CHARSET_META = /<meta charset="[^"]*"\s*\/?>/i

/** The page with its CSP meta tag replaced (or added after the charset tag, which must stay near the top). */
export function withCsp(html: string, csp: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${csp.replace(/"/g, '&quot;')}" />`
  const stripped = html.replace(CSP_META, '')
  const anchor = CHARSET_META.test(stripped) ? CHARSET_META : /<head>/i
  if (!anchor.test(stripped)) throw new Error('offline template has no <head>')
  return stripped.replace(anchor, (h) => `${h}\n    ${meta}`)
}

/** Hashes every inline script of the page and writes the matching CSP meta tag. */
export async function withHashedCsp(html: string): Promise<{ html: string; csp: string }> {
  const hashes = await Promise.all(inlineScriptTexts(html).map(cspHashSource))
  const csp = offlineCsp([...new Set(hashes)])
  return { html: withCsp(html, csp), csp }
}

/** Built assets by the path the page refers to them with (e.g. './assets/index-abc.js'). */
export type AssetTexts = ReadonlyMap<string, string>

/**
 * Replaces the page's module script and stylesheet links with inline <script type="module"> and <style>,
 * and drops modulepreload links. Throws when the page refers to an asset it was not given.
 */
export function inlineAssets(html: string, assets: AssetTexts): string {
  const text = (ref: string): string => {
    const t = assets.get(ref)
    if (t === undefined) throw new Error(`offline build: asset ${ref} is missing`)
    return t
  }
  return html
    .replace(/<link rel="modulepreload"[^>]*>\n?\s*/gi, '')
    .replace(
      /<script type="module"[^>]*\bsrc="([^"]+)"[^>]*><\/script>/gi,
      (_, src: string) => `<script type="module">${escapeInlineScript(text(src))}</script>`,
    )
    .replace(
      /<link rel="stylesheet"[^>]*\bhref="([^"]+)"[^>]*>/gi,
      (_, href: string) => `<style>${escapeInlineStyle(text(href))}</style>`,
    )
}

/** Whether a fetched page is the offline template (a dev server answers any path with the dev index.html). */
export function isOfflineTemplate(html: string): boolean {
  return /script-src 'sha256-/.test(html) && /<script type="module">/.test(html) && /<div id="app">/.test(html)
}
