/**
 * Publishes every offer with bounded concurrency. One offer failing does not stop the others
 * (each offer's errors are in its own result); the run as a whole fails if any offer did.
 */
import { mapLimit } from '../concurrency.js'
import type { AnyOfferSpec } from '../manifest/model.js'
import { OfferRun, type PublishDeps } from './context.js'
import { publishOffer } from './offer.js'
import type { OfferResult } from './result.js'

export async function publishAll(
  deps: PublishDeps,
  offers: readonly AnyOfferSpec[]
): Promise<OfferResult[]> {
  // Groups only help when offers run one at a time; interleaved lines cannot be grouped.
  const group = deps.settings.concurrency <= 1 || offers.length === 1 ? deps.group : undefined
  return mapLimit(offers, deps.settings.concurrency, async offer => {
    group?.start(`Offer ${offer.offerId}`)
    try {
      return await publishOffer(new OfferRun(deps, offer))
    } finally {
      group?.end()
    }
  })
}

export type { PublishDeps, UploadFn, UploadStats } from './context.js'
export { worstStatus, type OfferResult, type PublishStatus } from './result.js'
