/**
 * Steps 12–13: wait for the submission to reach the target (preview ready, or live after the
 * promote), recording a state timeline; on failure collect the validations and certification
 * reports as errors.
 */
import { PublishError } from '../errors.js'
import type { Submission } from '../ingestion/types.js'
import type { OfferIdentity } from '../manifest/model.js'
import { SUBMISSION_POLL, pollUntil } from './backoff.js'
import type { OfferRun } from './context.js'
import { outcomeOf } from './submission-rules.js'
import { describe } from './submit.js'
import { noteState } from './timeline.js'

export async function waitForSubmission(
  run: OfferRun<OfferIdentity>,
  productId: string,
  submissionId: string,
  target: 'preview' | 'live'
): Promise<Submission> {
  const final = await pollUntil({
    clock: run.deps.clock,
    signal: run.deps.signal,
    deadline: run.deps.deadline,
    policy: SUBMISSION_POLL,
    onReadFailed: error =>
      run.log(`could not read the submission (${error.message}): reading again at the next poll`),
    what: `submission ${submissionId} to reach ${target}`,
    read: () => run.api.getSubmission(productId, submissionId),
    done: s => outcomeOf(s, target) !== 'pending',
    onValue: s => observe(run, s)
  })
  if (outcomeOf(final, target) === 'failed') await failWithDetails(run, productId, final)
  return final
}

/** Adds a timeline entry when the state changes, closing the previous one's duration. */
export function observe(run: OfferRun<OfferIdentity>, s: Submission): void {
  run.result.releaseNumber = s.releaseNumber ?? run.result.releaseNumber
  collectPreviewLinks(run, s)
  noteState(run, describe(s), `submission ${s.id}`)
}

/**
 * The Ingestion API documents no preview link field. When a reply carries one anyway (a
 * `previewLink`/`previewLinks` property), it is passed through; otherwise the output stays empty.
 */
function collectPreviewLinks(run: OfferRun<OfferIdentity>, s: Submission): void {
  const raw = s.previewLinks ?? s.previewLink
  const links = (Array.isArray(raw) ? raw : [raw]).filter(
    (l): l is string => typeof l === 'string' && /^https:\/\//.test(l)
  )
  if (links.length) run.result.previewLinks = links
}

/** Fails with SUBMISSION_FAILED, the validation items and the certification reports. */
export async function failWithDetails(
  run: OfferRun<OfferIdentity>,
  productId: string,
  s: Submission
): Promise<never> {
  const [validations, reports] = await Promise.all([
    run.api.getValidations(productId, s.id).catch(() => []),
    run.api.getReports(productId, s.id).catch(() => [])
  ])
  const reason = s.pendingUpdateInfo?.failureReason ? `: ${s.pendingUpdateInfo.failureReason}` : ''
  throw new PublishError(
    'SUBMISSION_FAILED',
    `Submission ${s.id} failed (${describe(s)})${reason}.`,
    {
      offerId: run.offer.offerId,
      hint: 'Fix the problems listed and run again; the certification report links are in the summary.',
      cause: { validations, reports }
    }
  )
}
