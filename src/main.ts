/**
 * The GitHub Action: inputs from the runner (`INPUT_*`), report to the runner (@actions/core:
 * annotations, outputs, job summary). Every dependency can be replaced by tests; the defaults are
 * the real ones.
 */
import { abortOnSignals } from './cancellation.js'
import { systemClock } from './clock.js'
import { createTransport } from './http/transport.js'
import { runPublish, type RunDeps } from './publish/run.js'
import { actionInputs } from './runner-protocol.js'

export async function run(deps: Partial<RunDeps> = {}): Promise<void> {
  const cancellation = abortOnSignals()
  try {
    await runPublish({
      read: actionInputs(process.env),
      loadSink: async () => (await import('./report/action-sink.js')).actionSink(),
      clock: systemClock,
      env: process.env,
      cwd: process.cwd(),
      createTransport,
      signal: cancellation.signal,
      requestSignal: cancellation.requestSignal,
      ...deps
    })
  } finally {
    cancellation.dispose()
  }
}
