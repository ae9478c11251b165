/**
 * The one way a draft resource (listing, technical configuration, properties) is changed: read
 * it, work out what the manifest changes, record that, and write it under the write rule
 * (write-once.ts: after an ambiguous failure or a 412/409, read it back; our change there is a
 * success, someone else's a CONCURRENT_CHANGE). Only fields the manifest states are ever changed.
 */
import type { Resource } from '../ingestion/types.js'
import type { OfferRun } from './context.js'
import { replaceOnce } from './write-once.js'

export interface DraftDiff<T> {
  /** Names of the fields that differ; empty = nothing to write. */
  changed: string[]
  /** The whole object to PUT (a PUT replaces the whole resource). */
  next: T
}

export interface DraftUpdate<T extends Resource> {
  /** What is changed, for the log, the summary and the write's error: `offer listing`. */
  subject: string
  /** The resource as the caller has already read it; otherwise `read` is called first. */
  known?: T
  read: () => Promise<T>
  /** May throw a PublishError when the current value forbids the change (a lower version). */
  diff: (current: T) => DraftDiff<T>
  write: (next: T) => Promise<T>
}

/** Resolves with the resource as it stands afterwards and whether the manifest changed it. */
export async function updateDraft<T extends Resource>(
  run: OfferRun,
  update: DraftUpdate<T>
): Promise<{ result: T; changed: boolean }> {
  const first = update.known ?? (await update.read())
  const { changed } = update.diff(first)
  if (changed.length === 0) return { result: first, changed: false }
  run.record({ action: 'update', subject: update.subject, fields: changed })
  run.beforeWrite(`updating the ${update.subject}`)
  const result = await replaceOnce(run, {
    what: `update the ${update.subject}`,
    current: first,
    read: update.read,
    apply: current => {
      const again = update.diff(current)
      return again.changed.length ? again.next : undefined
    },
    write: update.write
  })
  return { result, changed: true }
}
