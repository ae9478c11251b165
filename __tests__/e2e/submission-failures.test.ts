/** A submission that fails validation or certification fails the step with the service's messages. */
import { beforeEach, expect, it } from '@jest/globals'
import { runAction } from '../helpers/runner.js'
import { problems } from './annotations.js'
import { sessionForFile } from './session.js'
import { createWorkspace } from './workspace.js'

const session = sessionForFile()
beforeEach(async () => {
  await session.reset()
})

it.each([
  ['validation-failed', 'InProgress/Failed'],
  ['cert-failed', 'InProgress/FailedInCertification']
])('fails the step on %s with the messages in annotations and summary', async (fault, state) => {
  await session.setFaults(`${fault} x1`)
  const run = await runAction(session.env(), { workspace: createWorkspace(['contoso-analytics']) })

  expect(run.code).toBe(1)
  expect(run.outputs.status).toBe('failed')
  expect(run.outputs['submission-id']).not.toBe('')
  const errors = problems(run.stdout)
  expect(errors[0].message).toContain(`failed (${state})`)
  expect(errors.length).toBeGreaterThan(1)
  expect(run.summary).toContain('### Errors')
  for (const e of errors.slice(1))
    expect(run.summary).toContain(e.message.replace(/\|/g, '\\|').slice(0, 40))
  expect(run.stdout).toContain('::error::Marketplace publish failed: 1 of 1 offers failed.')
})
