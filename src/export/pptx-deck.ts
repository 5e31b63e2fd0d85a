import PptxGenJS from 'pptxgenjs'
import { SLIDE, slideImageBox, type ChartSlide, type Slide, type SourcesSlide, type TitleSlide } from './slide-plan'
import { escapeXml, toXmlText } from './xml-text'
import type { Locale } from '../types/locale'

/** Deck properties. */
export interface DeckMeta {
  /** docProps/core.xml's dc:title: what the deck is about ('区县 · 西湖区'). */
  title: string
  /** dc:creator and the company in app.xml: the app that made the deck. */
  author: string
  /** dc:subject; the title when not given. */
  subject?: string
  lang: Locale
}

// Office ships Microsoft YaHei on Windows and maps it on macOS; every text box stays editable text.
const FONT = 'Microsoft YaHei'
const INK = '1B2430'
const MUTED = '5B6675'
const WARN = '7A4B00'
const ACCENT = 'B4232A'
const W = SLIDE.width - 2 * SLIDE.margin

function text(lang: DeckMeta['lang']): { fontFace: string; lang: string; color: string; margin: number } {
  return { fontFace: FONT, lang, color: INK, margin: 0 }
}

/** Names of the slide masters; each has a real title placeholder, so outline view and accessibility checkers see titles. */
export const MASTERS = { title: 'UNION_TITLE', chart: 'UNION_CHART', sources: 'UNION_SOURCES' } as const
/** Name of the title placeholder on every master. */
const TITLE_PH = 'slideTitle'

function titlePlaceholder(
  meta: DeckMeta,
  box: { x: number; y: number; w: number; h: number },
  fontSize: number,
  valign: 'top' | 'middle',
): { placeholder: { options: PptxGenJS.PlaceholderProps; text: string } } {
  return {
    placeholder: {
      options: {
        name: TITLE_PH,
        type: 'title',
        align: 'left',
        ...box,
        fontFace: FONT,
        fontSize,
        bold: true,
        color: INK,
        valign,
        margin: 0,
      },
      text: meta.lang === 'en' ? 'Title' : '标题',
    },
  }
}

function defineMasters(pptx: PptxGenJS, meta: DeckMeta): void {
  const white = { color: 'FFFFFF' }
  pptx.defineSlideMaster({
    title: MASTERS.title,
    background: white,
    objects: [
      { rect: { x: 0, y: 0, w: SLIDE.width, h: 0.18, fill: { color: ACCENT }, line: { color: ACCENT } } },
      titlePlaceholder(meta, { x: SLIDE.margin, y: 2.0, w: W, h: 1.3 }, 40, 'top'),
    ],
  })
  pptx.defineSlideMaster({
    title: MASTERS.chart,
    background: white,
    objects: [
      titlePlaceholder(meta, { x: SLIDE.margin, y: SLIDE.headline.y, w: W, h: SLIDE.headline.h }, 24, 'middle'),
    ],
    slideNumber: {
      x: SLIDE.width - SLIDE.margin - 0.5,
      y: 7.0,
      w: 0.5,
      h: 0.3,
      fontSize: 10,
      color: MUTED,
      align: 'right',
    },
  })
  pptx.defineSlideMaster({
    title: MASTERS.sources,
    background: white,
    objects: [titlePlaceholder(meta, { x: SLIDE.margin, y: 0.4, w: W, h: 0.9 }, 28, 'middle')],
  })
}

function addTitleSlide(pptx: PptxGenJS, s: TitleSlide, meta: DeckMeta): void {
  const slide = pptx.addSlide({ masterName: MASTERS.title })
  slide.addText(s.subtitle, { ...text(meta.lang), x: SLIDE.margin, y: 1.4, w: W, h: 0.5, fontSize: 18, color: MUTED })
  slide.addText(s.title, { placeholder: TITLE_PH, lang: meta.lang, fit: 'shrink' })
  slide.addText(
    s.lines.map((line) => ({ text: line, options: { breakLine: true } })),
    { ...text(meta.lang), x: SLIDE.margin, y: 3.6, w: W, h: 1.6, fontSize: 20, valign: 'top', paraSpaceAfter: 6 },
  )
  slide.addText(s.date, { ...text(meta.lang), x: SLIDE.margin, y: 6.3, w: W, h: 0.45, fontSize: 14, color: MUTED })
}

function addChartSlide(
  pptx: PptxGenJS,
  s: ChartSlide,
  image: string | undefined,
  meta: DeckMeta,
  speakerNotes: string | undefined,
): void {
  const slide = pptx.addSlide({ masterName: MASTERS.chart })
  // Remarks on the chart's figures go to the presenter only, as plain text (pptxgenjs escapes markup).
  if (speakerNotes) slide.addNotes(toXmlText(speakerNotes))
  slide.addText(s.headline, { placeholder: TITLE_PH, lang: meta.lang, fit: 'shrink' })
  // The chart's own title under the headline, unless the headline already is that title.
  if (s.title.trim() && s.title.trim() !== s.headline.trim())
    slide.addText(s.title, {
      ...text(meta.lang),
      x: SLIDE.margin,
      y: SLIDE.title.y,
      w: W,
      h: SLIDE.title.h,
      fontSize: 14,
      color: MUTED,
      valign: 'middle',
    })
  if (image)
    slide.addImage({
      data: image,
      ...slideImageBox(),
      altText:
        s.title.trim() === s.headline.trim() ? s.title : `${s.title}${meta.lang === 'en' ? '. ' : '。'}${s.headline}`,
    })
  const notes = [
    ...(s.badge ? [{ text: s.badge, options: { color: WARN, breakLine: true } }] : []),
    ...(s.footnote ? [{ text: s.footnote, options: { color: MUTED } }] : []),
  ]
  if (notes.length)
    slide.addText(notes, {
      ...text(meta.lang),
      x: SLIDE.margin,
      y: SLIDE.notes.y,
      w: W - 0.7,
      h: SLIDE.notes.h,
      fontSize: 10.5,
      fit: 'shrink',
      valign: 'top',
      paraSpaceAfter: 2,
    })
}

function addSourcesSlide(pptx: PptxGenJS, s: SourcesSlide, meta: DeckMeta): void {
  const slide = pptx.addSlide({ masterName: MASTERS.sources })
  slide.addText(s.heading, { placeholder: TITLE_PH, lang: meta.lang })
  slide.addText(
    s.items.map((item) => ({ text: item, options: { bullet: true, breakLine: true } })),
    {
      ...text(meta.lang),
      x: SLIDE.margin,
      y: 1.5,
      w: W,
      h: 5.5,
      fontSize: 16,
      valign: 'top',
      fit: 'shrink',
      paraSpaceAfter: 8,
    },
  )
}

/** The slide with every text fit for slide XML: pptxgenjs escapes markup but writes control characters as they are. */
export function xmlSafeSlide(s: Slide): Slide {
  if (s.kind === 'title')
    return {
      ...s,
      title: toXmlText(s.title),
      subtitle: toXmlText(s.subtitle),
      lines: s.lines.map(toXmlText),
      date: toXmlText(s.date),
    }
  if (s.kind === 'chart')
    return {
      ...s,
      headline: toXmlText(s.headline),
      title: toXmlText(s.title),
      badge: toXmlText(s.badge),
      footnote: toXmlText(s.footnote),
    }
  return { ...s, heading: toXmlText(s.heading), items: s.items.map(toXmlText) }
}

/** Builds the deck from a slide plan, the chart images (PNG data URLs by chart key) and speaker notes by chart key. */
export async function buildPptx(
  slides: readonly Slide[],
  images: ReadonlyMap<string, string>,
  meta: DeckMeta,
  notes: ReadonlyMap<string, string> = new Map(),
): Promise<Blob> {
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_WIDE'
  pptx.title = toXmlText(meta.title)
  pptx.author = toXmlText(meta.author)
  // pptxgenjs writes the company into docProps/app.xml without escaping it.
  pptx.company = escapeXml(meta.author)
  pptx.subject = toXmlText(meta.subject ?? meta.title)
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT }
  defineMasters(pptx, meta)
  for (const s of slides.map(xmlSafeSlide)) {
    if (s.kind === 'title') addTitleSlide(pptx, s, meta)
    else if (s.kind === 'chart') addChartSlide(pptx, s, images.get(s.chartKey), meta, notes.get(s.chartKey))
    else addSourcesSlide(pptx, s, meta)
  }
  const out = await pptx.write({ outputType: 'blob', compression: true })
  if (out instanceof Blob) return out
  throw new Error('pptxgenjs did not return a Blob')
}
