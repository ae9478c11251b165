/** An invalid manifest fails the step at its line before any request, even for a token. */
import { expect, it } from '@jest/globals'
import { runAction } from '../helpers/runner.js'
import { problems } from './annotations.js'
import { sessionForFile } from './session.js'
import { createWorkspaceMissingPackage } from './workspace.js'

const session = sessionForFile()

it('annotates the problem at its file and line, exits 1 and sends nothing', async () => {
  const workspace = createWorkspaceMissingPackage()
  await session.reset()
  const run = await runAction(session.env(), { workspace })

  expect(run.code).toBe(1)
  const errors = problems(run.stdout)
  expect(errors).toHaveLength(1)
  expect(errors[0].properties.file).toBe('marketplace.yml')
  expect(errors[0].properties.line).toBe('8')
  expect(run.outputs.status).toBe('failed')
  expect(await session.requests()).toEqual([])
})
