/** What a run's summary shows, rendered as Markdown (job summary) or plain text (CLI). */
import type { Phase } from '../ingestion/api.js'
import type { ComparedWith, OfferResult, PlannedRequest, ResultError } from '../publish/result.js'
import type { Mode } from '../settings.js'

export interface RunSummary {
  /** `follow` titles the summary as a follow; a publish otherwise. */
  mode?: Mode
  dryRun: boolean
  target: string
  status: string
  offers: readonly OfferResult[]
  /** Errors that belong to no offer (settings, manifest, credentials). */
  runErrors: readonly ResultError[]
  /** Requests per phase; absent when the run stopped before the first request. */
  counts?: Record<Phase, number>
  /** Workspace the file paths in errors are shown relative to. */
  workspace: string
}

export const PHASES: readonly Phase[] = ['token', 'lookup', 'write', 'upload', 'poll']

/** Where a planned request goes: its API path, or the upload URL the service issues for a file. */
export function requestTarget(request: PlannedRequest): string {
  return request.service === 'upload' ? 'upload URL' : request.path
}

/** Longest value shown for one field of a planned request; the `plan` output has it whole. */
const VALUE_CHARS = 200

/**
 * What a planned request writes, on one line: `title: Contoso; keywords: ["a","b"]`. Strings as
 * they are, everything else as JSON, each cut at 200 characters.
 */
export function describeValues(request: PlannedRequest): string {
  return Object.entries(request.values ?? {})
    .map(([field, value]) => {
      const text = typeof value === 'string' ? value : JSON.stringify(value)
      return `${field}: ${text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS)}…` : text}`
    })
    .join('; ')
}

/**
 * `already held by submission 123 (release 2, Published/InStore): offer listing and images, …`
 * (a product-ingestion submission's id names itself: `submission/<product>/<n>`), or for a draft
 * compared (a product-ingestion offer under `target: draft`) `already held by the draft: …;
 * nothing was written`.
 */
export function describeComparison(c: ComparedWith): string {
  if (c.submissionId === undefined)
    return `already held by the ${c.state}: ${c.compared.join(', ')}; nothing was written`
  const release = c.releaseNumber === undefined ? '' : `release ${c.releaseNumber}, `
  const submission = c.submissionId.startsWith('submission/')
    ? c.submissionId
    : `submission ${c.submissionId}`
  return `already held by ${submission} (${release}${c.state}): ${c.compared.join(', ')}; nothing was submitted`
}
