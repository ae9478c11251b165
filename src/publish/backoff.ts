/**
 * Polling with exponential backoff, bounded by the run's time budget and cancelled by its signal.
 * Used for package processing (start 1 s, ×1.6, cap 30 s) and submissions (cap 60 s).
 */
import type { Clock } from '../clock.js'
import { PublishError } from '../errors.js'

export interface BackoffPolicy {
  initialMs: number
  factor: number
  maxMs: number
}

export const PACKAGE_POLL: BackoffPolicy = { initialMs: 1000, factor: 1.6, maxMs: 30_000 }
export const SUBMISSION_POLL: BackoffPolicy = { initialMs: 1000, factor: 1.6, maxMs: 60_000 }

export interface PollOptions<T> {
  clock: Clock
  signal: AbortSignal
  deadline: number
  policy: BackoffPolicy
  /** What is being waited for, for the time-budget error. */
  what: string
  read: () => Promise<T>
  done: (value: T) => boolean
  /** Called with every value read, the first one included. */
  onValue?: (value: T) => void
}

/** Reads until `done`, sleeping between reads; the first read happens at once. */
export async function pollUntil<T>(options: PollOptions<T>): Promise<T> {
  const { clock, signal, deadline, policy } = options
  let delay = policy.initialMs
  for (;;) {
    const value = await options.read()
    options.onValue?.(value)
    if (options.done(value)) return value
    const left = deadline - clock.now()
    if (left <= 0) {
      throw new PublishError(
        'TIME_BUDGET_EXCEEDED',
        `Gave up waiting for ${options.what}: the time budget ran out.`,
        {
          hint: 'Raise `timeout-minutes`, or use `wait: false` and check the submission in Partner Center.'
        }
      )
    }
    // The last sleep is shortened so the final read happens right at the deadline.
    await clock.sleep(Math.min(delay, left), signal)
    delay = Math.min(policy.maxMs, delay * policy.factor)
  }
}
