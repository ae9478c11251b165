/**
 * Step 9: the availabilities the manifest states: the offer's preview audience (its Availability
 * draft) and each plan's visibility, private audience, hidden flag, markets and prices (the plan's
 * Availability draft). Each is read, diffed (availability-diff.ts) and written under the write
 * rule only when it differs (draft-update.ts), and registered for the `unchanged` comparison.
 */
import { PublishError } from '../errors.js'
import type { FeatureAvailability, ProductAvailability } from '../ingestion/types.js'
import type { PlanAvailabilitySpec } from '../manifest/model.js'
import { diffPlanAvailability, diffPreviewAudience, statedFields } from './availability-diff.js'
import type { OfferRun } from './context.js'
import { updateDraft } from './draft-update.js'
import { requireDraft, type Drafts } from './drafts.js'
import type { PlanVariants } from './plans.js'

export async function updateAvailability(
  run: OfferRun,
  productId: string | undefined,
  plans: PlanVariants,
  drafts: Drafts | undefined
): Promise<void> {
  const { offer } = run
  if (offer.previewAudience) {
    if (productId && drafts) {
      const instanceId = requireDraft(
        drafts.offer,
        'Availability',
        `offer ${offer.offerId}`,
        offer.offerId
      )
      await updatePreviewAudience(run, productId, instanceId, offer.previewAudience)
    } else run.record({ action: 'update', subject: 'offer availability', fields: ['audiences'] })
  }
  for (const plan of offer.plans) {
    if (!plan.availability) continue
    const where = `plan ${plan.planId}`
    const variant = plans.byPlanId.get(plan.planId)
    if (productId && drafts && variant) {
      const instanceId = requireDraft(
        drafts.plans.get(variant.id),
        'Availability',
        where,
        offer.offerId
      )
      await updatePlanAvailability(run, productId, variant.id, instanceId, plan.availability, where)
    } else {
      // A dry run of a plan that does not exist yet: everything stated would be written.
      run.record({
        action: 'update',
        subject: `${where} availability`,
        fields: statedFields(plan.availability)
      })
    }
  }
}

async function updatePreviewAudience(
  run: OfferRun,
  productId: string,
  instanceId: string,
  audience: readonly string[]
): Promise<void> {
  const read = (instance: string): Promise<ProductAvailability> =>
    readOne(run, run.api.getProductAvailabilities(productId, instance), 'the offer')
  run.contentChecks.push({
    owner: 'offer',
    module: 'Availability',
    subject: 'offer availability',
    holds: async instance =>
      diffPreviewAudience(await read(instance), audience).changed.length === 0
  })
  await updateDraft(run, {
    subject: 'offer availability',
    read: () => read(instanceId),
    diff: current => diffPreviewAudience(current, audience),
    write: next => run.api.putProductAvailability(productId, next)
  })
}

async function updatePlanAvailability(
  run: OfferRun,
  productId: string,
  variantId: string,
  instanceId: string,
  spec: PlanAvailabilitySpec,
  where: string
): Promise<void> {
  const read = (instance: string): Promise<FeatureAvailability> =>
    readOne(run, run.api.getFeatureAvailabilities(productId, instance), where)
  run.contentChecks.push({
    owner: variantId,
    module: 'Availability',
    subject: `${where} availability`,
    holds: async instance => diffPlanAvailability(await read(instance), spec).changed.length === 0
  })
  await updateDraft(run, {
    subject: `${where} availability`,
    read: () => read(instanceId),
    diff: current => diffPlanAvailability(current, spec),
    write: next => run.api.putFeatureAvailability(productId, next)
  })
}

async function readOne<T>(run: OfferRun, list: Promise<T[]>, where: string): Promise<T> {
  const [first] = await list
  if (first === undefined) {
    throw new PublishError('DRAFT_NOT_FOUND', `Partner Center has no availability for ${where}.`, {
      offerId: run.offer.offerId,
      hint: 'Open the availability page of the offer or plan in Partner Center once, then run again.'
    })
  }
  return first
}
