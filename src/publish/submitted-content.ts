/**
 * What a submission holds, compared with what the manifest states. A submission lists one draft
 * instance per module (offer-level in `resources`, per plan in `variantResources`); reading those
 * instances shows what it published. Each publish step registers, for the drafts it manages, a
 * check that an instance holds the manifest's content (`run.contentChecks`): the offer and plan
 * listings with the offer's images, each technical configuration with the very package this run
 * settled on, the stated properties and the stated availabilities. The reseller configuration is
 * not checked: it has no read by instance (a reseller change is a write, so a run that made one
 * submits anyway).
 *
 * Evidence: §4.2 "the service copies drafts" (`areResourcesReady`) says a submission's instances
 * are a copy of what was submitted; the emulator keeps them readable after the drafts move on to
 * new instance ids (its default; `--drop-submitted-instances` drops them). An instance that does
 * not resolve proves nothing, and neither does one that *is* the current draft (a service that
 * keeps the draft's id after a submission: that instance may have been edited since), so both
 * count as "does not hold": the run then submits, which is the safe side.
 */
import { isPublishError } from '../errors.js'
import type { Module, Submission, TypeValuePair, VariantResource } from '../ingestion/types.js'
import type { OfferRun } from './context.js'

/** `offer`, or the plan's variant id. */
export type Owner = string

export interface ContentCheck {
  owner: Owner
  module: Module
  /** What is compared, for the log and summary: `offer listing and images`. */
  subject: string
  /** Whether this instance of the module holds what the manifest states. */
  holds: (instanceId: string) => Promise<boolean>
}

export interface Comparison {
  /** The subjects that hold the manifest's content. */
  held: string[]
  /** The checks that do not (or cannot be proven to). */
  differ: ContentCheck[]
}

/** What a submission or a submission request lists. */
export interface Listed {
  resources?: TypeValuePair[]
  variantResources?: VariantResource[]
}

/** The instance a request or submission lists for a module of an owner. */
export function listedInstance(shape: Listed, owner: Owner, module: Module): string | undefined {
  const pairs =
    owner === 'offer'
      ? shape.resources
      : shape.variantResources?.find(v => v.variantID === owner)?.resources
  return pairs?.find(p => p.type.toLowerCase() === module.toLowerCase())?.value
}

/** The checks whose module the request lists: what a submission of it must hold. */
export function checksFor(run: OfferRun, request: Listed): ContentCheck[] {
  return run.contentChecks.filter(c => listedInstance(request, c.owner, c.module) !== undefined)
}

/**
 * Compares `checks` with submissions, newest first: each check is made against the newest of
 * them that lists its module (a Business Central submission lists Property only when the version
 * changed, so the live Property may come from an earlier one). `drafts`: a request of the current
 * draft instances, whose own instances prove nothing (see above).
 */
export async function compareSubmitted(
  checks: readonly ContentCheck[],
  submissions: readonly Submission[],
  drafts?: Listed
): Promise<Comparison> {
  const results = await Promise.all(
    checks.map(async check => {
      const instance = submissions
        .map(s => listedInstance(s, check.owner, check.module))
        .find(id => id !== undefined)
      if (instance === undefined) return false
      const draft = drafts && listedInstance(drafts, check.owner, check.module)
      if (draft?.toLowerCase() === instance.toLowerCase()) return false
      return holdsOrUnreadable(check, instance)
    })
  )
  return {
    held: [...new Set(checks.filter((_, i) => results[i]).map(c => c.subject))],
    differ: checks.filter((_, i) => !results[i])
  }
}

async function holdsOrUnreadable(check: ContentCheck, instance: string): Promise<boolean> {
  try {
    return await check.holds(instance)
  } catch (error) {
    // An instance the service no longer serves (404, or an empty list) proves nothing.
    if (!isPublishError(error)) throw error
    if (error.code === 'DRAFT_NOT_FOUND') return false
    if (error.code === 'HTTP_STATUS' && (error.details.status ?? 0) < 500) return false
    throw error
  }
}
