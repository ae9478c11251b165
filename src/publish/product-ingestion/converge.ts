/**
 * The loop every product-ingestion publish runs: read the offer → decide the one next step →
 * send at most one configure request → wait for its job → read again when the outcome is not
 * known. It is the write rule of the Ingestion path (after an ambiguous outcome, read back and
 * compare before sending anything again) for a declarative API:
 *
 * - a POST that failed in transit (5xx, timeout, lost reply) or met a 409 (another job holds the
 *   product, perhaps our own first attempt's) is never repeated blindly: the next round reads the
 *   offer back. What the request meant to write and now is there → it took effect (the diff is
 *   empty, and a submission it made is followed); still as before → it is sent again; changed
 *   into something else → CONCURRENT_CHANGE, nothing is written over it;
 * - a job that failed because a submission is in progress, or because the product was locked, is
 *   decided again from a fresh read too.
 *
 * Re-runs are idempotent for the same reason: a run whose manifest the offer already holds sends
 * nothing.
 */
import { PublishError } from '../../errors.js'
import { redact } from '../../http/redact.js'
import type { ProductIngestionApi } from '../../product-ingestion/api.js'
import type { ConfigureStatus, Resource, SubmissionEntry } from '../../product-ingestion/types.js'
import { SUBMISSION_POLL } from '../backoff.js'
import { partnerCenterUrl } from '../result.js'
import { sameContent } from './compare.js'
import { offerDiff } from './diff.js'
import { errorCodes, errorText, failure, problemsOf } from './job-errors.js'
import { sendConfigure, waitForJob } from './job.js'
import type { PiRun } from './pi-run.js'
import { sourceMap, type SourceMap } from './sources.js'
import { entryOf, inFlight, productGuid, readOfferState, type OfferState } from './state.js'
import { conflictError, describe, followSubmission, liveSubmission } from './submissions.js'
import type { PlannedWrite } from './writes.js'

/** Sends of one request in all, the first included, while each failure is ambiguous (as write-once). */
const MAX_SENDS = 6
/** Wait before reading back after an ambiguous failure, doubled each time. */
const RESEND_AFTER_MS = 2_000

export type Purpose = 'draft' | 'preview' | 'live'

export type Step =
  /** The target shows the manifest (`submission`: the preview or live submission that does). */
  | { kind: 'done'; reached: Purpose; submission?: SubmissionEntry }
  /** A submission is in flight: follow it to its end (`own`: this release's), then read again. */
  | { kind: 'follow'; submission: SubmissionEntry; own: boolean }
  /** One configure request: the changed resources and/or a submission. */
  | { kind: 'send'; purpose: Purpose; resources: Resource[]; writes: PlannedWrite[] }

export interface Round {
  state: OfferState
  /** The resources that differ from the manifest in the draft. */
  writes: PlannedWrite[]
  /**
   * A job of this run failed because someone else's submission was in progress: a submission in
   * flight is theirs, not one this release made earlier.
   */
  othersPublishing: boolean
}

export type Decide = (round: Round) => Promise<Step>

export async function converge(
  run: PiRun,
  api: ProductIngestionApi,
  decide: Decide
): Promise<void> {
  const recorded = new Set<string>()
  const warned = new Set<string>()
  let pending: PlannedWrite[] | undefined
  let sends = 0
  let lockWait = SUBMISSION_POLL.initialMs
  let carried: Step | undefined
  let othersPublishing = false
  let state: OfferState | undefined
  let where: SourceMap | undefined
  /** Another job holds the product: wait a little longer each time, within the budget. */
  const waitForLock = async (): Promise<void> => {
    await sleepWithin(run, lockWait, budgetError(run, 'another configure job to release the offer'))
    lockWait = Math.min(SUBMISSION_POLL.maxMs, lockWait * SUBMISSION_POLL.factor)
  }

  for (;;) {
    let step = carried
    carried = undefined
    if (!step || !state || !where) {
      state = await readOfferState(api, run.offer.offerId)
      noteProduct(run, state.productId)
      const writes = offerDiff(run.offer, state.draft, message => {
        if (!warned.has(message)) run.warn(message)
        warned.add(message)
      })
      if (pending) checkOwnWrites(run, pending, writes)
      pending = undefined
      where = sourceMap(run.offer, writes, state.draft)
      step = await decide({ state, writes, othersPublishing })
      if (run.dryRun) return planOnly(run, step)
    }

    if (step.kind === 'done') return finish(run, step.reached, step.submission?.id)
    if (step.kind === 'follow') {
      if (step.own && !recorded.has(step.submission.id)) {
        recorded.add(step.submission.id)
        run.record({
          action: 'adopt',
          subject: `submission ${step.submission.id} (${describe(step.submission)})`
        })
      }
      if (step.own && !run.deps.settings.wait) return finish(run, 'submitted', step.submission.id)
      const productId = state.productId as string
      if (!step.own)
        run.log(
          `waiting for submission ${step.submission.id} (${describe(step.submission)}) to finish`
        )
      await followSubmission(run, api, productId, step.submission, step.own)
      continue
    }

    record(run, step, recorded)
    run.beforeWrite(`sending the configure request (${step.purpose})`)
    const knownPreview = entryOf(state.submissions, 'preview')?.id
    const sent = await sendConfigure(run, api, step.resources, where)
    if (sent.kind === 'ambiguous') {
      sends++
      if (sends >= MAX_SENDS) throw sent.error
      pending = step.writes
      const wait = RESEND_AFTER_MS * 2 ** (sends - 1)
      run.log(
        `the configure request failed in transit (${sent.error.message}); reading the offer back`
      )
      await sleepWithin(run, wait, sent.error)
      continue
    }
    if (sent.kind === 'locked') {
      pending = step.writes
      run.log('another configure job is processing this offer: waiting for it to finish')
      await waitForLock()
      continue
    }

    let started: SubmissionEntry | undefined
    const job = await waitForJob(run, api, sent.job, {
      label: step.purpose,
      enough:
        step.purpose !== 'draft' && !run.deps.settings.wait
          ? async () => {
              started = await newSubmission(api, run.offer.offerId, step.purpose, knownPreview)
              return started !== undefined
            }
          : undefined
    })
    if (started) return finish(run, 'submitted', started.id)
    if (String(job.jobResult).toLowerCase() !== 'succeeded') {
      const retry = classifyFailure(run, job, where)
      pending = step.writes
      if (retry === 'locked') await waitForLock()
      else {
        othersPublishing = true
        const flight = state.productId && inFlight(await api.listSubmissions(state.productId))
        if (flight && run.deps.settings.onConflict === 'fail') throw conflictError(run, flight)
      }
      continue
    }
    if (step.purpose === 'draft') return finish(run, 'draft')
    // A promotion names the preview submission it took live.
    if (step.purpose === 'live') return finish(run, 'live', String(step.resources[0].id))

    const productId = state.productId ?? (await createdProduct(api, job))
    noteProduct(run, productId)
    const preview = entryOf(await api.listSubmissions(productId, 'preview'), 'preview')
    if (run.deps.settings.target === 'live' && preview) {
      carried = {
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

/** The product's GUID, the Partner Center link. */
function noteProduct(run: PiRun, productId: string | undefined): void {
  if (!productId || run.result.productId) return
  run.result.productId = productGuid(productId)
  run.log(`product ${productId}`)
  run.result.partnerCenterUrl = partnerCenterUrl(run.result.productId)
}

function finish(run: PiRun, reached: Purpose | 'submitted', submissionId?: string): void {
  if (submissionId) run.result.submissionId = submissionId
  run.result.status = run.result.changes.length === 0 ? 'unchanged' : reached
  if (run.result.status === 'unchanged')
    run.log(
      `nothing to change: ${reached === 'draft' ? 'the draft' : `the ${reached}`} already shows the manifest`
    )
}

/** The changes of a step, each once even when the request is sent again. */
function record(run: PiRun, step: Extract<Step, { kind: 'send' }>, recorded: Set<string>): void {
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
function planOnly(run: PiRun, step: Step): void {
  run.result.status = 'planned'
  if (step.kind === 'send') return record(run, step, new Set())
  if (step.kind === 'follow')
    run.log(
      `would wait for submission ${step.submission.id} (${describe(step.submission)}), then compare again`
    )
  else run.log(`nothing to change: the ${step.reached} already shows the manifest`)
}

/**
 * After a request whose outcome is unknown: each resource it meant to write is either there as
 * meant (no write left for it), or still as it was read (the same write again); anything else is
 * someone else's change.
 */
function checkOwnWrites(run: PiRun, sent: PlannedWrite[], now: PlannedWrite[]): void {
  for (const write of sent) {
    const again = now.find(w => w.subject === write.subject)
    if (!again) continue
    const unchanged =
      write.before && again.before
        ? sameContent(write.before, again.before)
        : !write.before && !again.before
    if (unchanged) continue
    throw new PublishError(
      'CONCURRENT_CHANGE',
      `Could not update the ${write.subject} of offer "${run.offer.offerId}": someone else changed it after this run read it. This run wrote nothing over their change.`,
      {
        offerId: run.offer.offerId,
        source: write.source,
        hint: 'Another change is in progress for this offer (perhaps from Partner Center or a concurrent run); wait for it to finish and run again.'
      }
    )
  }
}

/**
 * Why a job failed, when reading again can fix it: the product was locked by another job, or a
 * submission was in progress (or not the latest); otherwise the error with every problem at its
 * manifest line (a certification failure is SUBMISSION_FAILED).
 */
function classifyFailure(
  run: PiRun,
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

/** With `wait: false`: the submission a publishing job has made, once it exists. */
async function newSubmission(
  api: ProductIngestionApi,
  offerId: string,
  purpose: Purpose,
  knownPreview: string | undefined
): Promise<SubmissionEntry | undefined> {
  const product = await api.findProduct(offerId)
  if (!product?.id) return undefined
  const target = purpose === 'live' ? 'live' : 'preview'
  const entry = entryOf(await api.listSubmissions(product.id, target), target)
  if (!entry) return undefined
  return purpose === 'live' || entry.id !== knownPreview ? entry : undefined
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

async function sleepWithin(run: PiRun, ms: number, error: PublishError): Promise<void> {
  if (run.deps.clock.now() + ms > run.deps.deadline) throw error
  await run.deps.clock.sleep(ms, run.deps.signal)
}

function budgetError(run: PiRun, what: string): PublishError {
  return new PublishError(
    'TIME_BUDGET_EXCEEDED',
    `Gave up waiting for ${what}: the time budget ran out.`,
    {
      offerId: run.offer.offerId,
      hint: 'Raise `timeout-minutes`, or run again once the other change is done.'
    }
  )
}
