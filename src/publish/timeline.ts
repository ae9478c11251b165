/** The submission timeline of an offer: one entry per state seen while waiting, with durations. */
import type { OfferIdentity } from '../manifest/model.js'
import type { OfferRun } from './context.js'

/** Adds `state` when it is new, closing the previous entry's duration, and logs it for `subject`. */
export function noteState(run: OfferRun<OfferIdentity>, state: string, subject: string): void {
  const timeline = run.result.timeline
  const last = timeline.at(-1)
  if (last?.state === state) return
  const now = run.deps.clock.now()
  if (last) last.durationMs = now - last.at
  timeline.push({ state, at: now })
  run.log(`${subject}: ${state}`)
}
