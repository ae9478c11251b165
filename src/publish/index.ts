/**
 * Publishes every offer (or, in follow mode, follows each one's submission), recording each in
 * the tracker (GitHub deployments) when there is one.
 */
import type { AnyOfferSpec } from '../manifest/model.js'
import { OfferRun, type PublishDeps } from './context.js'
import { forEachOffer } from './each-offer.js'
import { publishOffer } from './offer.js'
import type { OfferResult } from './result.js'

export async function publishAll(
  deps: PublishDeps,
  offers: readonly AnyOfferSpec[]
): Promise<OfferResult[]> {
  return forEachOffer(deps, offers, async offer => {
    await deps.tracker?.started(offer.offerId)
    const result = await publishOffer(new OfferRun(deps, offer))
    await deps.tracker?.finished(result)
    return result
  })
}

export { followAll } from './follow.js'
export type { OfferTracker, PublishDeps, UploadFn, UploadStats } from './context.js'
export { worstStatus, type OfferResult, type PublishStatus } from './result.js'
