/**
 * The `offers` input: which offers of the manifest this run publishes (exact IDs or globs such as
 * `contoso-*`), for example to shard offers across the jobs of a matrix.
 */
import { minimatch } from 'minimatch'
import { PublishError } from '../errors.js'
import type { Manifest, OfferIdentity } from './model.js'

/** A predicate over offer IDs; no patterns means every offer. */
export function offerFilter(patterns: string[]): (offerId: string) => boolean {
  if (patterns.length === 0) return () => true
  return offerId => patterns.some(pattern => matches(pattern, offerId))
}

/**
 * The manifest with only the offers the patterns select. A pattern that selects nothing is
 * almost always a typo (or a stale matrix entry), so it fails the run rather than publish less.
 */
export function selectOffers<Offer extends OfferIdentity>(
  manifest: Manifest<Offer>,
  patterns: string[]
): Manifest<Offer> {
  const ids = manifest.offers.map(offer => offer.offerId)
  const unmatched = patterns.filter(pattern => !ids.some(id => matches(pattern, id)))
  if (unmatched.length > 0) {
    throw new PublishError(
      'INPUT_INVALID',
      `Input "offers": ${unmatched.map(p => `"${p}"`).join(', ')} matches no offer of the manifest`,
      {
        hint: `The manifest has: ${ids.join(', ')}. Fix the offer ID or glob.`,
        source: { file: manifest.file }
      }
    )
  }
  const wanted = offerFilter(patterns)
  return { ...manifest, offers: manifest.offers.filter(offer => wanted(offer.offerId)) }
}

function matches(pattern: string, offerId: string): boolean {
  return pattern === offerId || minimatch(offerId, pattern, { nocomment: true, nonegate: true })
}
