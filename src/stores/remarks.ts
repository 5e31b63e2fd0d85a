import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  createRemark,
  editRemark,
  mergeRemarks,
  remarkCounts,
  remarksOf,
  type Remark,
  type RemarkDraft,
  type RemarkIssue,
} from '../domain/remarks'
import { parseRemarksCsvBytes, serializeRemarksCsv } from '../dataset/remarks-csv'
import type { ValidationIssue } from '../types/validation'
import { createRemarkStorage, watchRemarksChanged } from '../storage/remark-storage'

/** How the last remarks file ended: merged, or rejected with every problem (a rejected file changed nothing). */
export type RemarksImportOutcome =
  | { kind: 'accepted'; fileName: string; added: number; updated: number; unchanged: number }
  | { kind: 'rejected'; fileName: string; issues: RemarkIssue[]; csvIssues: ValidationIssue[] }

/** What a change of remarks came to: saved, kept for this session only (storage failed), or refused. */
export type RemarkChange = { ok: true; saved: boolean } | { ok: false; issues: RemarkIssue[] }

const newId = (): string => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`

/** Remarks and follow-ups (批注/督办) on figures, kept in IndexedDB and shared by every tab. */
export const useRemarksStore = defineStore('remarks', () => {
  const storage = createRemarkStorage()
  const list = shallowRef<Remark[]>([])
  const loaded = ref(false)
  /** Why storage failed ('' when it works): the page keeps its changes for the session and says so. */
  const storageProblem = ref('')
  const importOutcome = shallowRef<RemarksImportOutcome | null>(null)

  const counts = computed(() => remarkCounts(list.value))

  function noteFailure(error: unknown): void {
    storageProblem.value = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  }

  async function load(): Promise<void> {
    try {
      const saved = await storage.readAll()
      // Merged, not replaced: a change made before the read answered is kept.
      list.value = mergeRemarks(saved, list.value).list
      storageProblem.value = ''
    } catch (error) {
      noteFailure(error)
    } finally {
      loaded.value = true
    }
  }

  /** Shows the change at once, then saves it; the saved list (with other tabs' changes) replaces the page's. */
  async function apply(remarks: readonly Remark[]): Promise<boolean> {
    list.value = mergeRemarks(list.value, remarks).list
    try {
      const saved = await storage.save(remarks)
      list.value = mergeRemarks(saved, list.value).list
      storageProblem.value = ''
      return true
    } catch (error) {
      noteFailure(error)
      return false
    }
  }

  function of(figure: string): Remark[] {
    return remarksOf(list.value, figure)
  }

  async function add(figure: string, draft: RemarkDraft): Promise<RemarkChange> {
    const made = createRemark(figure, draft, { id: newId(), now: new Date().toISOString() })
    if (!made.ok) return made
    return { ok: true, saved: await apply([made.remark]) }
  }

  async function edit(id: string, draft: RemarkDraft): Promise<RemarkChange> {
    const old = list.value.find((r) => r.id === id)
    if (!old) return { ok: false, issues: [] }
    const made = editRemark(old, draft, new Date().toISOString())
    if (!made.ok) return made
    return { ok: true, saved: await apply([made.remark]) }
  }

  /** All remarks as Excel-friendly CSV text. */
  function exportCsv(): string {
    return serializeRemarksCsv(list.value)
  }

  /** Merges a remarks file; a file with any problem is rejected whole and changes nothing. */
  async function importFile(file: File): Promise<void> {
    importOutcome.value = null
    const now = new Date().toISOString()
    const result = parseRemarksCsvBytes(new Uint8Array(await file.arrayBuffer()), { newId: () => newId(), now })
    if (!result.ok) {
      importOutcome.value = { kind: 'rejected', fileName: file.name, ...result }
      return
    }
    const merged = mergeRemarks(list.value, result.remarks)
    await apply(result.remarks)
    importOutcome.value = {
      kind: 'accepted',
      fileName: file.name,
      added: merged.added,
      updated: merged.updated,
      unchanged: merged.unchanged,
    }
  }

  if (typeof window !== 'undefined') {
    void load()
    watchRemarksChanged(() => void load())
  }

  return { list, loaded, storageProblem, importOutcome, counts, of, load, add, edit, exportCsv, importFile }
})
