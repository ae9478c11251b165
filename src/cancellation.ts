/**
 * SIGINT/SIGTERM (a cancelled job, Ctrl-C). The first signal aborts `signal`: no new write starts,
 * waits and uploads stop, and the report says where the run stopped. The HTTP call in flight is
 * allowed to finish so a write is not cut in half; `requestSignal` aborts it too only after a
 * grace period (the runner sends SIGTERM about 7.5 s after SIGINT and then kills the process) or
 * at a second signal.
 */
import { PublishError } from './errors.js'

const GRACE_MS = 5000

export interface Cancellation {
  signal: AbortSignal
  requestSignal: AbortSignal
  dispose: () => void
}

export function abortOnSignals(): Cancellation {
  const run = new AbortController()
  const requests = new AbortController()
  let grace: NodeJS.Timeout | undefined
  const onSignal = (name: NodeJS.Signals): void => {
    const reason = new PublishError('CANCELLED', `The run was cancelled (${name}).`, {
      hint: 'Re-running picks up from there: processed packages are reused, and an in-progress submission of the same release is adopted when it can be recognised (otherwise use `on-conflict: wait`).'
    })
    if (run.signal.aborted) {
      requests.abort(reason)
      return
    }
    run.abort(reason)
    grace = setTimeout(() => requests.abort(reason), GRACE_MS)
    grace.unref()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    signal: run.signal,
    requestSignal: requests.signal,
    dispose: () => {
      clearTimeout(grace)
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
}
