/**
 * Configure jobs as a function of time (product-ingestion.md §4.1–§4.4, §6): notStarted → running
 * → completed with succeeded, failed or cancelled. A job's draft edits apply at `processAt`; a job
 * that publishes stays running until its submission ends, as cloudpub's week-long wait on the job
 * implies (§11 q7). Jobs are processed lazily, in the order they arrived, by `settle(now)` before
 * every request, each as of its own `processAt`: the outcome does not depend on when it is read.
 */
import { NOT_ENDED, serviceTime } from './context.js'
import type { JobError } from './errors.js'
import { liveDoneAt, previewDoneAt, previewState } from './submissions.js'
import type { JobRecord, Json, PiStore } from './store.js'

export type JobStatus = 'notStarted' | 'running' | 'completed'
export type JobResult = 'pending' | 'succeeded' | 'failed' | 'cancelled'

export interface JobState {
  status: JobStatus
  result: JobResult
  endedAt?: number
  errors: JobError[]
}

/** A publishing job lasts as long as its submission's phase, read at `speed` (submissions.ts). */
export function jobState(store: PiStore, job: JobRecord, now: number, speed: number): JobState {
  if (job.cancelledAt !== undefined) {
    return { status: 'completed', result: 'cancelled', endedAt: job.cancelledAt, errors: [] }
  }
  if (now < job.startAt) return { status: 'notStarted', result: 'pending', errors: [] }
  if (!job.outcome) return { status: 'running', result: 'pending', errors: [] }

  const { errors, publishes } = job.outcome
  let endedAt = job.processAt
  let certificationError: JobError | undefined
  if (publishes) {
    const record = store.products
      .find(p => p.guid === publishes.product)
      ?.submissions.find(s => s.number === publishes.number)
    if (record) {
      endedAt =
        publishes.target === 'live' ? liveDoneAt(record, speed)! : previewDoneAt(record, speed)
      if (publishes.target === 'preview' && previewState(record, now, speed).result === 'failed')
        certificationError = certificationFailure(
          `submission/${publishes.product}/${record.number}`
        )
    }
  }
  if (now < endedAt) return { status: 'running', result: 'pending', errors: [] }
  const all = certificationError ? [...errors, certificationError] : errors
  return { status: 'completed', result: all.length ? 'failed' : 'succeeded', endedAt, errors: all }
}

/** cloudpub's `cert_error_failure` fixture (catalogue §5): two nested `invalidState` levels. */
function certificationFailure(resourceId: string): JobError {
  return {
    code: 'internalServerError',
    message: 'Operation failed',
    resourceId,
    details: [
      {
        code: 'invalidState',
        message: 'Certification',
        details: [
          { code: 'invalidState', message: 'Issues found during Certification.', details: [] }
        ]
      }
    ]
  }
}

/** The configure-status body (§4.2). */
export function statusBody(
  store: PiStore,
  job: JobRecord,
  schema: string,
  now: number,
  speed: number
): Json {
  const state = jobState(store, job, now, speed)
  return {
    $schema: schema,
    jobId: job.jobId,
    jobStatus: state.status,
    jobResult: state.result,
    jobStart: serviceTime(job.createdAt),
    jobEnd: state.endedAt === undefined ? NOT_ENDED : serviceTime(state.endedAt),
    // The documented value points at the service's own host, not the Graph URL a client calls:
    // a client must not follow it (here it leads off the emulator, as it would in production).
    ...(state.status === 'notStarted'
      ? {}
      : { resourceUri: `https://product-ingestion.mp.microsoft.com/configure/${job.jobId}` }),
    errors: state.errors
  }
}

/** A job holds its products until its draft edits are applied (or it is cancelled). */
export function holdingJob(store: PiStore, products: string[], now: number): JobRecord | undefined {
  return store.jobs.find(
    job =>
      job.cancelledAt === undefined &&
      now < job.processAt &&
      job.products.some(guid => products.includes(guid))
  )
}

/** Processes every job whose time has come, in `processAt` order; true when any was processed. */
export function settle(
  store: PiStore,
  now: number,
  process: (job: JobRecord) => NonNullable<JobRecord['outcome']>
): boolean {
  let changed = false
  const due = store.jobs.filter(
    job => !job.outcome && job.cancelledAt === undefined && job.processAt <= now
  )
  for (const job of due.sort((a, b) => a.processAt - b.processAt)) {
    job.outcome = process(job)
    changed = true
  }
  return changed
}
