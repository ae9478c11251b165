/**
 * Steps 10–11: deal with an existing submission (fail, wait for it, or adopt it when it is our own
 * from an earlier attempt), then create ours. Someone else's submission is never cancelled.
 * Whether the list is read before the POST or only after a 409 is look-first.ts's call.
 * The creating POST is not retried blindly (create-once.ts): after an ambiguous failure the
 * submission list tells whether it was made.
 */
import { PublishError, isPublishError } from '../errors.js'
import type { Submission, SubmissionCreationRequest } from '../ingestion/types.js'
import { SUBMISSION_POLL, pollUntil } from './backoff.js'
import { isOwnSubmission } from './adoption.js'
import { createOnce } from './create-once.js'
import { listsSubmissionsFirst } from './look-first.js'
import type { OfferRun } from './context.js'
import { coversRequest, findBlocking, findReadyToPublish, isBlocking } from './submission-rules.js'

/** The request to send, and every request an earlier attempt of this run could have sent. */
export interface SubmissionPlan {
  request: SubmissionCreationRequest
  /** `request` first; for Business Central also the one with Property, which an earlier attempt
   * sent if it was the one that raised the version (so this attempt sees no version change). */
  equivalents: SubmissionCreationRequest[]
}

export interface SubmitInput {
  productId: string
  /** Builds the requests from the drafts; called again, from freshly read drafts, after waiting for another submission. */
  buildRequest: () => Promise<SubmissionPlan>
  /** True when this run wrote nothing to the drafts: the condition for adopting a submission. */
  draftsUnchanged: boolean
}

export async function submit(run: OfferRun, input: SubmitInput): Promise<Submission | undefined> {
  let plan = await input.buildRequest()
  if (listsSubmissionsFirst(run.deps.settings, input.draftsUnchanged)) {
    const settled = await settleExisting(run, input, plan)
    if ('adopted' in settled) return settled.adopted
    plan = settled.plan
  }

  run.record({
    action: 'submit',
    subject: `submission to preview (${plan.request.resources.length} modules, ${plan.request.variantResources?.length ?? 0} plans)`
  })
  if (run.dryRun) return undefined
  run.beforeWrite('creating the submission')
  for (;;) {
    try {
      return await createSubmission(run, input.productId, plan.request)
    } catch (error) {
      // 409: another submission is in progress. Name it, or wait for it and submit afresh.
      if (!isPublishError(error) || error.details.status !== 409) throw error
      const blocking = findBlocking(await run.api.listSubmissions(input.productId))
      if (!blocking) throw error
      plan = await waitForOther(run, input, blocking)
    }
  }
}

/**
 * Before the POST: adopt the submission an earlier attempt made from these drafts, or deal with
 * someone else's in progress (fail, or wait for it). Resolves with the request to send.
 */
async function settleExisting(
  run: OfferRun,
  input: SubmitInput,
  first: SubmissionPlan
): Promise<{ adopted: Submission } | { plan: SubmissionPlan }> {
  let plan = first
  for (;;) {
    const submissions = await run.api.listSubmissions(input.productId)
    const blocking = findBlocking(submissions)
    const candidate =
      blocking ?? (input.draftsUnchanged ? findReadyToPublish(submissions) : undefined)
    if (
      candidate &&
      input.draftsUnchanged &&
      (await isOwnSubmission(run, input.productId, candidate, plan.equivalents))
    ) {
      run.record({
        action: 'adopt',
        subject: `submission ${candidate.id} (made from this release by an earlier run, ${describe(candidate)})`
      })
      return { adopted: candidate }
    }
    if (!blocking) return { plan }
    if (run.dryRun && run.deps.settings.onConflict === 'wait') {
      run.log(`would wait for submission ${blocking.id} (${describe(blocking)}) to finish`)
      return { plan }
    }
    plan = await waitForOther(run, input, blocking)
  }
}

/** Fails with SUBMISSION_CONFLICT, or (`on-conflict: wait`) waits and rebuilds the request. */
async function waitForOther(
  run: OfferRun,
  input: SubmitInput,
  blocking: Submission
): Promise<SubmissionPlan> {
  if (run.deps.settings.onConflict === 'fail') throw conflictError(run, blocking)
  run.log(
    `waiting for submission ${blocking.id} (${describe(blocking)}) to finish before submitting`
  )
  await waitUntilSettled(run, input.productId, blocking)
  // The drafts may have moved on once that submission went through: read them again.
  return input.buildRequest()
}

/** The POST; after an ambiguous failure, a submission of exactly this request is what it made. */
function createSubmission(
  run: OfferRun,
  productId: string,
  request: SubmissionCreationRequest
): Promise<Submission> {
  return createOnce(run, {
    what: 'submission',
    create: () => run.api.createSubmission(productId, request),
    find: async () =>
      (await run.api.listSubmissions(productId)).find(
        s => isBlocking(s) && coversRequest(s, request)
      ),
    idOf: s => s.id
  })
}

async function waitUntilSettled(
  run: OfferRun,
  productId: string,
  blocking: Submission
): Promise<void> {
  await pollUntil({
    clock: run.deps.clock,
    signal: run.deps.signal,
    deadline: run.deps.deadline,
    policy: SUBMISSION_POLL,
    what: `submission ${blocking.id} to finish`,
    read: () => run.api.getSubmission(productId, blocking.id),
    done: s => !isBlocking(s)
  })
}

function conflictError(run: OfferRun, s: Submission): PublishError {
  return new PublishError(
    'SUBMISSION_CONFLICT',
    `Submission ${s.id} of offer "${run.offer.offerId}" is still in progress (${describe(s)}).`,
    {
      offerId: run.offer.offerId,
      hint: 'Set `on-conflict: wait` to wait for it, or finish or cancel it in Partner Center, then run again.'
    }
  )
}

export function describe(s: Submission): string {
  return `${s.state}/${s.substate}`
}
