/**
 * Submissions as a function of time (product-ingestion.md §6): a preview publish runs validation
 * and certification, then its snapshot is the product's preview; a live publish promotes that same
 * submission, whose snapshot then is also live. One submission serves preview and live until the
 * next preview publish, so `GET submission/<pg>` can list one id twice.
 *
 * A phase's realistic duration is divided by the speed of the moment it is read (`speed`), as the
 * Ingestion API's submission lifecycle is: a lower speed holds a submission already running, a
 * higher one releases it.
 */
import { scaledMs, serviceTime } from './context.js'
import type { Json, ProductRecord, Resources, SubmissionRecord } from './store.js'

export type Target = 'draft' | 'preview' | 'live'

interface PhaseState {
  status: 'running' | 'completed'
  result: 'pending' | 'succeeded' | 'failed'
}

/** When the preview phase ends, read at `speed`. */
export const previewDoneAt = (s: SubmissionRecord, speed: number): number =>
  s.createdAt + scaledMs(s.previewSeconds, speed)

/** When the live phase ends, read at `speed`; undefined before a promotion. */
export const liveDoneAt = (s: SubmissionRecord, speed: number): number | undefined =>
  s.live && s.live.startedAt + scaledMs(s.live.seconds, speed)

export function previewState(s: SubmissionRecord, now: number, speed: number): PhaseState {
  if (now < previewDoneAt(s, speed)) return { status: 'running', result: 'pending' }
  return { status: 'completed', result: s.certificationFails ? 'failed' : 'succeeded' }
}

function liveState(s: SubmissionRecord, now: number, speed: number): PhaseState | undefined {
  if (!s.live || now < s.live.startedAt) return undefined
  return now < liveDoneAt(s, speed)!
    ? { status: 'running', result: 'pending' }
    : { status: 'completed', result: 'succeeded' }
}

/** The newest preview publish, whatever its state. */
export const latestPreview = (p: ProductRecord): SubmissionRecord | undefined =>
  p.submissions.at(-1)

/** A submission still being published, which blocks another publish (§6). */
export function inProgress(
  p: ProductRecord,
  now: number,
  speed: number
): SubmissionRecord | undefined {
  return p.submissions.find(
    s =>
      previewState(s, now, speed).status === 'running' ||
      liveState(s, now, speed)?.status === 'running'
  )
}

/** The submission whose live phase started last (running or done). */
function latestLive(p: ProductRecord, now: number, speed: number): SubmissionRecord | undefined {
  return p.submissions
    .filter(s => liveState(s, now, speed) !== undefined)
    .sort((a, b) => a.live!.startedAt - b.live!.startedAt)
    .at(-1)
}

/** The resources a target shows: the draft, or the snapshot of the newest finished publish. */
export function view(
  p: ProductRecord,
  target: Target,
  now: number,
  speed: number
): Resources | undefined {
  if (target === 'draft') return p.draft
  if (target === 'preview') {
    return p.submissions.filter(s => previewState(s, now, speed).result === 'succeeded').at(-1)
      ?.resources
  }
  return p.submissions
    .filter(s => liveState(s, now, speed)?.result === 'succeeded')
    .sort((a, b) => liveDoneAt(a, speed)! - liveDoneAt(b, speed)!)
    .at(-1)?.resources
}

/** Resources the service treats as published: in a submission that did not fail certification. */
export function publishedCopies(p: ProductRecord, id: string, now: number, speed: number): Json[] {
  return p.submissions
    .filter(s => previewState(s, now, speed).result !== 'failed')
    .flatMap(s => (s.resources[id] ? [s.resources[id]] : []))
}

/** `GET submission/<pg>` entries: the draft, then the preview and live submissions (§4.7). */
export function submissionEntries(
  p: ProductRecord,
  now: number,
  speed: number,
  schema: string,
  targetType?: Target
): Json[] {
  const product = `product/${p.guid}`
  const entry = (id: string, target: Target, state?: PhaseState, created?: number): Json => ({
    $schema: schema,
    id: `submission/${p.guid}/${id}`,
    product,
    target: { targetType: target },
    ...(state ? { status: state.status, result: state.result } : {}),
    ...(created !== undefined ? { created: serviceTime(created) } : {}),
    lifecycleState: 'generallyAvailable'
  })
  const entries: Json[] = [entry('0', 'draft')]
  const preview = latestPreview(p)
  if (preview)
    entries.push(
      entry(preview.number, 'preview', previewState(preview, now, speed), preview.createdAt)
    )
  const live = latestLive(p, now, speed)
  if (live)
    entries.push(entry(live.number, 'live', liveState(live, now, speed), live.live!.startedAt))
  return targetType ? entries.filter(e => (e.target as Json).targetType === targetType) : entries
}

/** Submission numbers are large integers (`1152921515689847470`, §3.1). */
export function submissionNumber(sequence: number): string {
  return (1152921515689840000n + BigInt(sequence)).toString()
}
