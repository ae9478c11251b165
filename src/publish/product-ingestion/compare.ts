/**
 * When a resource the manifest describes differs from what Partner Center holds. Compared as
 * JSON with sorted keys, after what a read changes without anyone writing is taken out:
 * - `$schema`: only its `<type>/<version>` tail (replies name either schema host, §3.3);
 * - `validations` and the read-only `deprecationSchedule.date` (§5.1);
 * - a listing image's `url`: it comes back on Microsoft's storage with a new SAS on every read
 *   (cloudpub 9620a17), so an image is recognised by its file name instead.
 */
import { schemaTail, typeOf } from '../../product-ingestion/schema.js'
import type { Resource } from '../../product-ingestion/types.js'

/** The top-level fields whose values differ; empty when the two are the same. */
export function changedFields(before: Resource, after: Resource): string[] {
  const a = comparable(before)
  const b = comparable(after)
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
  return keys.filter(key => canonical(a[key]) !== canonical(b[key]))
}

export function sameContent(a: Resource, b: Resource): boolean {
  return changedFields(a, b).length === 0
}

/**
 * What may be posted of a resource read back: the read-only fields dropped (the service refuses
 * them, §4.1, §9.4). `id` stays: it says which resource to update.
 */
export function writable(resource: Resource): Resource {
  const copy = withoutReadOnly(resource) as Resource
  delete copy.validations
  return copy
}

function comparable(resource: Resource): Record<string, unknown> {
  const copy = writable(resource) as Record<string, unknown>
  const tail = schemaTail(resource.$schema)
  copy.$schema = tail ? `${tail.type}/${tail.version}` : resource.$schema
  if (typeOf(resource) === 'listing-asset') delete copy.url
  return copy
}

function withoutReadOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutReadOnly)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) out[key] = withoutReadOnly(item)
  if ('deprecationSchedule' in out && isRecord(out.deprecationSchedule)) {
    const { date: _readOnly, ...schedule } = out.deprecationSchedule
    out.deprecationSchedule = schedule
  }
  return out
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    isRecord(item)
      ? Object.fromEntries(Object.entries(item).sort(([x], [y]) => x.localeCompare(y)))
      : item
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
