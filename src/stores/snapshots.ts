import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { storageProblemOf, type StorageProblem } from '../domain/import-storage'
import { toFilterQuery } from '../domain/filter-query'
import {
  diffSnapshot,
  parseSnapshotFile,
  serialiseSnapshot,
  snapshotFigures,
  withSnapshot,
  type Snapshot,
  type SnapshotDiff,
  type SnapshotProblem,
} from '../domain/snapshot'
import { createSnapshotStorage, watchSnapshotsChanged } from '../storage/snapshot-storage'
import { useDatasetsStore } from './datasets'
import { useFiltersStore } from './filters'

/** What the last action on snapshots came to, for the panel to say. */
export type SnapshotOutcome =
  { kind: 'marked'; name: string } | { kind: 'imported'; name: string } | { kind: 'rejected'; problem: SnapshotProblem }

/** Meeting snapshots (本次会议): marking one, keeping them in the browser, and what changed since the chosen one. */
export const useSnapshotsStore = defineStore('snapshots', () => {
  const storage = createSnapshotStorage()
  const datasets = useDatasetsStore()
  const filtersStore = useFiltersStore()

  const list = shallowRef<Snapshot[]>([])
  const state = ref<'reading' | 'ready' | 'failed'>('reading')
  /** Why snapshots are not being kept (or read back) across reloads; null while storage works. */
  const storageProblem = ref<StorageProblem | null>(null)
  const panelOpen = ref(false)
  const outcome = shallowRef<SnapshotOutcome | null>(null)
  /** Snapshots of this page whose save is under way or failed: a re-read keeps them. */
  const unsaved = new Set<string>()
  /** The snapshot compared against; null means the latest. */
  const chosenId = ref<string | null>(null)

  const chosen = computed(() => list.value.find((s) => s.id === chosenId.value) ?? list.value[0] ?? null)
  /** Every figure in force now (achieved and nominated figures, and targets), as a snapshot keeps them. */
  const currentFigures = computed(() =>
    snapshotFigures([...datasets.index.byIndicator.values(), ...datasets.targets.values()]),
  )
  /** What changed since the chosen snapshot; built only when read (the panel). */
  const diff = computed((): SnapshotDiff | null =>
    chosen.value ? diffSnapshot(chosen.value, currentFigures.value) : null,
  )
  /** Marking waits for the data and the saved imports, so a snapshot never misses figures about to arrive. */
  const canMark = computed(() => datasets.status === 'ready' && datasets.savedState !== 'reading')

  async function write(run: () => Promise<void>): Promise<void> {
    try {
      await run()
      storageProblem.value = null
    } catch (error) {
      storageProblem.value = storageProblemOf(error)
    }
  }

  /** Reads the saved snapshots (at start and when another tab changed them); this page's unsaved ones stay. */
  async function load(): Promise<void> {
    try {
      const saved = await storage.readAll()
      const savedIds = new Set(saved.map((s) => s.id))
      const own = list.value.filter((s) => unsaved.has(s.id) && !savedIds.has(s.id))
      list.value = own.reduce(withSnapshot, saved)
      state.value = 'ready'
      storageProblem.value = null
    } catch (error) {
      state.value = 'failed'
      storageProblem.value = storageProblemOf(error)
    }
  }
  async function keep(snapshot: Snapshot): Promise<void> {
    list.value = withSnapshot(list.value, snapshot)
    unsaved.add(snapshot.id)
    await write(async () => {
      await storage.add(snapshot)
      unsaved.delete(snapshot.id)
    })
  }

  /** Marks this meeting: a snapshot of every figure in force and of the filters shown, compared against from now on. */
  async function mark(name: string, now = new Date()): Promise<Snapshot | null> {
    const clean = name.trim()
    if (!canMark.value || clean === '') return null
    const snapshot: Snapshot = {
      id: `m-${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 6)}`,
      name: clean,
      takenAt: now.toISOString(),
      filters: toFilterQuery(filtersStore.filters, filtersStore.districtIds),
      figures: currentFigures.value,
    }
    chosenId.value = null
    outcome.value = { kind: 'marked', name: clean }
    await keep(snapshot)
    return snapshot
  }

  /** Reads a snapshot file from another machine; a bad file changes nothing and says what is wrong. */
  async function importText(text: string, fileName: string): Promise<void> {
    const parsed = parseSnapshotFile(text, fileName)
    if (!parsed.ok) {
      outcome.value = { kind: 'rejected', problem: parsed.problem }
      return
    }
    chosenId.value = parsed.snapshot.id
    outcome.value = { kind: 'imported', name: parsed.snapshot.name }
    await keep(parsed.snapshot)
  }

  /** The file text of a snapshot, or null when it is not there. */
  function fileText(id: string): string | null {
    const s = list.value.find((x) => x.id === id)
    return s ? serialiseSnapshot(s) : null
  }

  async function remove(id: string): Promise<void> {
    list.value = list.value.filter((s) => s.id !== id)
    unsaved.delete(id)
    if (chosenId.value === id) chosenId.value = null
    await write(() => storage.remove(id))
  }

  function choose(id: string | null): void {
    chosenId.value = id
  }

  function dismissOutcome(): void {
    outcome.value = null
  }

  let started: Promise<void> | null = null
  /** Reads the saved snapshots once, when first needed (the panel opens): the page's start never waits on it. */
  function ensureLoaded(): Promise<void> {
    started ??= load()
    return started
  }

  // Another tab marked, imported or removed a snapshot: read the list again (once this page has read it).
  watchSnapshotsChanged(() => {
    if (started) void load()
  })

  return {
    list,
    state,
    storageProblem,
    panelOpen,
    outcome,
    chosenId,
    chosen,
    diff,
    canMark,
    load,
    ensureLoaded,
    mark,
    importText,
    fileText,
    remove,
    choose,
    dismissOutcome,
  }
})
