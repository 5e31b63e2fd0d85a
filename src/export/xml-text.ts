// XML 1.0 holds tab, LF, CR and U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF; with the u flag a lone surrogate is a
// code point of its own, outside those ranges, so it is matched too.
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu
// Word's Shift+Enter (U+000B) and page break (U+000C) separate words: they become a space rather than vanish.
// eslint-disable-next-line no-control-regex
const BREAK_LIKE = /[\u000b\u000c]/g

/** Text an XML part may hold: line-break-like controls become a space, every other character XML forbids is dropped. */
export function toXmlText(text: string): string {
  return text.replace(BREAK_LIKE, ' ').replace(NOT_XML, '')
}

/** Escapes text for an XML text node or attribute, dropping characters XML cannot hold. */
export function escapeXml(text: string): string {
  return toXmlText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
