/**
 * Follow for the offer types of the Ingestion API v1 (Azure Application, Business Central): the
 * offer's newest submission by release number, its state as a stage, and the publish sequence's
 * own wait, promote and failure details.
 */
import type { Submission } from '../ingestion/types.js'
import type { IngestionOfferIdentity } from '../manifest/model.js'
import type { OfferRun } from './context.js'
import type { FollowDriver, FollowedSubmission, SubmissionStage } from './follow.js'
import { acceptProduct } from './product.js'
import { promote } from './promote.js'
import { hasFailed, outcomeOf } from './submission-rules.js'
import { failWithDetails, observe, waitForSubmission } from './wait.js'

interface IngestionFollowed extends FollowedSubmission {
  submission: Submission
}

export const ingestionFollow: FollowDriver<IngestionFollowed> = {
  async latest(run) {
    const product = await run.api.findProductByOfferId(run.offer.offerId)
    if (!product) return undefined
    // follow.ts gives this driver the offers of the Ingestion API only.
    acceptProduct(run as OfferRun<IngestionOfferIdentity>, product)
    const newest = (await run.api.listSubmissions(product.id)).sort(
      (a, b) => (b.releaseNumber ?? 0) - (a.releaseNumber ?? 0)
    )[0]
    if (!newest) return undefined
    observe(run, newest)
    return followed(product.id, newest)
  },
  waitFor: async (run, s, target) =>
    followed(s.productId, await waitForSubmission(run, s.productId, s.id, target)),
  promote: (run, s) => promote(run, s.productId, s.id),
  failure: (run, s) => failWithDetails(run, s.productId, s.submission)
}

function followed(productId: string, submission: Submission): IngestionFollowed {
  return {
    productId,
    id: submission.id,
    subject: `submission ${submission.id}`,
    releaseNumber: submission.releaseNumber,
    stage: stageOf(submission),
    submission
  }
}

/** ingestion-v1.md §4.2: InProgress → Published/ReadyToPublish → (promote) Publishing → InStore. */
export function stageOf(s: Submission): SubmissionStage {
  if (hasFailed(s)) return 'failed'
  if (outcomeOf(s, 'live') === 'live') return 'live'
  if (s.state === 'Published' && s.substate === 'ReadyToPublish') return 'preview'
  if (s.state === 'Published') return 'publishing'
  return 'pending'
}
