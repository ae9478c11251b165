/**
 * What publishing one offer produced: the outputs' fields, what changed (or, in a dry run, what
 * would change), the submission's state timeline and every error. Built by src/publish, rendered
 * by src/report.
 */
import type { SourceRef } from '../errors.js'
import type { PlannedRequest } from '../ingestion/dry-run/index.js'

export type { PlannedRequest }

/**
 * The `status` output. Ordered from worst to best: the run reports the worst of its offers.
 * `unchanged` (the target already held the manifest's content: nothing was submitted) ranks
 * best, so a run where one offer went live and the others were unchanged reports `live`.
 */
export type PublishStatus =
  'failed' | 'planned' | 'draft' | 'submitted' | 'preview' | 'live' | 'unchanged'

const STATUS_RANK: readonly PublishStatus[] = [
  'failed',
  'planned',
  'draft',
  'submitted',
  'preview',
  'live',
  'unchanged'
]

export function worstStatus(statuses: readonly PublishStatus[]): PublishStatus {
  let worst: PublishStatus = 'unchanged'
  for (const s of statuses) if (STATUS_RANK.indexOf(s) < STATUS_RANK.indexOf(worst)) worst = s
  return statuses.length === 0 ? 'failed' : worst
}

/** One write the run made, or would make in a dry run. */
export interface Change {
  action: 'create' | 'update' | 'upload' | 'delete' | 'reuse' | 'submit' | 'promote' | 'adopt'
  /** What it is about, e.g. `plan standard listing` or `package standard (app-1.2.3.zip, 1.2 MiB)`. */
  subject: string
  /** Changed fields, when that is useful to show. */
  fields?: string[]
}

/** A submission state seen while waiting, with when it was first seen (ms since the epoch). */
export interface TimelineEntry {
  state: string
  at: number
  /** How long it stayed in this state; absent for the last entry while it is current. */
  durationMs?: number
}

/** One error or service message to show as an annotation and in the summary's error table. */
export interface ResultError {
  code: string
  message: string
  /** `Error`, `Warning`... as the service says it, for validation items. */
  severity?: string
  source?: SourceRef
}

export interface PackageResult {
  /** Plan ID, or `app` / `library` for Business Central. */
  label: string
  fileName: string
  version: string
  packageId?: string
}

/**
 * What an `unchanged` offer was compared with: the newest submission the target shows (for a
 * product-ingestion offer, the submission whose resource tree the target shows), or the draft
 * itself (a product-ingestion offer under `target: draft`).
 */
export interface ComparedWith {
  /** Absent when the draft was compared. */
  submissionId?: string
  releaseNumber?: number
  /** `Published/InStore`, `live: completed/succeeded`, or `draft`. */
  state: string
  /** What held the manifest's content: `offer listing and images`, `plan standard technical configuration`. */
  compared: string[]
}

export interface OfferResult {
  offerId: string
  productId?: string
  submissionId?: string
  status: PublishStatus
  releaseNumber?: number
  partnerCenterUrl?: string
  previewLinks: string[]
  changes: Change[]
  packages: PackageResult[]
  timeline: TimelineEntry[]
  errors: ResultError[]
  /** Set when the run was cancelled: the step it stopped before, and what re-running will do. */
  stoppedAt?: string
  /** Set when nothing needed submitting (status `unchanged`, or a dry run that found so). */
  comparedWith?: ComparedWith
  /** Follow mode found nothing in flight for this offer: why (a notice, not a failure). */
  nothingToFollow?: string
  /** A dry run only: every write the run would have sent, in order (the plan). */
  requests?: PlannedRequest[]
}

export function partnerCenterUrl(productId: string): string {
  return `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${productId}/overview`
}
