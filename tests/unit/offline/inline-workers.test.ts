import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import type { Plugin } from 'vite'
import offlineConfig, { inlineWorkers } from '../../../vite.offline.config'

type Transform = (code: string, id: string) => { code: string } | null

function transformOf(plugin: Plugin): Transform {
  const hook = plugin.transform
  const fn = typeof hook === 'function' ? hook : hook?.handler
  if (!fn) throw new Error('no transform hook')
  return (code, id) => fn.call({} as never, code, id) as { code: string } | null
}

describe('inlineWorkers (offline build)', () => {
  const transform = transformOf(inlineWorkers())

  it('turns the CSV worker of worker-client.ts into an inline worker', () => {
    const id = `${process.cwd()}/src/dataset/worker-client.ts`
    const out = transform(readFileSync('src/dataset/worker-client.ts', 'utf8'), id)
    expect(out?.code).toContain(`import __OfflineInlineWorker0 from "./parse.worker.ts?worker&inline"`)
    expect(out?.code).toContain('new __OfflineInlineWorker0()')
    expect(out?.code).not.toContain('import.meta.url')
  })

  it('leaves modules without a worker alone', () => {
    expect(transform('export const a = 1', '/x/src/a.ts')).toBeNull()
  })

  it('builds classic workers, which Chromium starts from blob: URLs of a file:// page', () => {
    expect(offlineConfig.worker?.format).toBe('iife')
  })
})
