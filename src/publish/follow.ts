/**
 * Follow mode (`mode: follow`), for a scheduled workflow: for each offer, the submission in
 * flight (left by a publish with `wait: false`, an earlier run, or Partner Center), where it
 * stands, and the next step when it is due and `target` asks for it: a ready preview is promoted
 * when target is live, by the publish sequence's own promote. It never creates, uploads or
 * changes a draft, and needs no version. With `wait` it waits as a publish does, bounded by
 * `timeout-minutes`; a failed submission fails the offer with its validation items.
 *
 * A finished submission (live, or failed) is reported once: when the publish's deployment is
 * still open (OfferTracker.resumed), or when that cannot be known. When every record is closed
 * the offer has nothing to follow: a notice, not a failure.
 *
 * Each offer type's API provides a FollowDriver: the v1 types share follow-ingestion.ts, the
 * product-ingestion types product-ingestion/follow.ts.
 */
import type { AnyOfferType, OfferIdentity } from '../manifest/model.js'
import { OfferRun, type PublishDeps } from './context.js'
import { forEachOffer } from './each-offer.js'
import { ingestionFollow } from './follow-ingestion.js'
import { recordFailure } from './offer.js'
import { productIngestionFollow } from './product-ingestion/follow.js'
import type { OfferResult, PublishStatus } from './result.js'

/** Where a submission is on its way: certifying, preview ready, promoted, live, or failed. */
export type SubmissionStage = 'pending' | 'preview' | 'publishing' | 'live' | 'failed'

export interface FollowedSubmission {
  productId: string
  id: string
  /** How the log and the changes name it: `submission 12`, `submission/<product>/<number>`. */
  subject: string
  releaseNumber?: number
  stage: SubmissionStage
}

export type FollowRun = OfferRun<OfferIdentity>

/**
 * What follow needs from an offer type's API. Reads and promote only: nothing here may create,
 * upload or change a draft.
 */
export interface FollowDriver<Followed extends FollowedSubmission = FollowedSubmission> {
  /**
   * The offer's newest submission, recorded in the result (product, timeline, preview links);
   * undefined when the offer or its submissions do not exist.
   */
  latest(run: FollowRun): Promise<Followed | undefined>
  /**
   * Reads the submission until it leaves `pending` for `target`, within the time budget. A
   * submission that fails throws SUBMISSION_FAILED with its validation items.
   */
  waitFor(run: FollowRun, submission: Followed, target: 'preview' | 'live'): Promise<Followed>
  /** Promotes a ready preview to live: the promote the publish sequence uses. */
  promote(run: FollowRun, submission: Followed): Promise<void>
  /** Throws SUBMISSION_FAILED with the submission's validation items and reports. */
  failure(run: FollowRun, submission: Followed): Promise<never>
}

/** The driver of each offer type: its API's. */
const DRIVERS: Record<AnyOfferType, FollowDriver> = {
  'azure-solution-template': ingestionFollow,
  'azure-managed-app': ingestionFollow,
  'business-central': ingestionFollow,
  saas: productIngestionFollow,
  'azure-virtual-machine': productIngestionFollow,
  'azure-container': productIngestionFollow
}

const STATUS: Record<SubmissionStage, PublishStatus> = {
  pending: 'submitted',
  preview: 'preview',
  publishing: 'preview',
  live: 'live',
  failed: 'failed'
}

export async function followAll(
  deps: PublishDeps,
  offers: readonly OfferIdentity[]
): Promise<OfferResult[]> {
  return forEachOffer(deps, offers, async offer => {
    const run = new OfferRun(deps, offer)
    const open = await deps.tracker?.resumed(offer.offerId)
    await followOffer(run, DRIVERS[offer.type], open !== false)
    await deps.tracker?.finished(run.result)
    return run.result
  })
}

/**
 * `reportFinished`: whether a submission that already ended is reported (its outcome not yet
 * recorded) rather than left as nothing to follow. Never throws: failures end up in the result.
 */
export async function followOffer<Followed extends FollowedSubmission>(
  run: FollowRun,
  driver: FollowDriver<Followed>,
  reportFinished: boolean
): Promise<OfferResult> {
  try {
    await followSteps(run, driver, reportFinished)
  } catch (error) {
    recordFailure(run, error)
  }
  return run.result
}

async function followSteps<Followed extends FollowedSubmission>(
  run: FollowRun,
  driver: FollowDriver<Followed>,
  reportFinished: boolean
): Promise<void> {
  const { target } = run.deps.settings
  // A dry run looks once and says what it would do; it never sits waiting.
  const wait = run.deps.settings.wait && !run.dryRun
  let submission = await driver.latest(run)
  if (!submission) return nothingToFollow(run, false, 'it has no submission')
  const finished = submission.stage === 'live' || submission.stage === 'failed'
  if (finished && !reportFinished) {
    const outcome = submission.stage === 'live' ? 'is live' : 'failed'
    return nothingToFollow(
      run,
      submission.stage === 'live',
      `its latest ${submission.subject} ${outcome} and no open deployment awaits it`
    )
  }
  const show = (s: Followed): void => {
    run.result.submissionId = s.id
    run.result.releaseNumber = s.releaseNumber ?? run.result.releaseNumber
    run.result.status = STATUS[s.stage]
  }
  show(submission)
  if (submission.stage === 'failed') await driver.failure(run, submission)
  if (submission.stage === 'pending') {
    if (!wait) return
    // Stops at a ready preview, or at live when the service promotes by itself.
    submission = await driver.waitFor(run, submission, 'preview')
    show(submission)
  }
  if (target !== 'live') return
  if (submission.stage === 'preview') {
    // A dry run's client records the promote instead of sending it; nothing then moves on.
    await driver.promote(run, submission)
    if (run.dryRun) return
    submission = { ...submission, stage: 'publishing' }
    show(submission)
  }
  if (submission.stage === 'publishing' && wait) {
    submission = await driver.waitFor(run, submission, 'live')
    show(submission)
  }
}

/**
 * Nothing in flight: the offer reports what the store shows (`live`, or `draft` for an offer whose
 * last submission failed or that has none), with the reason as a notice.
 */
function nothingToFollow(run: FollowRun, live: boolean, why: string): void {
  run.result.status = live ? 'live' : 'draft'
  run.result.nothingToFollow = why
  run.log(`nothing to follow: ${why}`)
}
