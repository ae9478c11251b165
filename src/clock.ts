/**
 * Every wait (polling, backoff, Retry-After) goes through one Clock so tests can drive hour-long
 * certifications in milliseconds and the overall time budget is checked in one place.
 */
import { setTimeout as delay } from 'node:timers/promises'

export interface Clock {
  now(): number
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  // timers/promises rejects an aborted wait with an AbortError; callers expect the signal's reason.
  sleep: (ms, signal) =>
    delay(ms, undefined, { signal }).catch((error: unknown) => {
      throw signal?.aborted ? signal.reason : error
    })
}
