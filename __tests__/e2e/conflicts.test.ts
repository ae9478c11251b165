/**
 * Another submission in progress: `on-conflict: fail` stops with its id and state, `wait` waits
 * for it and then submits, and a re-run of the same release adopts its own earlier submission.
 * The first run (`wait: false`) leaves a submission in progress; the others publish another
 * version (so their drafts differ) or the same one again. And a draft someone else changes
 * between the action's read and its write: the 412 is theirs, and the run says so.
 */
import { afterEach, expect, it } from '@jest/globals'
import { runAction, type RunResult } from '../helpers/runner.js'
import { apiCaller, v1Token } from '../emulator/wire-client.js'
import { annotations } from './annotations.js'
import { firedFaults } from './reliability.js'
import { startSession, type Session } from './session.js'
import { offerState } from './state.js'
import { createWorkspace } from './workspace.js'

let session: Session | undefined
afterEach(async () => {
  await session?.stop()
  session = undefined
})

/** An emulator slow enough (certification ~6 s) that the first submission is still in progress. */
async function firstRunInProgress(
  args: string[] = []
): Promise<{ workspace: string; first: RunResult }> {
  session = await startSession(['--speed', '600', ...args])
  const workspace = createWorkspace(['contoso-analytics'])
  const first = await runAction(session.env({ wait: 'false' }), { workspace })
  expect(first.outputs.status).toBe('submitted')
  return { workspace, first }
}

it('fails with SUBMISSION_CONFLICT naming the submission when on-conflict is fail', async () => {
  const { workspace, first } = await firstRunInProgress()
  const run = await runAction(session!.env(), { workspace, ref: 'refs/tags/v1.2.4' })
  expect(run.code).toBe(1)
  const [error] = annotations(run.stdout).filter(a => a.level === 'error')
  expect(error.properties.title).toContain('SUBMISSION_CONFLICT')
  expect(error.message).toContain(first.outputs['submission-id'])
  expect(error.message).toContain('on-conflict: wait')
  expect(offerState(await session!.state(), first.outputs['product-id']).submissions).toHaveLength(
    1
  )
})

it('waits for the other submission, then submits its own, when on-conflict is wait', async () => {
  const { workspace, first } = await firstRunInProgress()
  const run = await runAction(session!.env({ 'on-conflict': 'wait' }), {
    workspace,
    ref: 'refs/tags/v1.2.4',
    timeoutMs: 100_000
  })
  expect(run.code).toBe(0)
  expect(run.outputs.status).toBe('preview')
  expect(run.outputs['submission-id']).not.toBe(first.outputs['submission-id'])
  expect(run.stdout).toContain(`waiting for submission ${first.outputs['submission-id']}`)
  expect(offerState(await session!.state(), first.outputs['product-id']).submissions).toHaveLength(
    2
  )
}, 120_000)

it.each([
  // The submission lists the very draft instances re-read now (rule 1 of adoption.ts).
  ['draft instance ids kept after a submission', ['--no-rotate-drafts']],
  // New draft ids; the submission's own instances still read (rule 2): the emulator's default.
  ['draft instance ids rotated', []]
])(
  'adopts its own in-progress submission when re-run with the same release (%s)',
  async (_, args) => {
    const { workspace, first } = await firstRunInProgress(args)
    const run = await runAction(session!.env(), { workspace, timeoutMs: 100_000 })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('preview')
    expect(run.outputs['submission-id']).toBe(first.outputs['submission-id'])
    expect(run.stdout).toMatch(/adopt submission \d+ \(made from this release by an earlier run/)
    expect(
      offerState(await session!.state(), first.outputs['product-id']).submissions
    ).toHaveLength(1)
  },
  120_000
)

it('reports a conflict rather than guess when the submission cannot be read back', async () => {
  // Rotated draft ids and the submission's old instances gone: nothing proves it is ours.
  const { workspace, first } = await firstRunInProgress(['--drop-submitted-instances'])
  const run = await runAction(session!.env(), { workspace })
  expect(run.code).toBe(1)
  expect(annotations(run.stdout)[0].message).toContain(first.outputs['submission-id'])
  expect(offerState(await session!.state(), first.outputs['product-id']).submissions).toHaveLength(
    1
  )
})

it('fails with CONCURRENT_CHANGE, writing nothing over it, when a colleague changes the listing between our read and our write', async () => {
  session = await startSession()
  const clause = 'PUT /products/*/listings/* -> slow=4000 x1'
  await session.setFaults(clause)
  const { ready } = session.emulator
  const productId = ready.offers.find(o => o.offerId === 'contoso-analytics')!.productId
  const running = runAction(session.env({ target: 'draft' }), {
    workspace: createWorkspace(['contoso-analytics'])
  })

  // The action has read the offer listing and its PUT is held back: the colleague edits it now.
  while ((await firedFaults(session!))[clause] !== 1)
    await new Promise(resolve => setTimeout(resolve, 50))
  const call = apiCaller(ready, await v1Token(ready))
  const branches = await call('GET', `/products/${productId}/branches/getByModule(module=Listing)`)
  const draft = (branches.body as { value: Array<Record<string, string>> }).value.find(
    b => b.variantID === undefined
  )!.currentDraftInstanceID
  const byDraft = `/products/${productId}/listings/getByInstanceID(instanceID=${draft})`
  const listing = ((await call('GET', byDraft)).body as { value: Array<Record<string, string>> })
    .value[0]
  const edited = await call(
    'PUT',
    `/products/${productId}/listings/${listing.id}`,
    { ...listing, description: 'Edited in Partner Center' },
    { 'If-Match': listing['@odata.etag'] }
  )
  expect(edited.status).toBe(200)

  const run = await running
  expect(run.code).toBe(1)
  const [error] = annotations(run.stdout).filter(a => a.level === 'error')
  expect(error.properties.title).toContain('CONCURRENT_CHANGE')
  expect(error.message).toContain(
    'Could not update the offer listing: someone else changed it (description) after this run read it, so Partner Center refused the write (HTTP 412). This run wrote nothing over their change.'
  )
  expect(error.message).toContain('Another change or submission is in progress for this offer')
  const now = ((await call('GET', byDraft)).body as { value: Array<Record<string, string>> })
    .value[0]
  expect(now).toMatchObject({ description: 'Edited in Partner Center', title: listing.title })
})
