import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import {
  EMBEDDED_DATA_FORMAT,
  cspHashSource,
  escapeInlineScript,
  inlineAssets,
  inlineScriptTexts,
  isOfflineTemplate,
  offlineCsp,
  parseEmbeddedData,
  serializeEmbeddedData,
  withCsp,
  withEmbeddedData,
  withHashedCsp,
  type EmbeddedData,
} from '../../../src/offline/offline-html'

const TEMPLATE = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <script type="module">console.log(1)</script>
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>
`

function data(metrics: string, extra: Partial<EmbeddedData> = {}): EmbeddedData {
  return {
    format: EMBEDDED_DATA_FORMAT,
    createdAt: '2025-01-01T00:00:00.000Z',
    builtIn: { districts: 'id\n', indicators: 'id\n', sources: 'id\n', bases: '', boundaries: '', metrics },
    imports: [],
    ...extra,
  }
}

/** The text between the data block's tags, as an HTML parser would end it: at the first `</script`. */
function blockText(html: string): string {
  const open = '<script type="application/json" id="embedded-data">'
  const start = html.indexOf(open) + open.length
  const end = html.toLowerCase().indexOf('</script', start)
  return html.slice(start, end)
}

describe('serializeEmbeddedData', () => {
  it('escapes < > & so a CSV containing </script> cannot end the data block', () => {
    const csv = 'district,quote\nxihu,"</script><script>alert(1)</script><!-- x"\n'
    const text = serializeEmbeddedData(data(csv))
    expect(text).not.toMatch(/[<>&]/)
    expect(text).toContain('\\u003c/script\\u003e')
  })

  it('round-trips through JSON.parse to the same CSV text', () => {
    const csv = 'a,b\n"</SCRIPT>",&amp; \u2028 萧山\n'
    expect(parseEmbeddedData(serializeEmbeddedData(data(csv)))?.builtIn.metrics).toBe(csv)
  })
})

describe('withEmbeddedData', () => {
  it('adds the block before </body> and keeps the data whole when parsed back the way a browser ends it', () => {
    const csv = 'x\n</script><script>alert(1)</script>\n'
    const html = withEmbeddedData(TEMPLATE, data(csv))
    expect(html).toContain('<script type="application/json" id="embedded-data">')
    expect(html.indexOf('embedded-data')).toBeLessThan(html.indexOf('</body>'))
    expect(parseEmbeddedData(blockText(html))?.builtIn.metrics).toBe(csv)
    // No new executable script appeared.
    expect(inlineScriptTexts(html)).toEqual(['console.log(1)'])
  })

  it('replaces an existing block instead of adding a second', () => {
    const once = withEmbeddedData(TEMPLATE, data('first'))
    const twice = withEmbeddedData(once, data('second'))
    expect(twice.match(/id="embedded-data"/g)).toHaveLength(1)
    expect(parseEmbeddedData(blockText(twice))?.builtIn.metrics).toBe('second')
  })

  it('removes the block for null', () => {
    expect(withEmbeddedData(withEmbeddedData(TEMPLATE, data('x')), null)).toBe(TEMPLATE)
  })

  it('treats $ patterns in the data literally', () => {
    const html = withEmbeddedData(withEmbeddedData(TEMPLATE, data('a')), data("$& $' $1"))
    expect(parseEmbeddedData(blockText(html))?.builtIn.metrics).toBe("$& $' $1")
  })
})

describe('parseEmbeddedData', () => {
  it('returns null for missing, malformed or foreign blocks', () => {
    expect(parseEmbeddedData(null)).toBeNull()
    expect(parseEmbeddedData('{')).toBeNull()
    expect(parseEmbeddedData('{"format":"other","builtIn":{}}')).toBeNull()
    expect(parseEmbeddedData(JSON.stringify({ ...data('m'), builtIn: { districts: 'd' } }))).toBeNull()
  })

  it('keeps well-formed imports and drops malformed ones', () => {
    const text = JSON.stringify({
      ...data('m'),
      imports: [{ id: 'imp-1', name: '2025', csv: 'district\n' }, { id: 3 }, null],
    })
    expect(parseEmbeddedData(text)?.imports).toEqual([
      { id: 'imp-1', name: '2025', fileName: '2025', importedAt: '', hidden: false, csv: 'district\n' },
    ])
  })
})

describe('escapeInlineScript', () => {
  it('escapes </script in any case and <!--, keeping the code meaning the same', () => {
    const code = 'const a = "</script>"; const b = /<\\/SCRIPT/; const c = `<!--`;'
    const escaped = escapeInlineScript(code)
    expect(escaped.toLowerCase()).not.toContain('</script')
    expect(escaped).not.toContain('<!--')
    const run = (src: string): unknown[] => new Function(`${src}; return [a, b.source, c]`)() as unknown[]
    expect(run(escaped)).toEqual(run(code))
  })

  it('normalises CRLF to LF as the HTML parser does', () => {
    expect(escapeInlineScript('a\r\nb\rc')).toBe('a\nb\nc')
  })
})

describe('cspHashSource', () => {
  it('is the base64 SHA-256 of the UTF-8 text in CSP syntax', async () => {
    const text = 'console.log("萧山")\n'
    const expected = createHash('sha256').update(text, 'utf8').digest('base64')
    expect(await cspHashSource(text)).toBe(`'sha256-${expected}'`)
  })

  it('matches the example hash of the CSP specification', async () => {
    expect(await cspHashSource("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='")
  })
})

describe('withHashedCsp', () => {
  it('allows exactly the inline scripts of the page by hash and nothing else', async () => {
    const page = withEmbeddedData(TEMPLATE, data('m'))
    const { html, csp } = await withHashedCsp(page)
    expect(csp).toContain(`script-src ${await cspHashSource('console.log(1)')};`)
    expect(csp).not.toMatch(/unsafe-inline'[^;]*;[^;]*script|script-src[^;]*(unsafe|self|http|\*)/)
    expect(csp).toContain("default-src 'none'")
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'))
  })

  it('replaces an existing CSP meta tag', () => {
    const once = withCsp(TEMPLATE, offlineCsp(["'sha256-a'"]))
    const twice = withCsp(once, offlineCsp(["'sha256-b'"]))
    expect(twice.match(/Content-Security-Policy/g)).toHaveLength(1)
    expect(twice).toContain("'sha256-b'")
  })
})

describe('inlineAssets', () => {
  const built = `<head>
    <script type="module" crossorigin src="./assets/index-a.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/vendor-b.js">
    <link rel="stylesheet" crossorigin href="./assets/index-c.css">
  </head>`

  it('inlines the module script and the stylesheet and drops modulepreload links', () => {
    const assets = new Map([
      ['./assets/index-a.js', 'const s = "</script>"; $&'],
      ['./assets/index-c.css', 'body{color:red}'],
    ])
    const html = inlineAssets(built, assets)
    expect(html).toContain('<script type="module">const s = "<\\/script>"; $&</script>')
    expect(html).toContain('<style>body{color:red}</style>')
    expect(html).not.toContain('modulepreload')
    expect(html).not.toContain('./assets/')
  })

  it('throws when the page refers to an asset it was not given', () => {
    expect(() => inlineAssets(built, new Map())).toThrow(/index-a\.js/)
  })
})

describe('isOfflineTemplate', () => {
  it('accepts the built template and rejects a dev server page answered for any path', async () => {
    const { html } = await withHashedCsp(TEMPLATE)
    expect(isOfflineTemplate(html)).toBe(true)
    expect(
      isOfflineTemplate('<!doctype html><div id="app"></div><script type="module" src="/src/main.ts"></script>'),
    ).toBe(false)
  })
})
