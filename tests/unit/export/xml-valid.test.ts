import { describe, expect, it } from 'vitest'
import { unzipSync } from 'fflate'
import { SaxesParser } from 'saxes'
import { buildPptx } from '../../../src/export/pptx-deck'
import { buildSlidePlan } from '../../../src/export/slide-plan'
import { buildXlsx } from '../../../src/export/xlsx'
import { toXmlText } from '../../../src/export/xml-text'

// Every character XML 1.0 forbids, as text copied from Word and hostile files carry it.
const FORBIDDEN = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u000e',
  '\u001f',
  '\ud800',
  '\ufffe',
  '\uffff',
  '\udc00',
]
const HOSTILE = `萧山${FORBIDDEN.join('')}区 Shift\u000bEnter <b>&"'`

/** The first error a strict XML reader finds in each XML part of a zip package; empty when every part is well-formed. */
function strictXmlErrors(zip: Uint8Array): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const [name, bytes] of Object.entries(unzipSync(zip))) {
    if (!/\.(xml|rels)$/.test(name)) continue
    const parser = new SaxesParser({ xmlns: true })
    parser.on('error', (e) => {
      errors[name] ??= e.message
    })
    try {
      parser.write(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).close()
    } catch (e) {
      errors[name] ??= e instanceof Error ? e.message : String(e)
    }
  }
  return errors
}

const xmlPartsOf = (zip: Uint8Array): string[] => Object.keys(unzipSync(zip)).filter((n) => /\.(xml|rels)$/.test(n))

describe('toXmlText', () => {
  it('turns Word line breaks into spaces and drops every other forbidden character', () => {
    expect(toXmlText('a\u000bb\u000cc')).toBe('a b c')
    expect(toXmlText(`x${FORBIDDEN.join('')}y`)).toBe('x  y')
    expect(toXmlText('tab\tLF\nCR\r 😀 \ue000 \ufffd')).toBe('tab\tLF\nCR\r 😀 \ue000 \ufffd')
  })
})

describe('exports read by a strict XML parser', () => {
  it('writes a PowerPoint deck whose every XML part is well-formed when texts hold forbidden characters', async () => {
    const plan = buildSlidePlan({
      appName: HOSTILE,
      viewName: HOSTILE,
      filterLines: [HOSTILE],
      dateText: '2026-12-01',
      charts: [{ key: 'c1', title: HOSTILE, takeaway: HOSTILE, badge: HOSTILE, footnote: HOSTILE, sources: [HOSTILE] }],
      labels: { sourcesHeading: HOSTILE, noSources: '—', exportedOn: (d) => `${HOSTILE} ${d}` },
    })
    const blob = await buildPptx(plan, new Map(), { title: HOSTILE, author: HOSTILE, lang: 'zh-CN' })
    const zip = new Uint8Array(await blob.arrayBuffer())
    expect(xmlPartsOf(zip).filter((n) => n.startsWith('ppt/slides/slide'))).toHaveLength(3)
    expect(strictXmlErrors(zip)).toEqual({})
    const slide = new TextDecoder().decode(unzipSync(zip)['ppt/slides/slide2.xml'])
    expect(slide).toContain('Shift Enter')
  })

  it('writes an Excel workbook whose every XML part is well-formed when cells and the sheet name hold them', () => {
    const zip = buildXlsx(
      {
        header: [HOSTILE, 'value'],
        rows: [
          [HOSTILE, 1],
          ['\u000b=1+1', 2],
        ],
      },
      HOSTILE,
    )
    expect(xmlPartsOf(zip)).toHaveLength(6)
    expect(strictXmlErrors(zip)).toEqual({})
  })
})
