/**
 * Steps 10–11: deal with an existing submission (fail, wait for it, or adopt it when it is our own
 * from an earlier attempt), then create ours. Someone else's submission is never cancelled.
 * The creating POST is not retried blindly: after an ambiguous failure the submission list tells
 * whether it was made.
 */
import { PublishError, isPublishError } from '../errors.js'
import type { Submission, SubmissionCreationRequest } from '../ingestion/types.js'
import { SUBMISSION_POLL, pollUntil } from './backoff.js'
import { isOwnSubmission } from './adoption.js'
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
  for (;;) {
    const submissions = await run.api.listSubmissions(input.productId)
    const blocking = findBlocking(submissions)
    if (!blocking) {
      const ready = input.draftsUnchanged ? findReadyToPublish(submissions) : undefined
      if (ready && (await isOwnSubmission(run, input.productId, ready, plan.equivalents))) {
        run.record({
          action: 'adopt',
          subject: `submission ${ready.id} (made from this release by an earlier run, ${describe(ready)})`
        })
        return ready
      }
      break
    }
    if (
      input.draftsUnchanged &&
      (await isOwnSubmission(run, input.productId, blocking, plan.equivalents))
    ) {
      run.record({
        action: 'adopt',
        subject: `submission ${blocking.id} (made from this release by an earlier run, ${describe(blocking)})`
      })
      return blocking
    }
    if (run.deps.settings.onConflict === 'fail') throw conflictError(run, blocking)
    if (run.dryRun) {
      run.log(`would wait for submission ${blocking.id} (${describe(blocking)}) to finish`)
      break
    }
    run.log(
      `waiting for submission ${blocking.id} (${describe(blocking)}) to finish before submitting`
    )
    await waitUntilSettled(run, input.productId, blocking)
    // The drafts may have moved on once that submission went through: read them again.
    plan = await input.buildRequest()
  }
  const { request } = plan

  run.record({
    action: 'submit',
    subject: `submission to preview (${request.resources.length} modules, ${request.variantResources?.length ?? 0} plans)`
  })
  if (run.dryRun) return undefined
  run.beforeWrite('creating the submission')
  return createOnce(run, input.productId, request)
}

/**
 * POSTs after an ambiguous failure that the submission list shows made nothing: the first try
 * included. A transient 5xx or lost connection then costs a retry instead of the whole run.
 */
const CREATE_ATTEMPTS = 3
/** Wait before sending the POST again, doubled each time. */
const CREATE_RETRY_MS = 2_000

async function createOnce(
  run: OfferRun,
  productId: string,
  request: SubmissionCreationRequest
): Promise<Submission> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run.api.createSubmission(productId, request)
    } catch (error) {
      if (isPublishError(error) && error.details.status === 409) {
        const blocking = findBlocking(await run.api.listSubmissions(productId))
        throw blocking ? conflictError(run, blocking) : error
      }
      if (!isAmbiguous(error)) throw error
      // The POST may have reached the service: look for what it made before trying again.
      const made = (await run.api.listSubmissions(productId)).find(
        s => isBlocking(s) && coversRequest(s, request)
      )
      if (made) {
        run.log(
          `the submission request failed in transit but submission ${made.id} was created: using it`
        )
        return made
      }
      if (attempt >= CREATE_ATTEMPTS) throw error
      run.log(
        `the submission request failed and made no submission: sending it again (attempt ${attempt + 1} of ${CREATE_ATTEMPTS})`
      )
      await run.deps.clock.sleep(CREATE_RETRY_MS * 2 ** (attempt - 1), run.deps.signal)
    }
  }
}

function isAmbiguous(error: unknown): boolean {
  if (!isPublishError(error)) return false
  if (
    error.code === 'HTTP_NETWORK' ||
    error.code === 'HTTP_TIMEOUT' ||
    error.code === 'RETRY_EXHAUSTED'
  )
    return true
  return error.code === 'HTTP_STATUS' && (error.details.status ?? 0) >= 500
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
