/**
 * Rules about existing submissions (ingestion-v1.md §4.4), pure so they can be tested alone.
 *
 * Blocking: an InProgress submission that has not failed (substate not Failed /
 * FailedInCertification, pendingUpdateInfo not Failed), or a Published one still Publishing.
 * A Published/ReadyToPublish or InStore submission does not block: ours supersedes it.
 *
 * Adoption (resume): a blocking submission is adopted instead of creating a second one only when
 * it lists exactly the draft instances our request would list (same resources and variant
 * resources) AND this run changed nothing in those drafts. The first condition says it was made
 * from these drafts; the second that their content is what the manifest asks for, so it is what a
 * previous attempt of this run (that died after the POST) would have submitted.
 */
import type { Submission, SubmissionCreationRequest, TypeValuePair } from '../ingestion/types.js'

export function hasFailed(s: Submission): boolean {
  return (
    s.substate === 'Failed' ||
    s.substate === 'FailedInCertification' ||
    s.pendingUpdateInfo?.status === 'Failed'
  )
}

export function isBlocking(s: Submission): boolean {
  if (s.state === 'InProgress') return !hasFailed(s)
  return s.state === 'Published' && s.substate === 'Publishing'
}

/** The submission others must wait for: InProgress first, then the highest release number. */
export function findBlocking(submissions: readonly Submission[]): Submission | undefined {
  return [...submissions].filter(isBlocking).sort(byLatest)[0]
}

/**
 * The latest submission certified for preview and not promoted (Published/ReadyToPublish): what a
 * run stopped before or during promote left behind. It blocks nothing, but a re-run whose drafts
 * are unchanged must promote it rather than submit the same content a second time.
 */
export function findReadyToPublish(submissions: readonly Submission[]): Submission | undefined {
  return [...submissions]
    .filter(s => s.state === 'Published' && s.substate === 'ReadyToPublish' && !hasFailed(s))
    .sort(byLatest)[0]
}

/**
 * The submissions whose content the target shows, newest first: for `live`, the ones that went
 * live (Published/InStore or Published/Published); for `preview`, those and the ones certified
 * for preview (Published/ReadyToPublish). The newest that lists a module is what the target holds
 * of it (submitted-content.ts).
 */
export function reachedTarget(
  submissions: readonly Submission[],
  target: 'preview' | 'live'
): Submission[] {
  return submissions
    .filter(s => ['preview', 'live'].includes(outcomeOf(s, target)))
    .sort((a, b) => (b.releaseNumber ?? 0) - (a.releaseNumber ?? 0))
}

/** Promoted: on its way to live (Publishing) or live. What an earlier promote that took effect leaves. */
export function isPromoted(s: Submission): boolean {
  return s.state === 'Published' && ['Publishing', 'InStore', 'Published'].includes(s.substate)
}

function byLatest(a: Submission, b: Submission): number {
  const inProgress = Number(b.state === 'InProgress') - Number(a.state === 'InProgress')
  return inProgress || (b.releaseNumber ?? 0) - (a.releaseNumber ?? 0)
}

export function coversRequest(s: Submission, request: SubmissionCreationRequest): boolean {
  if (!samePairs(s.resources ?? [], request.resources)) return false
  const theirs = new Map((s.variantResources ?? []).map(v => [v.variantID, v.resources]))
  const ours = request.variantResources ?? []
  return (
    theirs.size === ours.length &&
    ours.every(v => samePairs(theirs.get(v.variantID) ?? [], v.resources))
  )
}

function samePairs(a: readonly TypeValuePair[], b: readonly TypeValuePair[]): boolean {
  const key = (list: readonly TypeValuePair[]): string =>
    list
      .map(p => `${p.type.toLowerCase()}=${p.value}`)
      .sort()
      .join('|')
  return key(a) === key(b)
}

export type SubmissionOutcome = 'preview' | 'live' | 'failed' | 'pending'

/** Where a submission stands for a run that wants `target`. */
export function outcomeOf(s: Submission, target: 'preview' | 'live'): SubmissionOutcome {
  if (hasFailed(s)) return 'failed'
  if (s.state !== 'Published') return 'pending'
  // Published/Published and InStore are live (the service may promote by itself).
  if (s.substate === 'InStore' || s.substate === 'Published') return 'live'
  if (s.substate === 'ReadyToPublish' && target === 'preview') return 'preview'
  return 'pending'
}
