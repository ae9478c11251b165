/**
 * The loop every product-ingestion publish runs: read the offer → decide the one next step →
 * send at most one configure request → wait for its job → read again.
 *
 * - The request follows the write rule of every write (configure-once.ts over write-once.ts):
 *   after an ambiguous outcome or a 409 the offer is read back and compared with what the
 *   request meant before anything is sent again. Applied → the loop goes on from that reading;
 *   not applied → what is left is sent again (bounded); someone else's change → CONCURRENT_CHANGE.
 * - A job that failed because another job held the product, or because a submission was in
 *   progress, was refused and wrote nothing: the next round decides afresh from a new read, as
 *   the Ingestion path does after a 409 on its submission POST.
 * - Someone else's submission in flight is waited for (`on-conflict: wait`) before deciding.
 *
 * Re-runs are idempotent for the same reason: a run whose manifest the offer already holds sends
 * nothing.
 */
import { PublishError } from '../../errors.js'
import { redact } from '../../http/redact.js'
import type { OfferIdentity } from '../../manifest/model.js'
import type { ProductIngestionApi } from '../../product-ingestion/api.js'
import type { ConfigureStatus, Resource, SubmissionEntry } from '../../product-ingestion/types.js'
import { SUBMISSION_POLL, sleepWithin } from '../backoff.js'
import type { OfferRun } from '../context.js'
import type { ComparedWith } from '../result.js'
import { configureOnce } from './configure-once.js'
import { offerDiff } from './diff.js'
import { errorCodes, errorText, failure, problemsOf } from './job-errors.js'
import { waitForJob } from './job.js'
import { noteProduct, type PiRun } from './pi-run.js'
import { sourceMap, type SourceMap } from './sources.js'
import { entryOf, inFlight, readOfferState, succeeded, type OfferState } from './state.js'
import { conflictError, describe, followSubmission, liveSubmission } from './submissions.js'
import type { PlannedWrite } from './writes.js'

export type Purpose = 'draft' | 'preview' | 'live'

/** One configure request: the changed resources and/or a submission. */
export interface SendStep {
  kind: 'send'
  purpose: Purpose
  resources: Resource[]
  writes: PlannedWrite[]
}

export type Step =
  /**
   * The target shows the manifest (`submission`: the preview or live submission that does;
   * `comparedWith`: what was compared, for an unchanged offer).
   */
  | { kind: 'done'; reached: Purpose; submission?: SubmissionEntry; comparedWith?: ComparedWith }
  /** A submission is in flight: follow it to its end (`own`: this release's), then read again. */
  | { kind: 'follow'; submission: SubmissionEntry; own: boolean }
  | SendStep

/** The offer as read for one decision. */
export interface Reading {
  state: OfferState
  /** The resources that differ from the manifest in the draft. */
  writes: PlannedWrite[]
  /** The draft's subjects that already hold what the manifest states. */
  held: string[]
  /** Where the manifest states each resource, for the service's errors about it. */
  where: SourceMap
}

export interface Round extends Reading {
  /**
   * A job of this run failed because someone else's submission was in progress: a submission in
   * flight is theirs, not one this release made earlier.
   */
  othersPublishing: boolean
}

export type Decide = (round: Round) => Promise<Step>

/** Reads the offer for one decision: its draft against the manifest (draftReading), or less. */
export type ReadOffer = () => Promise<Reading>

/**
 * `run` needs no more than the offer's identity: what is read, and so what the manifest says,
 * comes from `read`.
 */
export async function converge(
  run: OfferRun<OfferIdentity>,
  api: ProductIngestionApi,
  decide: Decide,
  read: ReadOffer
): Promise<void> {
  const recorded = new Set<string>()
  let lockWait = SUBMISSION_POLL.initialMs
  let othersPublishing = false
  /** Another job holds the product: wait a little longer each time, within the budget. */
  const waitForLock = async (): Promise<void> => {
    await sleepWithin(
      run.deps,
      lockWait,
      budgetError(run, 'another configure job to release the offer')
    )
    lockWait = Math.min(SUBMISSION_POLL.maxMs, lockWait * SUBMISSION_POLL.factor)
  }
  /** Reads the offer and decides; someone else's submission in flight is waited for first. */
  const nextStep = async (): Promise<{ reading: Reading; step: Step }> => {
    for (;;) {
      const reading = await read()
      const step = await decide({ ...reading, othersPublishing })
      if (run.dryRun || step.kind !== 'follow' || step.own) return { reading, step }
      run.log(
        `waiting for submission ${step.submission.id} (${describe(step.submission)}) to finish`
      )
      await followSubmission(run, api, productOf(reading), step.submission, false)
    }
  }

  let { reading, step } = await nextStep()
  if (run.dryRun) return planOnly(run, step)
  for (;;) {
    if (step.kind === 'done')
      return finish(run, step.reached, step.submission?.id, step.comparedWith)
    if (step.kind === 'follow') {
      // This release's own submission (someone else's was waited for by nextStep).
      if (!recorded.has(step.submission.id)) {
        recorded.add(step.submission.id)
        run.record({
          action: 'adopt',
          subject: `submission ${step.submission.id} (${describe(step.submission)})`
        })
      }
      if (!run.deps.settings.wait) return finish(run, 'submitted', step.submission.id)
      await followSubmission(run, api, productOf(reading), step.submission, true)
      ;({ reading, step } = await nextStep())
      continue
    }

    run.beforeWrite(`sending the configure request (${step.purpose})`)
    const knownPreview = entryOf(reading.state.submissions, 'preview')?.id
    const configured = await configureOnce(run, api, {
      step,
      reading,
      reread: nextStep,
      waitWhileHeld: () => {
        run.log('another configure job is processing this offer: waiting for it to finish')
        return waitForLock()
      },
      onSend: sending => record(run, sending, recorded)
    })
    if (configured.kind === 'applied') {
      ;({ reading, step } = { reading: configured.reading, step: configured.next })
      continue
    }

    const sent = configured.step
    reading = configured.reading
    let started: SubmissionEntry | undefined
    const job = await waitForJob(run, api, configured.job, {
      label: sent.purpose,
      enough:
        sent.purpose !== 'draft' && !run.deps.settings.wait
          ? async () => {
              started = await newSubmission(api, run.offer.offerId, sent, knownPreview)
              return started !== undefined
            }
          : undefined
    })
    if (started) return finish(run, 'submitted', started.id)
    if (!succeeded(job)) {
      if (jobRefusal(run, job, reading.where) === 'locked') await waitForLock()
      else {
        othersPublishing = true
        const productId = reading.state.productId
        const flight = productId && inFlight(await api.listSubmissions(productId))
        if (flight && run.deps.settings.onConflict === 'fail') throw conflictError(run, flight)
      }
      ;({ reading, step } = await nextStep())
      continue
    }
    if (sent.purpose === 'draft') return finish(run, 'draft')
    // A promotion names the preview submission it took live.
    if (sent.purpose === 'live') return finish(run, 'live', String(sent.resources[0].id))

    const productId = reading.state.productId ?? (await createdProduct(api, job))
    noteProduct(run, productId)
    const preview = entryOf(await api.listSubmissions(productId, 'preview'), 'preview')
    if (run.deps.settings.target === 'live' && preview) {
      step = {
        kind: 'send',
        purpose: 'live',
        resources: [liveSubmission(preview, productId)],
        writes: []
      }
      continue
    }
    return finish(run, 'preview', preview?.id)
  }
}

/** The product, its draft diffed against the manifest, and where each resource is stated. */
export function draftReading(run: PiRun, api: ProductIngestionApi): ReadOffer {
  const warned = new Set<string>()
  return async () => {
    const state = await readOfferState(api, run.offer.offerId)
    noteProduct(run, state.productId)
    const { writes, held } = offerDiff(run.offer, state.draft, message => {
      if (!warned.has(message)) run.warn(message)
      warned.add(message)
    })
    return { state, writes, held, where: sourceMap(run.offer, writes, state.draft) }
  }
}

/** A submission in flight is one of an existing product. */
function productOf(reading: Reading): string {
  return reading.state.productId as string
}

function finish(
  run: OfferRun<OfferIdentity>,
  reached: Purpose | 'submitted',
  submissionId?: string,
  comparedWith?: ComparedWith
): void {
  run.result.status = run.result.changes.length === 0 ? 'unchanged' : reached
  if (run.result.status !== 'unchanged') {
    if (submissionId) run.result.submissionId = submissionId
    return
  }
  // As on the Ingestion path: an unchanged offer made no submission; `comparedWith` names the
  // one it compared with.
  if (comparedWith) run.result.comparedWith = comparedWith
  run.log(
    `nothing to change: ${reached === 'draft' ? 'the draft' : `the ${reached}`} already shows the manifest`
  )
}

/** The changes of a step, each once even when the request is sent again. */
function record(run: OfferRun<OfferIdentity>, step: SendStep, recorded: Set<string>): void {
  for (const write of step.writes) {
    if (recorded.has(write.subject)) continue
    recorded.add(write.subject)
    run.record({
      action: write.before ? 'update' : 'create',
      subject: write.subject,
      ...(write.fields.length ? { fields: write.fields } : {})
    })
    if (run.dryRun) run.log(`  ${redact(JSON.stringify(write.resource))}`)
  }
  const submission = step.resources.find(r => /\/schema\/submission\//.test(r.$schema))
  if (!submission || recorded.has(`submission ${step.purpose}`)) return
  recorded.add(`submission ${step.purpose}`)
  run.record(
    step.purpose === 'live'
      ? { action: 'promote', subject: `${String(submission.id)} to live` }
      : {
          action: 'submit',
          subject: `submission to preview (${step.writes.length ? 'with the changed resources' : 'the whole draft'})`
        }
  )
}

/** A dry run: what the next step would send, resource by resource; nothing is written. */
function planOnly(run: OfferRun<OfferIdentity>, step: Step): void {
  run.result.status = 'planned'
  if (step.kind === 'send') return record(run, step, new Set())
  if (step.kind === 'follow')
    run.log(
      `would wait for submission ${step.submission.id} (${describe(step.submission)}), then compare again`
    )
  else {
    if (step.comparedWith) run.result.comparedWith = step.comparedWith
    run.log(`nothing to change: the ${step.reached} already shows the manifest`)
  }
}

/**
 * Why a job failed, when reading again can fix it: the product was locked by another job, or a
 * submission was in progress (or not the latest); otherwise the error with every problem at its
 * manifest line (a certification failure is SUBMISSION_FAILED).
 */
function jobRefusal(
  run: OfferRun<OfferIdentity>,
  job: ConfigureStatus,
  where: SourceMap
): 'locked' | 'in-progress' {
  const errors = job.errors ?? []
  const codes = errorCodes(errors)
  const text = errorText(errors)
  if (codes.has('productlocked')) {
    run.log(`configure job ${job.jobId} found the offer locked by another job: trying again`)
    return 'locked'
  }
  if (/in progress submission|not the latest/i.test(text)) {
    run.log(`configure job ${job.jobId} found a submission in progress: reading the offer again`)
    return 'in-progress'
  }
  const certification = codes.has('invalidstate') && /certification/i.test(text)
  throw failure(
    certification ? 'SUBMISSION_FAILED' : 'CONFIGURE_FAILED',
    certification
      ? `The submission of offer "${run.offer.offerId}" failed certification (configure job ${job.jobId})`
      : `Configure job ${job.jobId} of offer "${run.offer.offerId}" failed`,
    problemsOf(errors, where),
    {
      offerId: run.offer.offerId,
      hint: certification
        ? 'Open the offer in Partner Center for the certification report, fix it and run again.'
        : 'Fix the fields named below and run again; the resources the job did not name were applied.'
    }
  )
}

/**
 * With `wait: false`: the submission a publishing job has made, once it exists: a preview other
 * than the one known before the request, or the promoted preview going live (not an earlier
 * release still live).
 */
async function newSubmission(
  api: ProductIngestionApi,
  offerId: string,
  sent: SendStep,
  knownPreview: string | undefined
): Promise<SubmissionEntry | undefined> {
  const product = await api.findProduct(offerId)
  if (!product?.id) return undefined
  const target = sent.purpose === 'live' ? 'live' : 'preview'
  const entry = entryOf(await api.listSubmissions(product.id, target), target)
  if (!entry) return undefined
  if (sent.purpose === 'live') return entry.id === String(sent.resources[0].id) ? entry : undefined
  return entry.id !== knownPreview ? entry : undefined
}

/** A product created by this run's job: its durable id, from the job's detail (§4.3). */
async function createdProduct(api: ProductIngestionApi, job: ConfigureStatus): Promise<string> {
  const product = (await api.getJobDetail(job.jobId)).find(r =>
    /\/schema\/product\//.test(r.$schema)
  )
  if (!product?.id)
    throw new PublishError('HTTP_BAD_REPLY', `Configure job ${job.jobId} created no product.`)
  return product.id
}

function budgetError(run: OfferRun<OfferIdentity>, what: string): PublishError {
  return new PublishError(
    'TIME_BUDGET_EXCEEDED',
    `Gave up waiting for ${what}: the time budget ran out.`,
    {
      offerId: run.offer.offerId,
      hint: 'Raise `timeout-minutes`, or run again once the other change is done.'
    }
  )
}
