/**
 * The whole sequence for one offer (ingestion-v1.md §5): product → plans → drafts → listings →
 * images → packages → technical configuration → properties → availability → submission → wait →
 * promote.
 * Never throws: every failure ends up in the returned result as status `failed` with its errors.
 *
 * A dry run goes through the same steps: its client records each write instead of sending it
 * (OfferRun). It never waits, so it stops at the submission, planning the promote that a run
 * waiting for live sends once the preview is certified.
 */
import { isPublishError } from '../errors.js'
import { redact } from '../http/redact.js'
import type { AnyOfferSpec, OfferIdentity } from '../manifest/model.js'
import { isProductIngestionRun, publishProductIngestionOffer } from './product-ingestion/offer.js'
import type { OfferRun } from './context.js'
import { readDrafts, requireDraft, type Drafts } from './drafts.js'
import { updateAvailability } from './availability.js'
import { toResultErrors } from './errors.js'
import { updateImages } from './images.js'
import { listingCheck, readListing, updateListing } from './listings.js'
import { readTechnicalConfigs, updateTechnicalConfigs } from './package-config.js'
import { packageJobs, publishPackages } from './packages.js'
import { ensurePlans, type PlanVariants } from './plans.js'
import { resolveProduct } from './product.js'
import { updateProperties, updateReseller } from './properties.js'
import type { OfferResult } from './result.js'
import { AZURE_OFFER_MODULES, BC_MODULES, buildSubmissionRequest } from './submission-request.js'
import { promote } from './promote.js'
import { submit, type SubmitInput } from './submit.js'
import { waitForSubmission } from './wait.js'

/** Publishes one offer through its API: the sequence below, or the product-ingestion driver. */
export async function publishOffer(run: OfferRun<AnyOfferSpec>): Promise<OfferResult> {
  try {
    if (isProductIngestionRun(run)) await publishProductIngestionOffer(run)
    else await publishSteps(run as OfferRun)
  } catch (error) {
    recordFailure(run, error)
  }
  // An offer a dry run would create has no id yet, nor a page in Partner Center.
  if (run.isPlaceholder(run.result.productId)) {
    run.result.productId = undefined
    run.result.partnerCenterUrl = undefined
  }
  return run.result
}

/** An error that stopped the offer, as its result: failed, the errors, where a cancelled run stopped. */
export function recordFailure(run: OfferRun<OfferIdentity>, error: unknown): void {
  run.result.status = 'failed'
  run.result.errors.push(...toResultErrors(error))
  if (!isPublishError(error) && error instanceof Error && error.stack)
    run.deps.debug(redact(error.stack))
  if (isPublishError(error) && error.code === 'CANCELLED')
    run.result.stoppedAt ??= `the next step (after: ${run.lastActivity})`
}

async function publishSteps(run: OfferRun): Promise<void> {
  const { settings } = run.deps
  const productId = (await resolveProduct(run)).id
  const plans = await ensurePlans(run, productId)
  const drafts = await readOfferDrafts(run, productId)

  const propertyChanged = await updateDrafts(run, productId, plans, drafts)
  run.result.status = settings.dryRun ? 'planned' : 'draft'
  if (settings.target === 'draft') return

  const outcome = await submit(run, submitInput(run, productId, drafts, propertyChanged))
  if (outcome.kind === 'unchanged') {
    if (!settings.dryRun) run.result.status = 'unchanged'
    run.result.comparedWith = outcome.comparedWith
    return
  }
  const { submission } = outcome
  if (settings.dryRun) {
    if (settings.target === 'live' && settings.wait) await promote(run, productId, submission.id)
    return
  }
  run.result.submissionId = submission.id
  run.result.releaseNumber = submission.releaseNumber
  run.result.status = 'submitted'
  if (!settings.wait) return

  // Waiting for `preview` also stops at live when the service promotes by itself.
  const preview = await waitForSubmission(run, productId, submission.id, 'preview')
  run.result.status = preview.substate === 'ReadyToPublish' ? 'preview' : 'live'
  if (settings.target === 'live' && run.result.status === 'preview') {
    await promote(run, productId, submission.id)
    await waitForSubmission(run, productId, submission.id, 'live')
    run.result.status = 'live'
  }
}

/**
 * Writes every draft module the manifest states (dry run: records what it would write).
 * Resolves with whether the property draft changed (Business Central submits it only then).
 */
async function updateDrafts(
  run: OfferRun,
  productId: string,
  plans: PlanVariants,
  drafts: Drafts
): Promise<boolean> {
  const { offer } = run
  const where = `offer ${offer.offerId}`

  const listingDraft = () => requireDraft(drafts.offer, 'Listing', where, offer.offerId)
  const listing = offer.listing
    ? await updateListing(run, productId, listingDraft(), offer.listing, 'offer')
    : offer.images.length
      ? await readListing(run, productId, listingDraft(), 'offer')
      : undefined
  if (listing)
    run.contentChecks.push(
      listingCheck(run, productId, 'offer', 'offer', offer.listing, offer.images)
    )

  for (const plan of offer.plans) {
    const variant = plans.byPlanId.get(plan.planId)
    const spec = plans.created.has(plan.planId)
      ? { ...plan.listing, source: plan.source, title: plan.listing?.title ?? plan.name }
      : plan.listing
    if (!spec || !variant) continue
    const draft = requireDraft(
      drafts.plans.get(variant.id),
      'Listing',
      `plan ${plan.planId}`,
      offer.offerId
    )
    await updateListing(run, productId, draft, spec, `plan ${plan.planId}`)
    run.contentChecks.push(
      listingCheck(run, productId, variant.id, `plan ${plan.planId}`, spec, [])
    )
  }

  await updateImages(run, productId, listing?.id)
  const configs = await readTechnicalConfigs(run, productId, plans, drafts)
  const packageIds = await publishPackages(run, productId, packageJobs(run))
  await updateTechnicalConfigs(run, productId, configs, packageIds)
  const propertyChanged = await updateProperties(run, productId, drafts.offer)
  await updateAvailability(run, productId, plans, drafts)
  await updateReseller(run, productId)
  return propertyChanged
}

/**
 * `readBefore` are the draft ids read before the drafts were updated; writing to a draft keeps its
 * instance id, so they serve the first submission request. After waiting for someone else's submission they may
 * have moved on (ingestion-v1.md §3.2), so later requests read them again.
 */
function submitInput(
  run: OfferRun,
  productId: string,
  readBefore: Drafts,
  propertyChanged: boolean
): SubmitInput {
  let known: Drafts | undefined = readBefore
  return {
    productId,
    buildRequest: async () => {
      const drafts = known ?? (await readOfferDrafts(run, productId))
      known = undefined
      const request = buildSubmissionRequest(run.offer, productId, drafts, propertyChanged)
      const withProperty = buildSubmissionRequest(run.offer, productId, drafts, true)
      return { request, equivalents: propertyChanged ? [request] : [request, withProperty] }
    },
    // Reusing a processed package writes nothing, so it keeps the drafts unchanged.
    draftsUnchanged: run.result.changes.every(c => c.action === 'reuse')
  }
}

function readOfferDrafts(run: OfferRun, productId: string): Promise<Drafts> {
  return readDrafts(
    run.api,
    productId,
    run.offer.type === 'business-central' ? BC_MODULES : AZURE_OFFER_MODULES
  )
}
