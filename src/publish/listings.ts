/**
 * Step 4: write the offer and plan listings (`en-us`) when the manifest changes them: GET by draft
 * instance, diff, and PUT the whole object through read-modify-write (a concurrent edit makes it
 * re-read and re-apply once).
 */
import { PublishError } from '../errors.js'
import type { Listing } from '../ingestion/types.js'
import type { ListingSpec } from '../manifest/model.js'
import type { OfferRun } from './context.js'
import { updateDraft } from './draft-update.js'
import { diffListing } from './listing-diff.js'

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
