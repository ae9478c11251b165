/**
 * How the run signs in to Entra ID: with the client secret, or else with a GitHub OIDC token,
 * which GitHub gives only a job with `permissions: id-token: write`. Neither is a settings
 * problem (INPUT_INVALID, the CLI's exit code 2), found before anything is read or sent.
 */
import { PublishError } from '../errors.js'
import { inputRef, MODES, type Settings } from '../settings.js'

/** Whether GitHub gives this job OIDC tokens (the runner sets both variables). */
export function oidcAvailable(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
}

/** Throws when a mode that signs in has neither a client secret nor GitHub OIDC. */
export function checkSignIn(
  settings: Pick<Settings, 'mode' | 'clientSecret'>,
  env: NodeJS.ProcessEnv
): void {
  if (MODES[settings.mode].credentials && !settings.clientSecret && !oidcAvailable(env))
    throw noSignIn()
}

export function noSignIn(): PublishError {
  return new PublishError(
    'INPUT_INVALID',
    `No client secret was given (${inputRef('client-secret')}) and GitHub OIDC is not available to this job (ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set).`,
    {
      hint:
        `Either set ${inputRef('client-secret')} (from a repository secret), or grant the job 'permissions: id-token: write' ` +
        'and add a federated credential for this repository to the Entra app registration.'
    }
  )
}
