/**
 * Is an existing submission one this release already made (so it is adopted rather than reported
 * as a conflict or duplicated)? Only asked when this run wrote nothing to the drafts, i.e. the
 * drafts already hold what the manifest says.
 *
 * 1. It lists exactly the draft instances our request would list (see submission-rules.ts).
 * 2. Or, when the service gave the drafts new instance ids after that submission (the evidence
 *    allows it, ingestion-v1.md §3.2), its own instances hold the manifest's content, module by
 *    module (submitted-content.ts): the listings and images, each technical configuration on the
 *    very package this run found for its file and version (package ids are unique per upload),
 *    the properties. Whoever made it, it publishes exactly this release.
 *    This reads the submission's own instances. Whether the service still serves them once the
 *    drafts moved on is not in the evidence; the emulator keeps them by default (a read-only copy
 *    of what was submitted) and drops them with `--drop-submitted-instances`.
 * An instance that no longer resolves cannot prove anything, so it counts as "not ours": a
 * conflict is reported rather than a guess adopted.
 */
import type { Submission, SubmissionCreationRequest } from '../ingestion/types.js'
import type { OfferRun } from './context.js'
import { checksFor, compareSubmitted } from './submitted-content.js'
import { coversRequest } from './submission-rules.js'

export async function isOwnSubmission(
  run: OfferRun,
  submission: Submission,
  candidates: readonly SubmissionCreationRequest[]
): Promise<boolean> {
  if (candidates.some(request => coversRequest(submission, request))) return true
  const checks = checksFor(run, candidates[0])
  if (checks.length === 0) return false
  const { differ } = await compareSubmitted(checks, [submission])
  return differ.length === 0
}
