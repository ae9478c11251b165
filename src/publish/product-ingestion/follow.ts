/**
 * Follow for the offers of the product-ingestion API (SaaS, virtual machines, containers): the
 * FollowDriver of src/publish/follow.ts, which needs only the offer's identity (no manifest
 * content, no version).
 *
 * - The newest submission is the latest preview (product-ingestion.md §6): `GET submission/<pg>`
 *   lists it beside the live one, which is the same submission once it was promoted. Its stage
 *   comes from the phase it is in: preview running → pending; preview succeeded and not live →
 *   ready to promote; live running → publishing; live succeeded → live; a failed phase → failed.
 * - Waiting polls that phase of that submission as a publish does (submissions.ts).
 * - The promote is the publish's own step: converge.ts sends one configure with the submission
 *   resource that takes the preview live by its id (§7 B), under the write rule of every write
 *   (configure-once.ts over write-once.ts), and waits for its job as `wait` says. Its reading is
 *   the submissions alone: follow never reads or writes the draft, so a promote is all it sends.
 */
import type { OfferIdentity } from '../../manifest/model.js'
import { isProductIngestionType } from '../../manifest/model-product-ingestion.js'
import type { SubmissionEntry } from '../../product-ingestion/types.js'
import type { OfferRun } from '../context.js'
import type { FollowDriver, FollowedSubmission, SubmissionStage } from '../follow.js'
import { converge, type Decide, type ReadOffer } from './converge.js'
import { refuseOtherType } from './diff.js'
import { noteProduct, productIngestionApi } from './pi-run.js'
import { ResourceIndex } from './resource-index.js'
import { entryOf, isCompleted, succeeded } from './state.js'
import { followSubmission, liveSubmission, observe, submissionFailed } from './submissions.js'

interface PiFollowed extends FollowedSubmission {
  /** The entry of the phase the submission is in (its preview, or its live one once promoted). */
  entry: SubmissionEntry
}

export const productIngestionFollow: FollowDriver<PiFollowed> = {
  latest,
  async waitFor(run, s, target) {
    const phase = { ...s.entry, target: { targetType: target } }
    const final = await followSubmission(run, productIngestionApi(run), s.productId, phase, true)
    // Gone from that phase's list: a newer submission replaced it; report where that one is.
    if (final.result === 'superseded') return (await latest(run)) ?? s
    return followed(s.productId, final)
  },
  promote: (run, s) =>
    converge(run, productIngestionApi(run), promoting(s), submissionsOnly(run, s.productId)),
  failure: async (run, s) => {
    throw submissionFailed(run, s.entry)
  }
}

async function latest(run: OfferRun<OfferIdentity>): Promise<PiFollowed | undefined> {
  const api = productIngestionApi(run)
  const product = await api.findProduct(run.offer.offerId)
  if (!product?.id) return undefined
  const { offer } = run
  // follow.ts gives this driver the offers of the product-ingestion API only.
  if (isProductIngestionType(offer.type)) refuseOtherType({ ...offer, type: offer.type }, product)
  noteProduct(run, product.id)
  const found = newest(product.id, await api.listSubmissions(product.id))
  if (found) observe(run, found.entry)
  return found
}

/** The latest preview, as its live entry once it was promoted; undefined when there is none. */
function newest(productId: string, submissions: SubmissionEntry[]): PiFollowed | undefined {
  const preview = entryOf(submissions, 'preview')
  const live = entryOf(submissions, 'live')
  const entry = live && (!preview || live.id === preview.id) ? live : preview
  return entry && followed(productId, entry)
}

function followed(productId: string, entry: SubmissionEntry): PiFollowed {
  // The id is the durable id, `submission/<product>/<number>`, as a publish records it.
  return { productId, id: entry.id, subject: entry.id, stage: stageOf(entry), entry }
}

/** §6: preview running → certified (or failed) → live running → live (or failed). */
export function stageOf(entry: SubmissionEntry): SubmissionStage {
  const live = entry.target.targetType === 'live'
  if (!isCompleted(entry.status)) return live ? 'publishing' : 'pending'
  if (!succeeded(entry)) return 'failed'
  return live ? 'live' : 'preview'
}

/**
 * What converge decides from for a promote: the submissions, and no draft and no manifest (a
 * problem the service names is the offer's).
 */
function submissionsOnly(run: OfferRun<OfferIdentity>, productId: string): ReadOffer {
  const api = productIngestionApi(run)
  const offerPlace = { source: run.offer.source, subject: `offer ${run.offer.offerId}` }
  return async () => ({
    state: {
      productId,
      draft: ResourceIndex.empty(),
      submissions: await api.listSubmissions(productId)
    },
    writes: [],
    held: [],
    where: () => offerPlace
  })
}

/**
 * Promote `s` while it is the ready preview; once it is on its way to live (this request, or a
 * read-back that found it applied) there is nothing more to send. A newer submission in the
 * meantime is not this run's to promote: follow reports it instead.
 */
function promoting(s: PiFollowed): Decide {
  return async ({ state }) => {
    const now = newest(s.productId, state.submissions)
    if (now?.id === s.id && now.stage === 'preview')
      return {
        kind: 'send',
        purpose: 'live',
        resources: [liveSubmission(now.entry, s.productId)],
        writes: []
      }
    return { kind: 'done', reached: 'live' }
  }
}
