/**
 * With step debug logging on, no secret the emulator knows or issued (the client secret, every
 * access token, every OIDC assertion, every SAS signature) appears in anything the action wrote.
 * The same check (leaks.ts) runs on every fault-matrix and resume run of the reliability suites
 * (reliability-faults.test.ts, reliability-resume.test.ts), all with step debug logging on.
 */
import { expect, it } from '@jest/globals'
import { runAction } from '../helpers/runner.js'
import { expectNoLeaks, leakedSecrets } from './leaks.js'
import { sessionForFile } from './session.js'
import { createWorkspace } from './workspace.js'

const session = sessionForFile()

it('leaks no secret into stdout, stderr, outputs, env or summary', async () => {
  const workspace = createWorkspace(['contoso-analytics', 'contoso-managed-ops'])
  const withSecret = await runAction(session.env({ target: 'live' }), { workspace })
  const { oidc } = session.emulator.ready
  const env = session.env({ target: 'draft' })
  delete env['INPUT_CLIENT-SECRET']
  const withOidc = await runAction(
    {
      ...env,
      ACTIONS_STEP_DEBUG: 'true',
      ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken
    },
    { workspace }
  )
  const debugRun = await runAction(
    { ...session.env({ target: 'live' }), ACTIONS_STEP_DEBUG: 'true' },
    { workspace, ref: 'refs/tags/v1.2.4' }
  )
  expect([withSecret.code, withOidc.code, debugRun.code]).toEqual([0, 0, 0])
  expect(debugRun.stdout).toContain('::debug::')

  const secrets = await session.secrets()
  expect(secrets).toContain(session.emulator.ready.clientSecret)
  expect(secrets.length).toBeGreaterThan(3)
  expectNoLeaks([withSecret, withOidc, debugRun], secrets)
})

it('finds a secret written outside an add-mask command (the check itself can fail)', () => {
  const run = {
    stdout: '::add-mask::s3cret-value\nusing s3cret-value',
    stderr: '',
    outputFile: '',
    envFile: '',
    summary: ''
  }
  expect(leakedSecrets([{ ...run, code: 0, outputs: {} }], ['s3cret-value'])).toEqual([
    's3cret-value'
  ])
  expect(
    leakedSecrets(
      [{ ...run, stdout: '::add-mask::s3cret-value', code: 0, outputs: {} }],
      ['s3cret-value']
    )
  ).toEqual([])
})
