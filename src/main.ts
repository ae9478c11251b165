/**
 * The GitHub Action: inputs from the runner (`core.getInput`), report to the runner (annotations,
 * outputs, job summary). Every dependency can be replaced by tests; the defaults are the real ones.
 */
import * as core from '@actions/core'
import { abortOnSignals } from './cancellation.js'
import { systemClock } from './clock.js'
import { createTransport } from './http/transport.js'
import { runPublish, type RunDeps } from './publish/run.js'
import { actionSink } from './report/action-sink.js'

export async function run(deps: Partial<RunDeps> = {}): Promise<void> {
  const cancellation = abortOnSignals()
  try {
    await runPublish({
      read: name => core.getInput(name),
      sink: actionSink(),
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
