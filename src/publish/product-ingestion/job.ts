/**
 * One configure request and its job (product-ingestion.md §4.1–§4.2, §7). The POST is never
 * repeated blindly (a replay starts a second job, §4.8): what its failure means is returned, and
 * the driver reads the offer back before deciding anything (offer.ts). A 409 means another job
 * holds the product. The job is polled with backoff through the run's clock; a status read that
 * fails in transit counts as "still running" (cloudpub does the same) until the time budget ends.
 */
import { PublishError, isPublishError } from '../../errors.js'
import type { ProductIngestionApi } from '../../product-ingestion/api.js'
import type { ConfigureStatus, Resource } from '../../product-ingestion/types.js'
import { SUBMISSION_POLL, pollUntil } from '../backoff.js'
import { isAmbiguous } from '../create-once.js'
import { failure, problemsOf } from './job-errors.js'
import type { PiRun } from './pi-run.js'
import type { SourceMap } from './sources.js'
import { noteState } from '../timeline.js'
import { isCompleted } from './state.js'

export type Sent =
  | { kind: 'accepted'; job: ConfigureStatus }
  /** It may have taken effect: read the offer back. */
  | { kind: 'ambiguous'; error: PublishError }
  /** 409: another job is processing the product; wait, then read the offer back. */
  | { kind: 'locked'; error: PublishError }

export async function sendConfigure(
  run: PiRun,
  api: ProductIngestionApi,
  resources: Resource[],
  where: SourceMap
): Promise<Sent> {
  try {
    return { kind: 'accepted', job: await api.configure(resources) }
  } catch (error) {
    if (isAmbiguous(error)) return { kind: 'ambiguous', error: error as PublishError }
    if (!isPublishError(error) || error.code !== 'HTTP_STATUS') throw error
    if (error.details.status === 409) return { kind: 'locked', error }
    const details = error.details.serviceDetails
    if (error.details.status !== 400 || !details?.length) throw error
    throw failure(
      'CONFIGURE_FAILED',
      `Partner Center refused the configure request of offer "${run.offer.offerId}": ${error.message}`,
      problemsOf(details, where),
      {
        offerId: run.offer.offerId,
        hint: 'Fix the manifest fields named below; nothing was changed in Partner Center.',
        ...(error.details.requestId ? { requestId: error.details.requestId } : {})
      }
    )
  }
}

export interface JobWait {
  /** `draft`, `preview` or `live`: the timeline's label for a publish. */
  label: string
  /** Checked on every poll while the job runs; the wait ends when it resolves true. */
  enough?: () => Promise<boolean>
}

/** Polls the job until it completes (or `enough`); the status read last. */
export async function waitForJob(
  run: PiRun,
  api: ProductIngestionApi,
  job: ConfigureStatus,
  wait: JobWait
): Promise<ConfigureStatus> {
  let last = job
  let stop = false
  observe(run, wait.label, job)
  return pollUntil({
    clock: run.deps.clock,
    signal: run.deps.signal,
    deadline: run.deps.deadline,
    policy: SUBMISSION_POLL,
    what: `configure job ${job.jobId} to complete`,
    read: async () => {
      try {
        last = await api.getJobStatus(job.jobId)
      } catch (error) {
        if (!isAmbiguous(error)) throw error
        run.log(`reading configure job ${job.jobId} failed in transit: still waiting`)
      }
      if (!isCompleted(last.jobStatus) && wait.enough) stop = await wait.enough()
      return last
    },
    done: status => isCompleted(status.jobStatus) || stop,
    onValue: status => observe(run, wait.label, status)
  })
}

/** A timeline entry per state of a publishing job (`preview: running/pending`). */
function observe(run: PiRun, label: string, status: ConfigureStatus): void {
  if (label !== 'draft')
    noteState(
      run,
      `${label}: ${status.jobStatus}/${status.jobResult}`,
      `configure job ${status.jobId}`
    )
}
