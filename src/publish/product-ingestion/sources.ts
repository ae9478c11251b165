/**
 * Where in the manifest a resource the service names comes from, so its errors are annotated
 * there: what this run sends is known by durable id or `resourceName`; anything else of a plan
 * (its durable id ends in the plan's GUID) points at the plan, the rest at the offer.
 */
import type { SourceRef } from '../../errors.js'
import type { ProductIngestionOfferSpec } from '../../manifest/model-product-ingestion.js'
import type { ResourceIndex } from './resource-index.js'
import type { PlannedWrite } from './writes.js'

export interface Located {
  source: SourceRef
  /** What the manifest calls it: `offer listing`, `plan starter`. */
  subject: string
}

export type SourceMap = (ref: unknown) => Located

export function sourceMap(
  offer: ProductIngestionOfferSpec,
  writes: readonly PlannedWrite[],
  tree: ResourceIndex
): SourceMap {
  const known = new Map<string, Located>()
  for (const write of writes) known.set(keyOf(write.ref), write)
  const plans = offer.plans.flatMap(plan => {
    const id = tree.plan(plan.planId)?.id
    const guid = id?.split('/')[2]?.toLowerCase()
    return guid ? [{ guid, located: { source: plan.source, subject: `plan ${plan.planId}` } }] : []
  })
  const offerPlace = { source: offer.source, subject: `offer ${offer.offerId}` }
  return ref => {
    const found = known.get(keyOf(ref))
    if (found) return found
    if (isExternalId(ref)) {
      const plan = offer.plans.find(p => p.planId === ref.externalId)
      return plan ? { source: plan.source, subject: `plan ${plan.planId}` } : offerPlace
    }
    const segments = typeof ref === 'string' ? ref.toLowerCase().split('/') : []
    return plans.find(p => segments.includes(p.guid))?.located ?? offerPlace
  }
}

function keyOf(ref: unknown): string {
  if (typeof ref === 'string') return `id:${ref.toLowerCase()}`
  if (typeof ref === 'object' && ref !== null && 'resourceName' in ref)
    return `name:${String((ref as { resourceName: unknown }).resourceName)}`
  return `other:${JSON.stringify(ref)}`
}

function isExternalId(ref: unknown): ref is { externalId: string } {
  return typeof ref === 'object' && ref !== null && 'externalId' in ref
}
