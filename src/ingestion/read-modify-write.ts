/**
 * PUT replaces the whole object and is guarded by its etag (ingestion-v1.md §2.7), so every
 * update reads, changes and writes back. When someone else wrote in between, the service answers
 * 412 (or 409; which one is undocumented): read again, re-apply the change, and write once more.
 */
import { isPublishError } from '../errors.js'
import type { Resource } from './types.js'

function isStale(error: unknown): boolean {
  return (
    isPublishError(error) &&
    error.code === 'HTTP_STATUS' &&
    (error.details.status === 412 || error.details.status === 409)
  )
}

/**
 * `apply` returns the object to write, or undefined when the current one already says what we
 * want (nothing is written). A second conflict is passed on to the caller. `known` is the object
 * as the caller has just read it (to diff it first): it stands in for the first read, so the
 * service is read again only after a conflict.
 */
export async function readModifyWrite<T extends Resource>(
  read: () => Promise<T>,
  apply: (current: T) => T | undefined,
  write: (next: T) => Promise<T>,
  known?: T
): Promise<{ result: T; changed: boolean }> {
  const current = known ?? (await read())
  const next = apply(current)
  if (next === undefined) return { result: current, changed: false }
  try {
    return { result: await write(next), changed: true }
  } catch (error) {
    if (!isStale(error)) throw error
  }
  const fresh = await read()
  const again = apply(fresh)
  // The concurrent writer already made the change we wanted.
  if (again === undefined) return { result: fresh, changed: false }
  return { result: await write(again), changed: true }
}
