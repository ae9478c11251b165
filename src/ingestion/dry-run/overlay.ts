/**
 * What a dry run would have made, laid over what the service holds: resources it would create
 * (with placeholder ids), the versions it would write, and what it would delete. A read shows the
 * service's answer through it, as the service would answer once those writes were made.
 */
import type { Resource } from '../types.js'

/** A resource family: ids are unique within one (a listing and its draft never share a key). */
export type Family =
  | 'product'
  | 'variant'
  | 'listing'
  | 'image'
  | 'package'
  | 'packageConfiguration'
  | 'property'
  | 'availability'
  | 'reseller'
  | 'submission'

export class Overlay {
  private count = 0
  private readonly placeholders = new Set<string>()
  /** Created or written by the run, by `family id`: what a read shows now. */
  private readonly written = new Map<string, Resource>()
  /** As last read from the service, by `family id`: what a write changes. */
  private readonly read = new Map<string, Resource>()
  /** Ids the run created in each collection (`package <productId>`), in creation order. */
  private readonly created = new Map<string, string[]>()
  private readonly removed = new Set<string>()

  /** A placeholder id for something the run would create: `new-plan-2`. */
  newId(kind: string): string {
    const id = `new-${kind}-${++this.count}`
    this.placeholders.add(id)
    return id
  }

  isNew(id: string | undefined): boolean {
    return id !== undefined && this.placeholders.has(id)
  }

  /** Whether anything was created in the collection (a new draft's resources exist once). */
  hasCreated(collection: string): boolean {
    return this.created.has(collection)
  }

  /**
   * A collection as it would read after the run's writes: the service's items (`fresh`) less
   * those deleted, each as last written, then those created.
   */
  view<T extends Resource>(family: Family, collection: string, fresh: readonly T[]): T[] {
    const shown = fresh
      .filter(r => !this.removed.has(key(family, r.id)))
      .map(r => {
        this.read.set(key(family, r.id), r)
        return (this.written.get(key(family, r.id)) ?? r) as T
      })
    const added = (this.created.get(collection) ?? [])
      .filter(id => !this.removed.has(key(family, id)))
      .map(id => this.written.get(key(family, id)) as T)
    return [...shown, ...added]
  }

  /** The resource as the run left it, when it created or wrote it. */
  item<T extends Resource>(family: Family, id: string): T | undefined {
    return this.written.get(key(family, id)) as T | undefined
  }

  /** Notes a resource read from the service outside a collection (what a later write changes). */
  seen<T extends Resource>(family: Family, id: string, resource: T): T {
    this.read.set(key(family, id), resource)
    return (this.written.get(key(family, id)) as T | undefined) ?? resource
  }

  add(family: Family, collection: string, resource: Resource & { id: string }): void {
    this.written.set(key(family, resource.id), resource)
    this.created.set(collection, [...(this.created.get(collection) ?? []), resource.id])
  }

  /** Stores what a write leaves; resolves with what the resource held before it, when known. */
  put(family: Family, id: string, resource: Resource): Resource | undefined {
    const before = this.written.get(key(family, id)) ?? this.read.get(key(family, id))
    this.written.set(key(family, id), resource)
    return before
  }

  remove(family: Family, id: string): void {
    this.removed.add(key(family, id))
  }
}

function key(family: Family, id: string | undefined): string {
  return `${family} ${id ?? ''}`
}
