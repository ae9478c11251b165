/**
 * Is an in-progress submission the one an earlier attempt of this run made (so it is adopted
 * rather than reported as a conflict or duplicated)? Only asked when this run wrote nothing to the
 * drafts, i.e. the drafts already hold what the manifest says.
 *
 * 1. It lists exactly the draft instances our request would list (see submission-rules.ts).
 * 2. Or, when the service gave the drafts new instance ids after that submission (the evidence
 *    allows it, ingestion-v1.md §3.2), its Package drafts reference the very packages, with the
 *    same versions, that ours do. Package ids are unique per upload and the packages were matched
 *    by file name, so a submission that passes this made the same release from the same files.
 *    This reads the submission's own instances. Whether the service still serves them once the
 *    drafts moved on is not in the evidence; the emulator keeps them by default (a read-only copy
 *    of what was submitted) and drops them with `--drop-submitted-instances`.
 * An instance that no longer resolves cannot prove anything, so it counts as "not ours": a
 * conflict is reported rather than a guess adopted.
 */
import { isPublishError } from '../errors.js'
import type {
  Submission,
  SubmissionCreationRequest,
  TypeValuePair,
  VariantResource
} from '../ingestion/types.js'
import type { OfferRun } from './context.js'
import { coversRequest } from './submission-rules.js'

export interface SubmissionShape {
  resources?: TypeValuePair[]
  variantResources?: VariantResource[]
}

export async function isOwnSubmission(
  run: OfferRun,
  productId: string,
  submission: Submission,
  candidates: readonly SubmissionCreationRequest[]
): Promise<boolean> {
  if (candidates.some(request => coversRequest(submission, request))) return true
  const theirs = packageDrafts(submission)
  const ours = packageDrafts(candidates[0])
  if (ours.size === 0 || theirs.size !== ours.size) return false
  try {
    for (const [owner, instance] of ours) {
      const other = theirs.get(owner)
      if (!other) return false
      const [a, b] = await Promise.all([
        configKey(run, productId, instance),
        configKey(run, productId, other)
      ])
      if (a !== b) return false
    }
    return true
  } catch (error) {
    if (isPublishError(error) && error.code === 'HTTP_STATUS') return false
    throw error
  }
}

/** Owner (`offer` or the variant id) → Package draft instance id. */
export function packageDrafts(shape: SubmissionShape): Map<string, string> {
  const drafts = new Map<string, string>()
  const offerPackage = shape.resources?.find(r => r.type.toLowerCase() === 'package')
  if (offerPackage) drafts.set('offer', offerPackage.value)
  for (const variant of shape.variantResources ?? []) {
    const pkg = variant.resources.find(r => r.type.toLowerCase() === 'package')
    if (pkg) drafts.set(variant.variantID, pkg.value)
  }
  return drafts
}

/** What a technical configuration publishes: its version and package references, in a stable form. */
async function configKey(run: OfferRun, productId: string, instanceId: string): Promise<string> {
  const [config] = await run.api.getPackageConfigurations(productId, instanceId)
  if (!config) return 'none'
  const references = (config.packageReferences ?? []).map(r => `${r.type}=${r.value}`).sort()
  return JSON.stringify([config.version ?? null, references])
}
