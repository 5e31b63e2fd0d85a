import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'

/** Dotted key paths of a nested message object. */
function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix]
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

const dir = 'src/locales'
const zhFiles = readdirSync(dir).filter((f) => f.startsWith('zh-CN') && f.endsWith('.json'))

describe('locale files', () => {
  it.each(zhFiles)('%s has the same keys as its English twin', (zhFile) => {
    const zh = JSON.parse(readFileSync(`${dir}/${zhFile}`, 'utf8'))
    const en = JSON.parse(readFileSync(`${dir}/${zhFile.replace('zh-CN', 'en')}`, 'utf8'))
    expect(keys(en).sort()).toEqual(keys(zh).sort())
  })

  it('never leaves a message empty', () => {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
      const all = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'))
      const empty = keys(all).filter(
        (k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], all) === '',
      )
      expect(empty, f).toEqual([])
    }
  })
})
