/** Longest dataset name kept; longer names are cut so the panel stays readable. */
export const MAX_DATASET_NAME = 60

/** Cleans a dataset name (spaces collapsed, control characters dropped, length capped); '' when nothing is left. */
export function normaliseDatasetName(text: string): string {
  // File names may carry control characters; they never belong in a label.
  const clean = text
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return [...clean].slice(0, MAX_DATASET_NAME).join('').trim()
}

/** `name`, or `name (2)`, `name (3)` … whichever is not taken yet. */
export function uniqueDatasetName(name: string, taken: readonly string[]): string {
  const used = new Set(taken)
  if (!used.has(name)) return name
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`
    if (!used.has(candidate)) return candidate
  }
}

/** A dataset name from a file name: no folder, no .csv extension, unique among `taken`; `fallback` when empty. */
export function datasetNameFromFile(fileName: string, taken: readonly string[], fallback: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  const stem = normaliseDatasetName(base.replace(/\.(csv|txt)$/i, ''))
  return uniqueDatasetName(stem === '' ? normaliseDatasetName(fallback) : stem, taken)
}

/**
 * A fresh dataset id, `import-<time in base 36>[-<nonce>]` with a number when taken; never 'builtin'. The nonce keeps
 * apart imports that two tabs start in the same millisecond (neither tab knows the other's ids yet).
 */
export function newDatasetId(now: number, taken: readonly string[], nonce = ''): string {
  const used = new Set(taken)
  const clean = nonce.replace(/[^a-z0-9]/gi, '').toLowerCase()
  const base = `import-${Math.max(0, Math.floor(now)).toString(36)}${clean ? `-${clean}` : ''}`
  if (!used.has(base)) return base
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`
    if (!used.has(candidate)) return candidate
  }
}
