/**
 * The two steps a run that follows an offer (rather than publishes it) needs, for the offers of
 * the product-ingestion API: the submission in flight and its state, and promoting a preview that
 * is ready. Both read the offer first and write only what the state asks for.
 */
import type { ProductIngestionApi } from '../../product-ingestion/api.js'
import type { SubmissionEntry } from '../../product-ingestion/types.js'
import { converge } from './converge.js'
import { productIngestionApi, type PiRun } from './pi-run.js'
import { entryOf, inFlight, isCompleted, succeeded } from './state.js'
import { liveSubmission } from './submissions.js'

export interface SubmissionInFlight {
  /** `product/<pg>`. */
  productId: string
  /** `target.targetType` preview or live, `status`/`result` as the service reports them. */
  submission: SubmissionEntry
}

/** The offer's submission still running (certifying for preview, or going live), if any. */
export async function findSubmissionInFlight(
  api: ProductIngestionApi,
  offerId: string
): Promise<SubmissionInFlight | undefined> {
  const product = await api.findProduct(offerId)
  if (!product?.id) return undefined
  const submission = inFlight(await api.listSubmissions(product.id))
  return submission && { productId: product.id, submission }
}

/**
 * Promotes the offer's certified preview to live and waits (per `wait`) for it; the result says
 * `unchanged` when there was nothing to promote (no ready preview, or it is live already).
 */
export async function promotePreview(run: PiRun): Promise<void> {
  await converge(run, productIngestionApi(run), async ({ state }) => {
    const preview = entryOf(state.submissions, 'preview')
    const live = entryOf(state.submissions, 'live')
    const flight = inFlight(state.submissions)
    if (flight) return { kind: 'follow', submission: flight, own: true }
    if (!state.productId || !preview || !isCompleted(preview.status) || !succeeded(preview))
      return { kind: 'done', reached: 'preview' }
    if (live?.id === preview.id) return { kind: 'done', reached: 'live', submission: live }
    return {
      kind: 'send',
      purpose: 'live',
      resources: [liveSubmission(preview, state.productId)],
      writes: []
    }
  })
}
