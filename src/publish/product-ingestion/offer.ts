/**
 * The product-ingestion driver of the publish sequence (src/publish/offer.ts picks it for saas,
 * azure-virtual-machine and azure-container offers): one diff per offer, one configure request
 * with only the changed resources (plus the submission when the target is preview or live),
 * then the job, then the promotion to live (product-ingestion.md §7 A–B). converge.ts runs the
 * rounds; this module decides each round's step for the run's target:
 *
 * - draft: the changed resources, no submission;
 * - preview: the changed resources with a preview submission; nothing changed → the draft again
 *   unless the preview already shows it;
 * - live: preview first, then the preview submission promoted by its id.
 *
 * A submission in flight blocks a publish: with changes to send it is someone else's (fail, or
 * wait with `on-conflict: wait`); with none, the draft already holds the manifest and the
 * submission in flight is followed (an earlier attempt of this release, or the same content).
 *
 * An offer the target already shows is `unchanged`, with what was compared (`comparedWith`): the
 * draft under `target: draft`; otherwise the latest preview submission, whose resource tree shows
 * the manifest (under `target: live`, the live submission when it is that same submission).
 */
import type { ProductIngestionApi } from '../../product-ingestion/api.js'
import type { SubmissionEntry } from '../../product-ingestion/types.js'
import { converge, draftReading, type Round, type Step } from './converge.js'
import { NEW_PRODUCT, offerDiff } from './diff.js'
import { productIngestionApi, type PiRun } from './pi-run.js'
import { entryOf, inFlight, isCompleted, readTarget, succeeded } from './state.js'
import { conflictError, describe, liveSubmission, previewSubmission } from './submissions.js'

export { isProductIngestionRun } from './pi-run.js'

export async function publishProductIngestionOffer(run: PiRun): Promise<void> {
  const api = productIngestionApi(run)
  await converge(run, api, round => nextStep(run, api, round), draftReading(run, api))
}

async function nextStep(run: PiRun, api: ProductIngestionApi, round: Round): Promise<Step> {
  const { state, writes } = round
  const { target, onConflict } = run.deps.settings
  const flight = inFlight(state.submissions)
  const product = state.productId ?? { resourceName: NEW_PRODUCT }
  if (writes.length) {
    if (target === 'draft')
      return { kind: 'send', purpose: 'draft', resources: resources(writes), writes }
    if (flight) {
      if (onConflict === 'fail') throw conflictError(run, flight)
      return { kind: 'follow', submission: flight, own: false }
    }
    return {
      kind: 'send',
      purpose: 'preview',
      resources: [...resources(writes), previewSubmission(product)],
      writes
    }
  }
  if (target === 'draft' || !state.productId)
    return {
      kind: 'done',
      reached: 'draft',
      comparedWith: { state: 'draft', compared: round.held }
    }
  if (flight) return { kind: 'follow', submission: flight, own: !round.othersPublishing }

  const productId = state.productId
  const preview = entryOf(state.submissions, 'preview')
  const held =
    preview !== undefined && isCompleted(preview.status) && succeeded(preview)
      ? await heldByPreview(run, api, productId)
      : undefined
  if (!preview || !held) {
    return { kind: 'send', purpose: 'preview', resources: [previewSubmission(productId)], writes }
  }
  if (target === 'preview') return done('preview', preview, held)
  const live = entryOf(state.submissions, 'live')
  if (live?.id === preview.id && isCompleted(live.status) && succeeded(live))
    return done('live', live, held)
  return { kind: 'send', purpose: 'live', resources: [liveSubmission(preview, productId)], writes }
}

/**
 * What the latest preview holds as the manifest states it (the same diff, against its tree), when
 * it shows the whole manifest; undefined when it does not.
 */
async function heldByPreview(
  run: PiRun,
  api: ProductIngestionApi,
  productId: string
): Promise<string[] | undefined> {
  const tree = await readTarget(api, productId, 'preview')
  if (!tree) return undefined
  try {
    const { writes, held } = offerDiff(run.offer, tree, () => undefined)
    return writes.length === 0 ? held : undefined
  } catch {
    // A problem of the manifest against an older state (a plan not published yet) means "no".
    return undefined
  }
}

/** The target shows the manifest: its submission, and what was compared (the preview's tree). */
function done(reached: 'preview' | 'live', submission: SubmissionEntry, held: string[]): Step {
  return {
    kind: 'done',
    reached,
    submission,
    comparedWith: { submissionId: submission.id, state: describe(submission), compared: held }
  }
}

function resources(writes: Round['writes']) {
  return writes.map(w => w.resource)
}
