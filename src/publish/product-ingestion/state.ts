/**
 * What Partner Center holds for one offer, read before each decision: the product (found by the
 * offer ID), its draft resources and its submissions. After a write whose outcome is unknown,
 * the same read is how the run learns what the write did.
 */
import { isPublishError } from '../../errors.js'
import type { ProductIngestionApi } from '../../product-ingestion/api.js'
import type { SubmissionEntry, TargetType } from '../../product-ingestion/types.js'
import { ResourceIndex } from './resource-index.js'

export interface OfferState {
  /** `product/<pg>`; absent when the offer does not exist yet. */
  productId?: string
  draft: ResourceIndex
  /** The draft `…/0`, the latest preview and the live submission (§6). */
  submissions: SubmissionEntry[]
}

export async function readOfferState(
  api: ProductIngestionApi,
  offerId: string
): Promise<OfferState> {
  const product = await api.findProduct(offerId)
  if (!product?.id) return { draft: ResourceIndex.empty(), submissions: [] }
  const [tree, submissions] = await Promise.all([
    api.getResourceTree(product.id, 'draft'),
    api.listSubmissions(product.id)
  ])
  return { productId: product.id, draft: new ResourceIndex(tree.resources), submissions }
}

/** The resources a target shows; undefined when nothing was published there yet (404). */
export async function readTarget(
  api: ProductIngestionApi,
  productId: string,
  target: TargetType
): Promise<ResourceIndex | undefined> {
  try {
    return new ResourceIndex((await api.getResourceTree(productId, target)).resources)
  } catch (error) {
    if (isPublishError(error) && error.details.status === 404) return undefined
    throw error
  }
}

/** The GUID of a product durable id: the same GUID the Ingestion API and Partner Center use (§3.1). */
export function productGuid(productId: string): string {
  return productId.replace(/^product\//i, '')
}

/** A submission still running (a preview certifying, or going live), which blocks another publish. */
export function inFlight(submissions: readonly SubmissionEntry[]): SubmissionEntry | undefined {
  return submissions.find(
    s => s.target.targetType !== 'draft' && s.status !== undefined && !isCompleted(s.status)
  )
}

export function entryOf(
  submissions: readonly SubmissionEntry[],
  target: 'preview' | 'live'
): SubmissionEntry | undefined {
  return submissions.find(s => s.target.targetType === target)
}

/** `completed`, compared case-insensitively (the docs' tables capitalise values, §4.2). */
export function isCompleted(status: string | undefined): boolean {
  return String(status).toLowerCase() === 'completed'
}

export function succeeded(entry: { result?: string; jobResult?: string } | undefined): boolean {
  return String(entry?.result ?? entry?.jobResult).toLowerCase() === 'succeeded'
}
