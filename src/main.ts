/**
 * The GitHub Action: inputs, secrets, annotations, outputs and the job summary through
 * @actions/core, the run's context through @actions/github. Every dependency can be replaced by
 * tests; the defaults are the real ones.
 */
import * as core from '@actions/core'
import { abortOnSignals } from './cancellation.js'
import { systemClock } from './clock.js'
import { githubContext } from './github/context.js'
import { createTransport } from './http/transport.js'
import { misnamedInputs, misnamedInputWarning } from './input-env.js'
import { runPublish, type RunDeps } from './publish/run.js'
import { actionSink } from './report/action-sink.js'

export async function run(deps: Partial<RunDeps> = {}): Promise<void> {
  const cancellation = abortOnSignals()
  try {
    const all: RunDeps = {
      read: name => core.getInput(name),
      sink: actionSink(),
      github: githubContext(),
      clock: systemClock,
      env: process.env,
      cwd: process.cwd(),
      createTransport,
      signal: cancellation.signal,
      requestSignal: cancellation.requestSignal,
      ...deps
    }
    // Only the runner passes inputs as INPUT_* variables: the CLI has flags.
    for (const misnamed of misnamedInputs(all.env))
      all.sink.warning(misnamedInputWarning(misnamed), { title: 'Inputs' })
    await runPublish(all)
  } finally {
    cancellation.dispose()
  }
}
