/**
 * Running again at a version already uploaded, configured or submitted (issue 9): the second run
 * creates no package and no submission and reaches the same end state, and a run with nothing to
 * change sends no write at all and reports `unchanged`, naming what it compared with. Only an
 * offer whose content changed is submitted.
 */
import { beforeEach, describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from '../helpers/emulator.js'
import { runAction, type RunResult } from '../helpers/runner.js'
import { sessionForFile, writesToApi, type LoggedRequest, type Session } from './session.js'
import { offerState, type OfferState } from './state.js'
import { createWorkspace, type SeededOffer } from './workspace.js'

const OFFERS: SeededOffer[] = ['contoso-analytics', 'contoso-managed-ops', 'contoso-bc-connector']

/** Runs the action and returns it with the API requests it sent. */
async function publish(
  session: Session,
  workspace: string,
  inputs: Record<string, string>
): Promise<{ run: RunResult; requests: LoggedRequest[] }> {
  const before = (await session.requests()).length
  const run = await runAction(session.env(inputs), { workspace, timeoutMs: 100_000 })
  return { run, requests: (await session.requests()).slice(before) }
}

function statuses(run: RunResult): Record<string, string> {
  const results = JSON.parse(run.outputs.result) as Array<{ offerId: string; status: string }>
  return Object.fromEntries(results.map(r => [r.offerId, r.status]))
}

/** The creating POSTs of packages and submissions: what a second run must not send. */
function creations(requests: LoggedRequest[]): string[] {
  return writesToApi(requests)
    .filter(r => r.method === 'POST' && /\/(packages|submissions)$/i.test(r.path))
    .map(r => `${r.method} ${r.path}`)
}

type EndState = Record<string, { productId: string } & Pick<OfferState, 'packages' | 'submissions'>>

/** Per offer (by offer ID: a reset gives products new ids): packages and submissions. */
async function endState(session: Session): Promise<EndState> {
  const snapshot = await session.state()
  const products = snapshot.products as Array<{ offerId: string; productId: string }>
  return Object.fromEntries(
    products.map(({ offerId, productId }) => {
      const { packages, submissions } = offerState(snapshot, productId)
      return [offerId, { productId, packages, submissions }]
    })
  )
}

describe('a submission left in progress (wait: false), then the same version to live', () => {
  // Certification takes ~6 s, so the first run's submissions are still in progress.
  const session = sessionForFile(['--speed', '600'])

  it('adopts each offer’s submission and takes it live, creating no package and no submission', async () => {
    const workspace = createWorkspace(OFFERS)
    const first = await publish(session, workspace, { target: 'live', wait: 'false' })
    expect(first.run.code).toBe(0)
    expect(Object.values(statuses(first.run))).toEqual(['submitted', 'submitted', 'submitted'])
    const afterFirst = await endState(session)

    const second = await publish(session, workspace, { target: 'live' })
    expect(second.run.code).toBe(0)
    expect(statuses(second.run)).toEqual({
      'contoso-analytics': 'live',
      'contoso-managed-ops': 'live',
      'contoso-bc-connector': 'live'
    })
    expect(creations(second.requests)).toEqual([])
    for (const offerId of OFFERS)
      expect(second.run.stdout).toMatch(
        new RegExp(`\\[${offerId}\\] [\\d:.]+ adopt submission \\d+ \\(made from this release`)
      )
    // The same packages and submissions, now promoted.
    const end = await endState(session)
    for (const offerId of OFFERS) {
      const before = afterFirst[offerId]
      expect(end[offerId].packages).toEqual(before.packages)
      expect(end[offerId].submissions.map(s => [s.id, s.promoted])).toEqual(
        before.submissions.map(s => [s.id, true])
      )
    }
  }, 180_000)
})

describe('runs with nothing to change', () => {
  const session = sessionForFile()
  beforeEach(async () => {
    await session.reset()
  })

  it('publishing the example manifest to live twice: the second run sends no write and reports every offer unchanged; a changed listing submits that offer only', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'e2e-examples-'))
    cpSync(join(REPO_ROOT, 'examples'), workspace, { recursive: true })
    const first = await publish(session, workspace, { target: 'live' })
    expect(first.run.code).toBe(0)
    expect(first.run.outputs.status).toBe('live')
    const afterFirst = await endState(session)

    const second = await publish(session, workspace, { target: 'live' })
    expect(second.run.code).toBe(0)
    expect(writesToApi(second.requests)).toEqual([])
    expect(second.run.outputs.status).toBe('unchanged')
    expect(statuses(second.run)).toEqual({
      'contoso-analytics': 'unchanged',
      'contoso-managed-ops': 'unchanged',
      'contoso-bc-connector': 'unchanged',
      'contoso-saas': 'unchanged',
      'contoso-vm': 'unchanged',
      'contoso-container': 'unchanged'
    })
    expect(second.run.outputs['submission-id']).toBe('')
    const results = JSON.parse(second.run.outputs.result) as Array<Record<string, unknown>>
    const [result, managed] = results as Array<Record<string, { compared: string[] }>>
    expect(result.comparedWith).toEqual({
      submissionId: expect.any(String),
      releaseNumber: 1,
      state: 'Published/InStore',
      compared: [
        'offer listing and images',
        'plan standard listing',
        'plan premium listing',
        'plan standard technical configuration',
        'plan premium technical configuration',
        'offer properties',
        'offer availability'
      ]
    })
    expect(managed.comparedWith.compared).toEqual(
      expect.arrayContaining(['offer availability', 'plan managed availability'])
    )
    // A product-ingestion offer names the live submission whose resource tree it compared.
    const vm = results.find(r => r.offerId === 'contoso-vm')!
    expect(vm.submissionId).toBeNull()
    expect(vm.comparedWith).toEqual({
      submissionId: expect.stringMatching(/^submission\/[0-9a-f-]+\/\d+$/),
      state: 'live: completed/succeeded',
      compared: expect.arrayContaining([
        'offer listing',
        expect.stringMatching(/^plan ubuntu-22-04 technical configuration \(image version /)
      ])
    })
    expect(second.run.summary).toContain('### contoso-analytics: unchanged')
    expect(second.run.summary).toContain('### contoso-vm: unchanged')
    expect(second.run.summary).toMatch(
      /\| Unchanged \| already held by submission \d+ \(release 1, Published\/InStore\)/
    )
    expect(await endState(session)).toEqual(afterFirst)

    // One offer's listing changes: only that offer is written and submitted.
    const manifest = join(workspace, 'marketplace.yml')
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace(
        'title: Contoso Managed Operations',
        'title: Contoso Managed Operations, now with backups'
      )
    )
    const third = await publish(session, workspace, { target: 'live' })
    expect(third.run.code).toBe(0)
    expect(statuses(third.run)).toEqual({
      'contoso-analytics': 'unchanged',
      'contoso-managed-ops': 'live',
      'contoso-bc-connector': 'unchanged',
      'contoso-saas': 'unchanged',
      'contoso-vm': 'unchanged',
      'contoso-container': 'unchanged'
    })
    expect(third.run.outputs.status).toBe('live')
    const managedOps = afterFirst['contoso-managed-ops']
    const writes = writesToApi(third.requests).map(r => `${r.method} ${r.path}`)
    expect(writes.length).toBeGreaterThan(0)
    expect(writes.filter(w => !w.includes(managedOps.productId))).toEqual([])
    expect(creations(third.requests)).toEqual([
      `POST /v1.0/ingestion/products/${managedOps.productId}/submissions`
    ])
  }, 180_000)

  it('target preview on a preview offer, then live, then preview and live on the live offer', async () => {
    const workspace = createWorkspace(['contoso-analytics'])
    const first = await publish(session, workspace, { target: 'preview' })
    expect(first.run.outputs.status).toBe('preview')
    // Each row: the target, the status it reports, whether it writes (only the promote).
    const rows: Array<[string, string, string[]]> = [
      ['preview', 'unchanged', []],
      ['live', 'live', ['promote']],
      ['preview', 'unchanged', []],
      ['live', 'unchanged', []]
    ]
    for (const [target, status, writes] of rows) {
      const again = await publish(session, workspace, { target })
      expect([target, again.run.code, again.run.outputs.status]).toEqual([target, 0, status])
      expect([target, writesToApi(again.requests).map(r => r.path.split('/').at(-1))]).toEqual([
        target,
        writes
      ])
    }
    const { submissions } = offerState(await session.state(), first.run.outputs['product-id'])
    expect(submissions).toEqual([expect.objectContaining({ promoted: true })])
  }, 120_000)
})
