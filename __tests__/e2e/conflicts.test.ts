/**
 * Another submission in progress: `on-conflict: fail` stops with its id and state, `wait` waits
 * for it and then submits, and a re-run of the same drafts adopts its own earlier submission.
 * The first run (`wait: false`) leaves a submission in progress; the second publishes another
 * version so its drafts differ.
 */
import { afterEach, beforeEach, expect, it } from '@jest/globals'
import { runAction } from '../helpers/runner.js'
import { annotations } from './annotations.js'
import { startSession, type Session } from './session.js'
import { offerState } from './state.js'
import { createWorkspace } from './workspace.js'

let session: Session
let workspace: string
let first: Awaited<ReturnType<typeof runAction>>
beforeEach(async () => {
  // Slow enough that the first submission is still in progress when the second run looks.
  session = await startSession(['--speed', '600'])
  workspace = createWorkspace(['contoso-bc-connector'])
  first = await runAction(session.env({ wait: 'false' }), { workspace })
  expect(first.outputs.status).toBe('submitted')
})
afterEach(async () => {
  await session.stop()
})

it('fails with SUBMISSION_CONFLICT naming the submission when on-conflict is fail', async () => {
  const run = await runAction(session.env(), { workspace, ref: 'refs/tags/v1.2.4' })
  expect(run.code).toBe(1)
  const [error] = annotations(run.stdout).filter(a => a.level === 'error')
  expect(error.properties.title).toContain('SUBMISSION_CONFLICT')
  expect(error.message).toContain(first.outputs['submission-id'])
  expect(error.message).toContain('on-conflict: wait')
  expect(offerState(await session.state(), first.outputs['product-id']).submissions).toHaveLength(1)
})

it('waits for the other submission, then submits its own, when on-conflict is wait', async () => {
  const run = await runAction(session.env({ 'on-conflict': 'wait' }), {
    workspace,
    ref: 'refs/tags/v1.2.4',
    timeoutMs: 100_000
  })
  expect(run.code).toBe(0)
  expect(run.outputs.status).toBe('preview')
  expect(run.outputs['submission-id']).not.toBe(first.outputs['submission-id'])
  expect(run.stdout).toContain(`waiting for submission ${first.outputs['submission-id']}`)
}, 120_000)

it('adopts its own in-progress submission when re-run with the same drafts', async () => {
  const run = await runAction(session.env(), { workspace, timeoutMs: 100_000 })
  expect(run.code).toBe(0)
  expect(run.outputs['submission-id']).toBe(first.outputs['submission-id'])
  expect(offerState(await session.state(), first.outputs['product-id']).submissions).toHaveLength(1)
}, 120_000)
