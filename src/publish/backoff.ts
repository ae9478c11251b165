/**
 * Polling with exponential backoff, bounded by the run's time budget and cancelled by its signal.
 * Used for package processing (start 1 s, ×1.6, cap 30 s) and submissions (cap 60 s).
 * A read that fails in transit even after the transport's own retries (a 5xx burst, a lost
 * connection) does not end an hours-long wait: it is reported and the next poll reads again.
 */
import type { Clock } from '../clock.js'
import { PublishError } from '../errors.js'
import { classifyFailure } from './write-once.js'

export interface BackoffPolicy {
  initialMs: number
  factor: number
  maxMs: number
}

export const PACKAGE_POLL: BackoffPolicy = { initialMs: 1000, factor: 1.6, maxMs: 30_000 }
export const SUBMISSION_POLL: BackoffPolicy = { initialMs: 1000, factor: 1.6, maxMs: 60_000 }

export interface PollOptions<T> extends Budget {
  policy: BackoffPolicy
  /** What is being waited for, for the time-budget error. */
  what: string
  read: () => Promise<T>
  done: (value: T) => boolean
  /** Called with every value read, the first one included. */
  onValue?: (value: T) => void
  /** Called when a read failed in transit (polling goes on). */
  onReadFailed?: (error: PublishError) => void
}

/** The run's clock, cancellation and time budget (PublishDeps has them). */
export interface Budget {
  clock: Clock
  signal: AbortSignal
  deadline: number
}

/** Sleeps `ms` on the run's clock; throws `error` instead when the time budget cannot hold it. */
export async function sleepWithin(budget: Budget, ms: number, error: unknown): Promise<void> {
  if (ms <= 0) return
  if (budget.clock.now() + ms > budget.deadline) throw error
  await budget.clock.sleep(ms, budget.signal)
}

/** Reads until `done`, sleeping between reads; the first read happens at once. */
export async function pollUntil<T>(options: PollOptions<T>): Promise<T> {
  const { clock, signal, deadline, policy } = options
  let delay = policy.initialMs
  for (;;) {
    const value = await readOrMiss(options)
    if (value.read) {
      options.onValue?.(value.value)
      if (options.done(value.value)) return value.value
    }
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

async function readOrMiss<T>(
  options: PollOptions<T>
): Promise<{ read: true; value: T } | { read: false }> {
  try {
    return { read: true, value: await options.read() }
  } catch (error) {
    if (classifyFailure(error) !== 'ambiguous') throw error
    options.onReadFailed?.(error as PublishError)
    return { read: false }
  }
}
