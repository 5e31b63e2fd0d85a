import type { Measure, Method, Metric, Qualifier, Status } from '../types/domain'

/**
 * Metrics in columnar form for postMessage: typed arrays (transferred, not copied) plus a few strings.
 * Structured-cloning 1M Metric objects blocks the receiving thread for seconds; this form takes milliseconds.
 */
export interface PackedMetrics {
  count: number
  /** Distinct short strings (district, indicator, period, qualifier, source, dataset, attributes), indexed below. */
  dict: string[]
  district: Uint32Array
  indicator: Uint32Array
  period: Uint32Array
  qualifier: Uint32Array
  source: Uint32Array
  dataset: Uint32Array
  /** measure|basis|status|method of a row, interned as one string: rows share a handful of combinations. */
  attributes: Uint32Array
  start: Uint16Array
  end: Uint16Array
  value: Float64Array
  line: Uint32Array
  /** The quote's paragraph in the report, 0 when not known. */
  place: Uint32Array
  /** Quotes, notes and English notes concatenated; a row's text lives in chunk `textChunk[i]`. */
  texts: string[]
  textChunk: Uint32Array
  /** Where row i's quote starts in its chunk; the note follows it and ends at noteEnd[i], then the English note to noteEnEnd[i]. */
  quoteStart: Uint32Array
  quoteEnd: Uint32Array
  noteEnd: Uint32Array
  noteEnEnd: Uint32Array
}

// Well below V8's maximum string length.
const CHUNK_CHARS = 1 << 25

/** Packs metrics into columns. */
export function packMetrics(rows: readonly Metric[]): PackedMetrics {
  const n = rows.length
  const ids = new Map<string, number>()
  const dict: string[] = []
  const intern = (text: string): number => {
    let id = ids.get(text)
    if (id === undefined) {
      id = dict.length
      ids.set(text, id)
      dict.push(text)
    }
    return id
  }
  const packed: PackedMetrics = {
    count: n,
    dict,
    district: new Uint32Array(n),
    indicator: new Uint32Array(n),
    period: new Uint32Array(n),
    qualifier: new Uint32Array(n),
    source: new Uint32Array(n),
    dataset: new Uint32Array(n),
    attributes: new Uint32Array(n),
    start: new Uint16Array(n),
    end: new Uint16Array(n),
    value: new Float64Array(n),
    line: new Uint32Array(n),
    place: new Uint32Array(n),
    texts: [],
    textChunk: new Uint32Array(n),
    quoteStart: new Uint32Array(n),
    quoteEnd: new Uint32Array(n),
    noteEnd: new Uint32Array(n),
    noteEnEnd: new Uint32Array(n),
  }
  let parts: string[] = []
  let length = 0
  for (let i = 0; i < n; i++) {
    const m = rows[i]
    if (!m) continue
    packed.district[i] = intern(m.district)
    packed.indicator[i] = intern(m.indicator)
    packed.period[i] = intern(m.period)
    packed.qualifier[i] = intern(m.qualifier)
    packed.source[i] = intern(m.source)
    packed.dataset[i] = intern(m.dataset)
    packed.attributes[i] = intern(`${m.measure}|${m.basis}|${m.status}|${m.method}`)
    packed.start[i] = m.start
    packed.end[i] = m.end
    packed.value[i] = m.value
    packed.line[i] = m.line
    packed.place[i] = m.place ?? 0
    if (length > CHUNK_CHARS) {
      packed.texts.push(parts.join(''))
      parts = []
      length = 0
    }
    packed.textChunk[i] = packed.texts.length
    packed.quoteStart[i] = length
    parts.push(m.quote, m.note, m.noteEn)
    length += m.quote.length
    packed.quoteEnd[i] = length
    length += m.note.length
    packed.noteEnd[i] = length
    length += m.noteEn.length
    packed.noteEnEnd[i] = length
  }
  packed.texts.push(parts.join(''))
  return packed
}

/** The buffers to list as transferables when posting packed metrics. */
export function packedTransferables(packed: PackedMetrics): ArrayBuffer[] {
  const arrays = [
    packed.district,
    packed.indicator,
    packed.period,
    packed.qualifier,
    packed.source,
    packed.dataset,
    packed.attributes,
    packed.start,
    packed.end,
    packed.value,
    packed.line,
    packed.place,
    packed.textChunk,
    packed.quoteStart,
    packed.quoteEnd,
    packed.noteEnd,
    packed.noteEnEnd,
  ]
  return arrays.map((a) => a.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer)
}

/** Rebuilds metrics [from, to) into `out` (so a caller can spread the work over several tasks). */
export function unpackMetricsRange(packed: PackedMetrics, from: number, to: number, out: Metric[]): void {
  const { dict, texts } = packed
  const word = (index: number | undefined): string => dict[index ?? 0] ?? ''
  const attributes = new Map<number, [Measure, string, Status, Method]>()
  const attributesOf = (index: number): [Measure, string, Status, Method] => {
    let found = attributes.get(index)
    if (!found) {
      const [measure, basis, status, method] = word(index).split('|')
      found = [measure as Measure, basis ?? '', status as Status, method as Method]
      attributes.set(index, found)
    }
    return found
  }
  for (let i = from; i < to; i++) {
    const text = texts[packed.textChunk[i] ?? 0] ?? ''
    const quoteStart = packed.quoteStart[i] ?? 0
    const quoteEnd = packed.quoteEnd[i] ?? 0
    const noteEnd = packed.noteEnd[i] ?? 0
    const [measure, basis, status, method] = attributesOf(packed.attributes[i] ?? 0)
    out[i] = {
      district: word(packed.district[i]),
      indicator: word(packed.indicator[i]),
      period: word(packed.period[i]),
      start: packed.start[i] ?? 0,
      end: packed.end[i] ?? 0,
      value: packed.value[i] ?? 0,
      qualifier: word(packed.qualifier[i]) as Qualifier,
      source: word(packed.source[i]),
      quote: text.slice(quoteStart, quoteEnd),
      note: text.slice(quoteEnd, noteEnd),
      measure,
      basis,
      status,
      method,
      noteEn: text.slice(noteEnd, packed.noteEnEnd[i] ?? 0),
      place: packed.place[i] || null,
      line: packed.line[i] ?? 0,
      dataset: word(packed.dataset[i]),
    }
  }
}

/** Rebuilds all metrics at once. */
export function unpackMetrics(packed: PackedMetrics): Metric[] {
  const out = new Array<Metric>(packed.count)
  unpackMetricsRange(packed, 0, packed.count, out)
  return out
}
