import type { ChartOption } from '../../../../src/charts/options/types'

/** A loosely typed view of an option, for asserting on the plain data builders return. */
export type Json = { [key: string]: unknown }

/** The option's series as plain records. */
export function seriesOf(option: ChartOption): Json[] {
  const s: unknown = option.series
  return (Array.isArray(s) ? s : s ? [s] : []) as Json[]
}

/** The first component of a kind (components may be given as an object or an array). */
export function componentOf(option: ChartOption, key: string): Json {
  const value: unknown = (option as Json)[key]
  const first: unknown = Array.isArray(value) ? value[0] : value
  if (typeof first !== 'object' || first === null) throw new Error(`option has no ${key}`)
  return first as Json
}

/** The tooltip formatter as a plain function of the hovered params. */
export function tooltipFormatter(option: ChartOption): (params: unknown) => string {
  const f = componentOf(option, 'tooltip')['formatter']
  if (typeof f !== 'function') throw new Error('tooltip formatter is not a function')
  return (params) => String(f(params))
}

/** Every value under a given key anywhere in the option (e.g. every fontSize). */
export function collect(value: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) value.forEach((v) => collect(v, key, out))
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === key) out.push(v)
      collect(v, key, out)
    }
  }
  return out
}

/** Every string anywhere in the option (function bodies excluded). */
export function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out))
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach((v) => strings(v, out))
  return out
}

/** The data array of a series as plain records or raw values. */
export function dataOf(series: Json | undefined): unknown[] {
  const d = series?.['data']
  return Array.isArray(d) ? d : []
}

/** Narrows a data item to a record (throws for raw values). */
export function item(value: unknown): Json {
  if (typeof value !== 'object' || value === null) throw new Error(`not an object: ${String(value)}`)
  return value as Json
}
