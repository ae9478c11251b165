/**
 * Submissions of a product-ingestion offer (product-ingestion.md §6, §7 B–C): the submission
 * resources that publish the draft to preview and promote a preview to live, and following a
 * submission in flight to its end.
 */
import { PublishError } from '../../errors.js'
import type { ProductIngestionApi } from '../../product-ingestion/api.js'
import { schemaUri, WRITE_VERSIONS } from '../../product-ingestion/schema.js'
import type { Resource, ResourceRef, SubmissionEntry } from '../../product-ingestion/types.js'
import { SUBMISSION_POLL, pollUntil } from '../backoff.js'
import type { OfferIdentity } from '../../manifest/model.js'
import type { OfferRun } from '../context.js'
import { isCompleted, succeeded } from './state.js'
import { noteState } from '../timeline.js'

/** The submission resource that publishes the draft to preview: the whole draft, or with the request's resources (§7 A.6). */
export function previewSubmission(product: ResourceRef): Resource {
  return {
    $schema: schemaUri('submission', WRITE_VERSIONS.submission),
    product,
    target: { targetType: 'preview' }
  }
}

/** The submission resource that promotes a preview submission, by its id, to live (§7 B). */
export function liveSubmission(preview: SubmissionEntry, product: string): Resource {
  return {
    $schema: schemaUri('submission', WRITE_VERSIONS.submission),
    id: preview.id,
    product,
    target: { targetType: 'live' }
  }
}

/**
 * Polls a submission until its phase (`preview` or `live`) completes; a failed one (certification)
 * is SUBMISSION_FAILED when `own`, else the caller carries on from a fresh read.
 */
export async function followSubmission(
  run: OfferRun<OfferIdentity>,
  api: ProductIngestionApi,
  productId: string,
  submission: SubmissionEntry,
  own: boolean
): Promise<SubmissionEntry> {
  const target = submission.target.targetType as 'preview' | 'live'
  const final = await pollUntil({
    clock: run.deps.clock,
    signal: run.deps.signal,
    deadline: run.deps.deadline,
    policy: SUBMISSION_POLL,
    what: `submission ${submission.id} to reach ${target}`,
    read: async () =>
      (await api.listSubmissions(productId, target)).find(s => s.id === submission.id) ?? {
        ...submission,
        status: 'completed',
        result: 'superseded'
      },
    done: s => isCompleted(s.status),
    onValue: s => observe(run, s)
  })
  if (own && !succeeded(final) && final.result !== 'superseded') throw submissionFailed(run, final)
  return final
}

/** SUBMISSION_FAILED: the submission's preview (certification) or live phase failed. */
export function submissionFailed(run: OfferRun<OfferIdentity>, s: SubmissionEntry): PublishError {
  return new PublishError(
    'SUBMISSION_FAILED',
    `Submission ${s.id} of offer "${run.offer.offerId}" failed (${describe(s)}).`,
    {
      offerId: run.offer.offerId,
      hint: 'Open the offer in Partner Center for the certification report, fix it and run again.'
    }
  )
}

/** A timeline entry per state of a submission (`preview: running/pending`). */
export function observe(run: OfferRun<OfferIdentity>, s: SubmissionEntry): void {
  noteState(run, describe(s), `submission ${s.id}`)
}

/** SUBMISSION_CONFLICT: someone else's submission is in progress and `on-conflict` is `fail`. */
export function conflictError(run: OfferRun<OfferIdentity>, s: SubmissionEntry): PublishError {
  return new PublishError(
    'SUBMISSION_CONFLICT',
    `Submission ${s.id} of offer "${run.offer.offerId}" is still in progress (${describe(s)}).`,
    {
      offerId: run.offer.offerId,
      hint: 'Set `on-conflict: wait` to wait for it, or let it finish in Partner Center, then run again.'
    }
  )
}

/** `preview: running/pending`. */
export function describe(s: SubmissionEntry): string {
  return `${s.target.targetType}: ${s.status}/${s.result}`
}
