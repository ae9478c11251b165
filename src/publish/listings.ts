/**
 * Step 4: write the offer and plan listings (`en-us`) when the manifest changes them: GET by draft
 * instance, diff, and PUT the whole object under the write rule (draft-update.ts).
 */
import { PublishError } from '../errors.js'
import type { Listing } from '../ingestion/types.js'
import type { ImageSpec, ListingSpec } from '../manifest/model.js'
import type { OfferRun } from './context.js'
import { updateDraft } from './draft-update.js'
import { planImages } from './image-plan.js'
import { diffListing } from './listing-diff.js'
import type { ContentCheck, Owner } from './submitted-content.js'

const LANGUAGE = 'en-us'

export async function readListing(
  run: OfferRun,
  productId: string,
  instanceId: string,
  where: string
): Promise<Listing> {
  const listings = await run.api.getListings(productId, instanceId)
  const listing = listings.find(l => (l.languageCode ?? '').toLowerCase() === LANGUAGE)
  if (!listing) {
    throw new PublishError(
      'DRAFT_NOT_FOUND',
      `The ${where} has no ${LANGUAGE} listing in Partner Center.`,
      {
        offerId: run.offer.offerId,
        hint: 'Add the English (United States) language to the offer in Partner Center, then run again.'
      }
    )
  }
  return listing
}

/**
 * The check that a Listing instance holds the manifest's listing text (when stated) and, for the
 * offer listing, its images (same type and file, planned as image-plan.ts does: nothing to upload
 * or delete). `where`: `offer` or `plan standard`; `owner`: `offer` or the plan's variant id.
 */
export function listingCheck(
  run: OfferRun,
  productId: string,
  owner: Owner,
  where: string,
  spec: ListingSpec | undefined,
  images: readonly ImageSpec[]
): ContentCheck {
  return {
    owner,
    module: 'Listing',
    subject: `${where} listing${images.length ? ' and images' : ''}`,
    holds: async instanceId => {
      const listing = await readListing(run, productId, instanceId, where)
      if (spec && diffListing(listing, spec).changed.length > 0) return false
      if (images.length === 0) return true
      const plan = planImages(await run.api.listImages(productId, listing.id), images)
      return plan.upload.length === 0 && plan.remove.length === 0
    }
  }
}

/** Updates one listing; resolves with the listing as it now is (as read, when unchanged). */
export async function updateListing(
  run: OfferRun,
  productId: string,
  instanceId: string,
  spec: ListingSpec,
  where: string
): Promise<Listing> {
  const { result } = await updateDraft(run, {
    subject: `${where} listing`,
    read: () => readListing(run, productId, instanceId, where),
    diff: current => diffListing(current, spec),
    write: next => run.api.putListing(productId, next)
  })
  return result
}
