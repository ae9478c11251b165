/**
 * Before an offer or a plan is created: everything Partner Center requires before a first
 * submission must be in the manifest (src/manifest/first-submission.ts), or nothing is created.
 * Otherwise the run would create the offer and then fail its submission's validation, leaving a
 * half-made offer to finish by hand. An existing offer's missing settings are Partner Center's
 * business: they may be set there already, and what Partner Center has stays.
 */
import { PublishError } from '../errors.js'
import type { ManifestProblem } from '../manifest/problems.js'
import type { OfferRun } from './context.js'

/**
 * Throws OFFER_INCOMPLETE, one row per missing setting at its manifest line, when `gaps` is not
 * empty. `created`: what would have been created, for the message: `offer`, `plan "managed"`.
 */
export function refuseIncomplete(
  run: OfferRun,
  created: string,
  gaps: readonly ManifestProblem[]
): void {
  if (gaps.length === 0) return
  const { offer } = run
  const rows = gaps.map(gap => ({
    ...gap,
    message: `${gap.field}: ${gap.message}. The ${created} does not exist yet, so nothing was created.`
  }))
  const count = gaps.length === 1 ? '1 setting' : `${gaps.length} settings`
  throw new PublishError(
    'OFFER_INCOMPLETE',
    `The new ${created} of "${offer.offerId}" lacks ${count} that Partner Center requires before a first submission; nothing was created.`,
    {
      offerId: offer.offerId,
      field: gaps[0].field,
      source: gaps[0].source,
      hint: gaps[0].hint,
      cause: rows
    }
  )
}
