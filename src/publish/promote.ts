/**
 * Step 14: promote a submission certified for preview (Published/ReadyToPublish) to live. The one
 * promote of the action: the publish sequence and follow mode both call it.
 */
import type { OfferIdentity } from '../manifest/model.js'
import type { OfferRun } from './context.js'

// Seam: issue 9 (branch reliability) sends this through the write rule (write-once.ts), so that
// a promote whose reply is lost is read back instead of failing; its version replaces this body.
export async function promote(
  run: OfferRun<OfferIdentity>,
  productId: string,
  submissionId: string
): Promise<void> {
  run.record({ action: 'promote', subject: `submission ${submissionId} to live` })
  run.beforeWrite('promoting the submission to live')
  await run.api.promoteSubmission(productId, submissionId)
}
