/** The submission timeline of a product-ingestion publish: one entry per state seen while waiting. */
import type { PiRun } from './pi-run.js'

/** Adds `state` (`preview: running/pending`) when it is new, closing the previous entry's duration. */
export function noteState(run: PiRun, state: string, subject: string): void {
  const timeline = run.result.timeline
  const last = timeline.at(-1)
  if (last?.state === state) return
  const now = run.deps.clock.now()
  if (last) last.durationMs = now - last.at
  timeline.push({ state, at: now })
  run.log(`${subject}: ${state}`)
}
