/**
 * Step 2: match the manifest's plans to the offer's variants by plan ID (`externalID`), creating
 * the missing ones, none unless each has what its first submission needs (first-submission.ts).
 * A plan of another kind (solution template vs managed application) is an error: Partner Center
 * cannot change a plan's kind.
 */
import { PublishError } from '../errors.js'
import type { PlanSpec } from '../manifest/model.js'
import type { Variant } from '../ingestion/types.js'
import type { OfferRun } from './context.js'
import { createOnce } from './create-once.js'
import { refuseIncomplete } from './first-submission.js'

export interface PlanVariants {
  /** Manifest plan ID → variant; missing only in a dry run that would create the plan. */
  byPlanId: Map<string, Variant | undefined>
  /** Plans created by this run: their listing title defaults to the plan's name. */
  created: Set<string>
}

export async function ensurePlans(run: OfferRun, productId: string): Promise<PlanVariants> {
  const byPlanId = new Map<string, Variant | undefined>()
  const created = new Set<string>()
  if (run.offer.plans.length === 0) return { byPlanId, created }

  const variants = await run.api.listVariants(productId)
  const incomplete = run.offer.plans.filter(
    p => p.firstSubmissionGaps?.length && !variants.some(v => isPlan(v, p.planId))
  )
  refuseIncomplete(
    run,
    `${incomplete.length === 1 ? 'plan' : 'plans'} ${incomplete.map(p => `"${p.planId}"`).join(', ')}`,
    incomplete.flatMap(p => p.firstSubmissionGaps ?? [])
  )
  for (const plan of run.offer.plans) {
    const variant = variants.find(v => isPlan(v, plan.planId))
    if (variant) {
      checkSubType(run, plan, variant)
      byPlanId.set(plan.planId, variant)
      continue
    }
    created.add(plan.planId)
    run.record({
      action: 'create',
      subject: `plan ${plan.planId} (${plan.subType}, "${plan.name}")`
    })
    if (run.dryRun) {
      byPlanId.set(plan.planId, undefined)
      continue
    }
    run.beforeWrite(`creating plan ${plan.planId}`)
    byPlanId.set(
      plan.planId,
      await createOnce(run, {
        what: `plan ${plan.planId}`,
        create: () =>
          run.api.createVariant(productId, {
            resourceType: 'AzureSkuVariant',
            friendlyName: plan.name,
            externalID: plan.planId,
            subType: plan.subType
          }),
        find: async () => (await run.api.listVariants(productId)).find(v => isPlan(v, plan.planId)),
        idOf: v => v.id
      })
    )
  }
  return { byPlanId, created }
}

function isPlan(variant: Variant, planId: string): boolean {
  return variant.resourceType === 'AzureSkuVariant' && variant.externalID === planId
}

function checkSubType(run: OfferRun, plan: PlanSpec, variant: Variant): void {
  // A variant without subType is a solution template: that is what the service defaults to.
  const actual = variant.subType ?? 'solution-template'
  if (actual !== plan.subType) {
    throw new PublishError(
      'PLAN_TYPE_MISMATCH',
      `Plan "${plan.planId}" is a ${actual} plan in Partner Center, but the manifest publishes a ${plan.subType} package to it.`,
      {
        offerId: run.offer.offerId,
        source: plan.source,
        hint: 'A plan cannot change its kind: use a new plan ID, or fix the plan type in the manifest.'
      }
    )
  }
}
