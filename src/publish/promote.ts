/**
 * Step 14: promote a submission certified for preview (Published/ReadyToPublish) to live. The one
 * promote of the action: the publish sequence and follow mode both call it.
 */
import type { OfferIdentity } from '../manifest/model.js'
import type { OfferRun } from './context.js'
import { isPromoted } from './submission-rules.js'
import { describe } from './submit.js'
import { writeOnce } from './write-once.js'

/**
 * Promote under the write rule (write-once.ts). The transport never repeats it; after a 5xx, a
 * lost reply or a 409, the submission says whether it took: on its way to live or live → done;
 * still certified and waiting (ReadyToPublish) → sent again; anything else → the error stands.
 */
export async function promote(
  run: OfferRun<OfferIdentity>,
  productId: string,
  submissionId: string
): Promise<void> {
  run.record({ action: 'promote', subject: `submission ${submissionId} to live` })
  run.beforeWrite('promoting the submission to live')
  await writeOnce(run, {
    what: `promote submission ${submissionId} to live`,
    send: () => run.api.promoteSubmission(productId, submissionId),
    settles: ['ambiguous', 'conflict'],
    readBack: async error => {
      const now = await run.api.getSubmission(productId, submissionId)
      if (isPromoted(now)) return { kind: 'applied', value: undefined, note: describe(now) }
      if (now.state === 'Published' && now.substate === 'ReadyToPublish')
        return { kind: 'not-applied' }
      throw error
    }
  })
}
