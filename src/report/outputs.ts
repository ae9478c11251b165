/**
 * The action's outputs. With several offers, the single-value outputs describe the first offer
 * and `status` is the worst status of all; `result` has every offer, `offers` their IDs.
 */
import { worstStatus, type OfferResult } from '../publish/result.js'

export const OUTPUT_NAMES = [
  'product-id',
  'submission-id',
  'status',
  'release-number',
  'partner-center-url',
  'preview-links',
  'result',
  'offers'
] as const
export type OutputName = (typeof OUTPUT_NAMES)[number]

export function outputValues(results: readonly OfferResult[]): Record<OutputName, string> {
  const first = results[0]
  return {
    'product-id': first?.productId ?? '',
    'submission-id': first?.submissionId ?? '',
    status: worstStatus(results.map(r => r.status)),
    'release-number': first?.releaseNumber === undefined ? '' : String(first.releaseNumber),
    'partner-center-url': first?.partnerCenterUrl ?? '',
    'preview-links': (first?.previewLinks ?? []).join('\n'),
    result: JSON.stringify(results.map(resultEntry)),
    offers: offerList(results.map(r => r.offerId))
  }
}

/** The `offers` output: a JSON array of offer IDs, for `strategy.matrix` (`mode: list`). */
export function offerList(offerIds: readonly string[]): string {
  return JSON.stringify(offerIds)
}

function resultEntry(r: OfferResult): Record<string, unknown> {
  return {
    offerId: r.offerId,
    productId: r.productId ?? null,
    submissionId: r.submissionId ?? null,
    status: r.status,
    releaseNumber: r.releaseNumber ?? null,
    partnerCenterUrl: r.partnerCenterUrl ?? null,
    previewLinks: r.previewLinks,
    comparedWith: r.comparedWith ?? null
  }
}
