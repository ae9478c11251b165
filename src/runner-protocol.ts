/**
 * The two pieces of the runner's protocol that the action needs before its first request: reading
 * an input and masking a secret. @actions/core does both, but loading it takes tens of
 * milliseconds (it brings its own HTTP client for OIDC), so these are done here, the same way
 * core does them (tests compare the two), and core is loaded while the token request is in
 * flight (docs/decisions/http-client.md). Nothing else reads inputs or masks values.
 */
import { EOL } from 'node:os'
import type { InputReader } from './settings.js'

/**
 * The action's inputs as the runner passes them: `INPUT_` + the name in upper case with spaces as
 * underscores, trimmed, '' when not set. `core.getInput(name)` without options, which is how the
 * action reads every input (settings.ts reports missing required inputs itself).
 */
export function actionInputs(env: NodeJS.ProcessEnv): InputReader {
  return name => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim()
}

/**
 * `::add-mask::` for `value`: the runner replaces it with `***` in every later log line. Written
 * to stdout at once (synchronously, as `core.setSecret` does), so no line can show it first.
 */
export function addMask(value: string): void {
  const data = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  process.stdout.write(`::add-mask::${data}${EOL}`)
}
