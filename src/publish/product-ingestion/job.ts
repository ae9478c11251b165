/**
 * Waiting for a configure job (product-ingestion.md §4.2, §7): polled with backoff through the
 * run's clock; a status read that fails in transit counts as "still running" (cloudpub does the
 * same, and so does every poll: backoff.ts) until the time budget ends. The request that starts
 * the job is configure-once.ts's.
 */
import type { ProductIngestionApi } from '../../product-ingestion/api.js'
import type { ConfigureStatus } from '../../product-ingestion/types.js'
import { SUBMISSION_POLL, pollUntil } from '../backoff.js'
import { noteState } from '../timeline.js'
import type { OfferIdentity } from '../../manifest/model.js'
import type { OfferRun } from '../context.js'
import { isCompleted } from './state.js'

export interface JobWait {
  /** `draft`, `preview` or `live`: the timeline's label for a publish. */
  label: string
  /** Checked on every poll while the job runs; the wait ends when it resolves true. */
  enough?: () => Promise<boolean>
}

/** Polls the job until it completes (or `enough`); the status read last. */
export async function waitForJob(
  run: OfferRun<OfferIdentity>,
  api: ProductIngestionApi,
  job: ConfigureStatus,
  wait: JobWait
): Promise<ConfigureStatus> {
  let stop = false
  observe(run, wait.label, job)
  return pollUntil({
    clock: run.deps.clock,
    signal: run.deps.signal,
    deadline: run.deps.deadline,
    policy: SUBMISSION_POLL,
    what: `configure job ${job.jobId} to complete`,
    read: async () => {
      const status = await api.getJobStatus(job.jobId)
      if (!isCompleted(status.jobStatus) && wait.enough) stop = await wait.enough()
      return status
    },
    onReadFailed: () =>
      run.log(`reading configure job ${job.jobId} failed in transit: still waiting`),
    done: status => isCompleted(status.jobStatus) || stop,
    onValue: status => observe(run, wait.label, status)
  })
}

/** A timeline entry per state of a publishing job (`preview: running/pending`). */
function observe(run: OfferRun<OfferIdentity>, label: string, status: ConfigureStatus): void {
  if (label !== 'draft')
    noteState(
      run,
      `${label}: ${status.jobStatus}/${status.jobResult}`,
      `configure job ${status.jobId}`
    )
}
