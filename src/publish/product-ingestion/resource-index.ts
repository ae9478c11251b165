/**
 * The resources of one product in one target (a resource tree), looked up the way the manifest
 * names them: the offer's listing in en-us, a plan by its plan ID, a plan's technical
 * configuration. The tree's order is random (product-ingestion.md §4.5); lookups never rely on it.
 */
import { typeOf } from '../../product-ingestion/schema.js'
import type { Resource } from '../../product-ingestion/types.js'

/** The only listing language the manifest writes, as for the Ingestion API offers. */
export const LANGUAGE = 'en-us'

export class ResourceIndex {
  constructor(readonly resources: readonly Resource[]) {}

  static empty(): ResourceIndex {
    return new ResourceIndex([])
  }

  ofType(type: string): Resource[] {
    return this.resources
      .filter(r => typeOf(r) === type)
      .sort((a, b) => String(a.id).localeCompare(String(b.id)))
  }

  /** The one resource of a type per product (or per plan, with `plan`). */
  single(type: string, plan?: string): Resource | undefined {
    return this.ofType(type).find(r => plan === undefined || sameId(r.plan, plan))
  }

  /** A per-language resource in en-us (listing, or a plan's plan-listing). */
  inLanguage(type: string, plan?: string): Resource | undefined {
    return this.ofType(type).find(
      r =>
        String(r.languageId ?? '').toLowerCase() === LANGUAGE &&
        (plan === undefined || sameId(r.plan, plan))
    )
  }

  plan(planId: string): Resource | undefined {
    return this.ofType('plan').find(
      r => (r.identity as { externalId?: unknown } | undefined)?.externalId === planId
    )
  }

  /** The listing images of one type in en-us, by display order (then id). */
  assets(imageType: string): Resource[] {
    return this.ofType('listing-asset')
      .filter(
        r =>
          r.type === imageType &&
          String(r.languageId ?? '').toLowerCase() === LANGUAGE &&
          r.lifecycleState !== 'deleted'
      )
      .sort((a, b) => Number(a.displayOrder ?? 0) - Number(b.displayOrder ?? 0))
  }

  byId(id: string): Resource | undefined {
    return this.resources.find(r => sameId(r.id, id))
  }
}

/** Durable ids compared case-insensitively (the service lower-cases them, §3.1). */
export function sameId(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase()
}
