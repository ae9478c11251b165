/**
 * With step debug logging on, no secret the emulator knows or issued (the client secret, every
 * access token, every OIDC assertion, every SAS signature) appears in anything the action wrote.
 */
import { expect, it } from '@jest/globals'
import { runAction } from '../helpers/runner.js'
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
  for (const run of [withSecret, withOidc, debugRun]) {
    const written = [run.stdout, run.stderr, run.outputFile, run.envFile, run.summary].join('\n')
    // add-mask commands carry the secret on purpose: the runner hides it everywhere after them.
    const visible = written
      .split('\n')
      .filter(line => !line.startsWith('::add-mask::'))
      .join('\n')
    const leaked = secrets.filter(secret => visible.includes(secret))
    expect(leaked).toEqual([])
  }
})
