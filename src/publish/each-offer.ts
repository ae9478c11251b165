/**
 * Runs one piece of work per offer with bounded concurrency, each in its own log group when
 * offers run one at a time. One offer failing does not stop the others (each offer's errors are
 * in its own result); the run as a whole fails if any offer did.
 */
import { mapLimit } from '../concurrency.js'
import type { OfferIdentity } from '../manifest/model.js'
import type { PublishDeps } from './context.js'
import type { OfferResult } from './result.js'

export async function forEachOffer<Offer extends OfferIdentity>(
  deps: PublishDeps,
  offers: readonly Offer[],
  work: (offer: Offer) => Promise<OfferResult>
): Promise<OfferResult[]> {
  // Groups only help when offers run one at a time; interleaved lines cannot be grouped.
  const group = deps.settings.concurrency <= 1 || offers.length === 1 ? deps.group : undefined
  return mapLimit(offers, deps.settings.concurrency, async offer => {
    group?.start(`Offer ${offer.offerId}`)
    try {
      return await work(offer)
    } finally {
      group?.end()
    }
  })
}
