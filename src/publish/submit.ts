/**
 * Steps 10–11: before creating a submission, deal with what is there: the target may already hold
 * this content (nothing to submit: `unchanged`), a submission of this release may already exist
 * (adopt it), or someone else's may be in progress (fail, or wait for it). Then create ours.
 * Someone else's submission is never cancelled. Whether the list is read before the POST or only
 * after a 409 is look-first.ts's call. The creating POST is not retried blindly (create-once.ts):
 * after an ambiguous failure the submission list tells whether it was made.
 */
import { PublishError, isPublishError } from '../errors.js'
import type { Submission, SubmissionCreationRequest } from '../ingestion/types.js'
import { SUBMISSION_POLL, pollUntil } from './backoff.js'
import { isOwnSubmission } from './adoption.js'
import { createOnce } from './create-once.js'
import { listsSubmissionsFirst } from './look-first.js'
import type { OfferRun } from './context.js'
import type { ComparedWith } from './result.js'
import { checksFor, compareSubmitted, listedInstance } from './submitted-content.js'
import {
  coversRequest,
  findBlocking,
  findReadyToPublish,
  isBlocking,
  reachedTarget
} from './submission-rules.js'

/** The request to send, and every request an earlier attempt of this release could have sent. */
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

export type SubmitOutcome =
  /** Created by this run, or (`adopted`) by an earlier attempt of this release. */
  | { kind: 'submission'; submission: Submission; adopted: boolean }
  /** The target already holds this content: nothing was submitted. */
  | { kind: 'unchanged'; comparedWith: ComparedWith }

type Settled = SubmitOutcome | { kind: 'plan'; plan: SubmissionPlan }

export async function submit(run: OfferRun, input: SubmitInput): Promise<SubmitOutcome> {
  let plan = await input.buildRequest()
  if (listsSubmissionsFirst(run.deps.settings, input.draftsUnchanged)) {
    const settled = await settleExisting(run, input, plan)
    if (settled.kind !== 'plan') return settled
    plan = settled.plan
  }

  run.record({
    action: 'submit',
    subject: `submission to preview (${plan.request.resources.length} modules, ${plan.request.variantResources?.length ?? 0} plans)`
  })
  run.beforeWrite('creating the submission')
  for (;;) {
    try {
      const submission = await createSubmission(run, input.productId, plan.request)
      return { kind: 'submission', submission, adopted: false }
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
 * Before the POST: settle what is there (see above). Resolves with the outcome, or with the
 * request to send.
 */
async function settleExisting(
  run: OfferRun,
  input: SubmitInput,
  first: SubmissionPlan
): Promise<Settled> {
  let plan = first
  for (;;) {
    const submissions = await run.api.listSubmissions(input.productId)
    const blocking = findBlocking(submissions)
    if (input.draftsUnchanged) {
      const settled = await ownOrUnchanged(run, plan, submissions, blocking)
      if (settled.kind !== 'plan') return settled
      plan = settled.plan
    }
    if (!blocking) return { kind: 'plan', plan }
    // A dry run never waits: it plans the submission that would follow.
    if (run.dryRun && run.deps.settings.onConflict === 'wait') {
      run.log(`would wait for submission ${blocking.id} (${describe(blocking)}) to finish`)
      return { kind: 'plan', plan }
    }
    plan = await waitForOther(run, input, blocking)
  }
}

/**
 * With the drafts as the manifest says: a submission of this release in progress is adopted;
 * otherwise, when the target already shows this content, there is nothing to submit; otherwise
 * (`live`) a certified submission of this release is adopted to be promoted.
 */
async function ownOrUnchanged(
  run: OfferRun,
  plan: SubmissionPlan,
  submissions: readonly Submission[],
  blocking: Submission | undefined
): Promise<Settled> {
  if (blocking) {
    return (await isOwnSubmission(run, blocking, plan.equivalents))
      ? adopt(run, blocking)
      : { kind: 'plan', plan }
  }
  const target = run.deps.settings.target === 'live' ? 'live' : 'preview'
  const reached = reachedTarget(submissions, target)
  const widest = plan.equivalents.at(-1) ?? plan.request
  const comparison = await compareSubmitted(checksFor(run, widest), reached, widest)
  if (reached.length > 0 && comparison.differ.length === 0) {
    const comparedWith: ComparedWith = {
      submissionId: reached[0].id,
      releaseNumber: reached[0].releaseNumber,
      state: describe(reached[0]),
      compared: comparison.held
    }
    run.log(
      `unchanged: the ${target} submission ${reached[0].id} (${comparedWith.state}) already holds ${comparison.held.join(', ')}; nothing to submit`
    )
    return { kind: 'unchanged', comparedWith }
  }
  const ready = target === 'live' ? findReadyToPublish(submissions) : undefined
  if (ready && (await isOwnSubmission(run, ready, plan.equivalents))) return adopt(run, ready)
  // Business Central: the Property goes along when what the target holds is not this version.
  const withProperty = plan.equivalents.find(r => listedInstance(r, 'offer', 'Property'))
  if (withProperty && comparison.differ.some(c => c.module === 'Property'))
    return { kind: 'plan', plan: { ...plan, request: withProperty } }
  return { kind: 'plan', plan }
}

function adopt(run: OfferRun, submission: Submission): SubmitOutcome {
  run.record({
    action: 'adopt',
    subject: `submission ${submission.id} (made from this release by an earlier run, ${describe(submission)})`
  })
  return { kind: 'submission', submission, adopted: true }
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

/**
 * The POST; after an ambiguous failure, a submission listing exactly this request's draft
 * instances is what it made. One still in progress is taken as it is. One that has already moved
 * on (certified, or failed validation: minutes on the service, but it can happen before the
 * read-back) is taken only when the drafts have moved on from those instances since: a service
 * that gives drafts new ids after a submission (§3.2) then proves it was made from this request;
 * a service that keeps them lists the same ids in every submission, old ones included.
 */
function createSubmission(
  run: OfferRun,
  productId: string,
  request: SubmissionCreationRequest
): Promise<Submission> {
  return createOnce(run, {
    what: 'submission',
    create: () => run.api.createSubmission(productId, request),
    find: async () => {
      const covering = (await run.api.listSubmissions(productId)).filter(s =>
        coversRequest(s, request)
      )
      const inProgress = covering.find(isBlocking)
      if (inProgress || covering.length === 0) return inProgress
      return (await draftsMovedOn(run, productId, request))
        ? covering.sort((a, b) => (b.releaseNumber ?? 0) - (a.releaseNumber ?? 0))[0]
        : undefined
    },
    idOf: s => s.id
  })
}

/** Whether a Package draft the request lists is no longer its branch's current instance. */
async function draftsMovedOn(
  run: OfferRun,
  productId: string,
  request: SubmissionCreationRequest
): Promise<boolean> {
  const branches = await run.api.getBranches(productId, 'Package')
  return branches.some(b => {
    const listed = listedInstance(request, b.variantID ?? 'offer', 'Package')
    return listed !== undefined && listed.toLowerCase() !== b.currentDraftInstanceID.toLowerCase()
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
    onReadFailed: error =>
      run.log(`could not read the submission (${error.message}): reading again at the next poll`),
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
