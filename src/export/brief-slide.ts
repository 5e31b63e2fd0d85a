import PptxGenJS from 'pptxgenjs'
import type { Brief } from '../domain/brief'
import { SLIDE } from './slide-plan'
import { escapeXml, toXmlText } from './xml-text'

/** Deck properties of the one-slide brief. */
export interface BriefSlideMeta {
  author: string
  lang: 'zh-CN' | 'en'
}

// As pptx-deck.ts: Office's Chinese UI font, every text box editable text.
const FONT = 'Microsoft YaHei'
const INK = '1B2430'
const MUTED = '4B5563'
const ACCENT = 'B4232A'
const PT_PER_INCH = 72
// Estimates err wide and tall: the fallback CJK fonts of LibreOffice and WPS set text wider and taller than YaHei.
const EM_SLACK = 1.12
const LINE_HEIGHT = 1.3

/** Where the slide's text goes, in inches (16:9). */
export const BRIEF_SLIDE = {
  title: { x: SLIDE.margin, y: 0.3, w: SLIDE.width - 2 * SLIDE.margin, h: 0.65 },
  scope: { x: SLIDE.margin, y: 0.95, w: SLIDE.width - 2 * SLIDE.margin, h: 0.3 },
  left: { x: SLIDE.margin, y: 1.4, w: 6.9, h: 5.45 },
  right: { x: 7.65, y: 1.4, w: SLIDE.width - SLIDE.margin - 7.65, h: 5.45 },
  foot: { x: SLIDE.margin, y: 6.95, w: SLIDE.width - 2 * SLIDE.margin, h: 0.35 },
} as const

/** Width of a text in ems: CJK and full-width characters one em, the rest about half. */
export function emWidth(text: string): number {
  let w = 0
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6
  return w
}

/** Height in inches that paragraphs take in a box of width w at a font size, wrapping by estimated width. */
export function paragraphsHeight(paragraphs: readonly string[], w: number, pt: number): number {
  const perLine = (w * PT_PER_INCH) / pt
  const lines = paragraphs.reduce((n, p) => n + Math.max(1, Math.ceil((emWidth(p) * EM_SLACK) / perLine)), 0)
  // Paragraph spacing: a third of a line after each.
  return ((lines + paragraphs.length / 3) * pt * LINE_HEIGHT) / PT_PER_INCH
}

/** The largest font size, from max down to min in half points, at which the paragraphs fit the box. */
export function fitFontSize(
  paragraphs: readonly string[],
  box: { w: number; h: number },
  max: number,
  min = 8,
): number {
  for (let pt = max; pt > min; pt -= 0.5) if (paragraphsHeight(paragraphs, box.w, pt) <= box.h) return pt
  return min
}

/** A district's paragraph: its name, then its figures. */
function districtParagraph(d: Brief['districts'][number], lang: BriefSlideMeta['lang']): string {
  const sep = lang === 'en' ? '; ' : '；'
  const body = d.empty || [...d.figures.map((f) => f.text), ...(d.more ? [d.more] : [])].join(sep)
  return `${d.name}${lang === 'en' ? ': ' : '：'}${body}`
}

/** The right column's paragraphs, heading by heading, with what each empty section says instead. */
function rightParagraphs(b: Brief): Array<{ text: string; heading: boolean }> {
  const section = (heading: string, items: readonly string[], more: string, none: string) => [
    { text: heading, heading: true },
    ...(items.length ? items : [none]).map((text) => ({ text, heading: false })),
    ...(more ? [{ text: more, heading: false }] : []),
  ]
  return [
    ...section(
      b.headings.comparisons,
      b.comparisons.map((c) => c.text),
      b.moreComparisons,
      b.none.comparisons,
    ),
    ...(b.targets ? section(b.targets.heading, b.targets.lines, b.targets.more, '') : []),
    ...section(b.headings.gaps, b.gaps, b.moreGaps, b.none.gaps),
    ...section(b.headings.caveats, b.caveats, b.moreCaveats, b.none.caveats),
  ]
}

/** Font sizes that make both columns fit, from what the brief holds. */
export function briefSlideFonts(b: Brief, lang: BriefSlideMeta['lang']): { left: number; right: number } {
  const left = [
    b.headings.districts,
    ...b.districts.map((d) => districtParagraph(d, lang)),
    ...(b.moreDistricts ? [b.moreDistricts] : []),
  ]
  const right = rightParagraphs(b).map((p) => (p.heading ? p.text : `• ${p.text}`))
  return {
    left: fitFontSize(left, BRIEF_SLIDE.left, 16),
    right: fitFontSize(right, BRIEF_SLIDE.right, 14),
  }
}

/** The brief with every text fit for slide XML (pptxgenjs writes control characters as they are). */
function xmlSafe(b: Brief): Brief {
  const t = toXmlText
  return {
    ...b,
    title: t(b.title),
    scope: t(b.scope),
    asOf: t(b.asOf),
    districts: b.districts.map((d) => ({
      ...d,
      name: t(d.name),
      empty: t(d.empty),
      more: t(d.more),
      figures: d.figures.map((f) => ({ ...f, text: t(f.text) })),
    })),
    comparisons: b.comparisons.map((c) => ({ ...c, text: t(c.text) })),
    gaps: b.gaps.map(t),
    caveats: b.caveats.map(t),
    targets: b.targets && {
      ...b.targets,
      heading: t(b.targets.heading),
      lines: b.targets.lines.map(t),
      more: t(b.targets.more),
    },
  }
}

/** One 16:9 slide: title, the district lines on the left, comparisons, gaps and caveats on the right, the data's date below. */
export async function buildBriefSlide(brief: Brief, meta: BriefSlideMeta): Promise<Blob> {
  const b = xmlSafe(brief)
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_WIDE'
  pptx.title = b.title
  pptx.author = toXmlText(meta.author)
  // pptxgenjs writes the company into docProps/app.xml without escaping it.
  pptx.company = escapeXml(meta.author)
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT }
  // A real title placeholder, so outline view and accessibility checkers see the slide's title.
  pptx.defineSlideMaster({
    title: 'BRIEF',
    background: { color: 'FFFFFF' },
    objects: [
      { rect: { x: 0, y: 0, w: SLIDE.width, h: 0.12, fill: { color: ACCENT }, line: { color: ACCENT } } },
      {
        placeholder: {
          options: {
            name: 'title',
            type: 'title',
            ...BRIEF_SLIDE.title,
            fontFace: FONT,
            fontSize: 26,
            bold: true,
            align: 'left',
            valign: 'middle',
          },
          text: '',
        },
      },
    ],
  })
  const slide = pptx.addSlide({ masterName: 'BRIEF' })
  const base = { fontFace: FONT, lang: meta.lang, color: INK, margin: 0, valign: 'top' as const }
  slide.addText(b.title, { ...base, placeholder: 'title', fontSize: 26, bold: true, align: 'left', valign: 'middle' })
  slide.addText(b.scope, { ...base, ...BRIEF_SLIDE.scope, fontSize: 12, color: MUTED })

  const fonts = briefSlideFonts(b, meta.lang)
  const sep = meta.lang === 'en' ? '; ' : '；'
  const left: PptxGenJS.TextProps[] = [
    { text: b.headings.districts, options: { bold: true, color: ACCENT, breakLine: true } },
    ...b.districts.flatMap((d): PptxGenJS.TextProps[] => [
      { text: `${d.name}${meta.lang === 'en' ? ': ' : '：'}`, options: { bold: true } },
      {
        text: d.empty || [...d.figures.map((f) => f.text), ...(d.more ? [d.more] : [])].join(sep),
        options: { breakLine: true, color: d.empty ? MUTED : INK },
      },
    ]),
    ...(b.moreDistricts ? [{ text: b.moreDistricts, options: { color: MUTED, breakLine: true } }] : []),
  ]
  slide.addText(left, {
    ...base,
    ...BRIEF_SLIDE.left,
    fontSize: fonts.left,
    paraSpaceAfter: fonts.left / 3,
  })
  const right: PptxGenJS.TextProps[] = rightParagraphs(b).map((p) => ({
    text: p.text,
    options: p.heading ? { bold: true, color: ACCENT, breakLine: true } : { bullet: { indent: 12 }, breakLine: true },
  }))
  slide.addText(right, {
    ...base,
    ...BRIEF_SLIDE.right,
    fontSize: fonts.right,
    paraSpaceAfter: fonts.right / 3,
  })
  slide.addText(b.asOf, { ...base, ...BRIEF_SLIDE.foot, fontSize: 10, color: MUTED, valign: 'middle' })
  const out = await pptx.write({ outputType: 'blob', compression: true })
  if (out instanceof Blob) return out
  throw new Error('pptxgenjs did not return a Blob')
}
