import { zipSync, type Zippable } from 'fflate'
import { uniqueFileNames } from './file-name'

/** A file to put in an archive. */
export interface ArchiveFile {
  name: string
  data: Uint8Array
}

/** Zips files (stored, not deflated: PNGs are compressed already); repeated names get a number. */
export function zipFiles(files: readonly ArchiveFile[]): Uint8Array<ArrayBuffer> {
  const names = uniqueFileNames(files.map((f) => f.name))
  const entries: Zippable = {}
  files.forEach((f, i) => {
    entries[names[i] ?? f.name] = [f.data, { level: 0 }]
  })
  return zipSync(entries)
}
