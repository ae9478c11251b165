/**
 * An invalid manifest fails the step at its line with nothing sent beyond the token (issue 3: the
 * token request starts while the manifest is being loaded, to shorten the start-up).
 */
import { expect, it } from '@jest/globals'
import { runAction } from '../helpers/runner.js'
import { problems } from './annotations.js'
import { sessionForFile } from './session.js'
import { createWorkspaceMissingPackage } from './workspace.js'

const session = sessionForFile()

it('annotates the problem at its file and line, exits 1 and sends nothing beyond the token', async () => {
  const workspace = createWorkspaceMissingPackage()
  await session.reset()
  const run = await runAction(session.env(), { workspace })

  expect(run.code).toBe(1)
  const errors = problems(run.stdout)
  expect(errors).toHaveLength(1)
  expect(errors[0].properties.file).toBe('marketplace.yml')
  expect(errors[0].properties.line).toBe('8')
  expect(run.outputs.status).toBe('failed')
  const requests = await session.requests()
  expect(requests.length).toBeLessThanOrEqual(1)
  expect(requests.every(r => r.method === 'POST' && /\/oauth2\//.test(r.path))).toBe(true)
})
