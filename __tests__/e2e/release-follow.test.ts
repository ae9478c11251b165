/**
 * The release → follow pattern, as the example workflows run it: publish-on-release.yml submits
 * the three example offers on a `release` event (target live, wait: false) and records each as a
 * deployment; follow.yml, on schedule, with no tag and no version and a checkout without packages,
 * reports them while they certify, promotes each ready preview, reports them live and closes the
 * deployments, then has nothing to follow. Nothing but the promotes is written to Partner Center
 * after the release job; the release notes reach the certification notes; the GitHub token
 * appears nowhere.
 *
 * Certification is held and released through the emulator's speed (its states are a function of
 * time divided by `speed`): 1 keeps a new submission validating for minutes, 1e6 certifies it at
 * once.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { startGitHubApi, type GitHubApiStandIn } from '../helpers/github-api.js'
import type { RunResult } from '../helpers/runner.js'
import { expectNoLeaks } from './leaks.js'
import { sessionForFile, writesToApi, type LoggedRequest } from './session.js'
import { emulatorParts, exampleCheckout, runActionStep, RUN_ID } from './workflow.js'

const OFFERS = ['contoso-analytics', 'contoso-managed-ops', 'contoso-bc-connector']
const NOTES = 'Fixes the export of cost reports.\n\n- Test with any subscription.'

const session = sessionForFile()
let github: GitHubApiStandIn
beforeAll(async () => {
  github = await startGitHubApi()
})
afterAll(async () => {
  await github.close()
})

async function setSpeed(speed: number): Promise<void> {
  await session.emulator.adminJson('/config', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ speed })
  })
}

/** The deployments of an offer's live environment, with their statuses oldest first. */
function deploymentsOf(offerId: string) {
  return github.deployments.filter(d => d.environment === `Marketplace: ${offerId} (live)`)
}

it('carries a release of three offers to live: submit, then scheduled follow runs', async () => {
  const parts = emulatorParts(session)
  const runs: RunResult[] = []
  const release = github.addRelease('v1.2.3', NOTES)

  // The release job.
  const releaseRun = await runActionStep({
    ...parts,
    workflow: 'publish-on-release.yml',
    job: 'publish',
    event: {
      name: 'release',
      payload: { action: 'published', release: { id: release.id, tag_name: 'v1.2.3', body: NOTES } }
    },
    ref: 'refs/tags/v1.2.3',
    workspace: exampleCheckout({
      edit: manifest => {
        for (const offer of manifest.offers)
          offer.certificationNotes = 'Release ${{ version }}: ${{ release.notes }}'
      }
    }),
    github
  })
  runs.push(releaseRun)
  expect(releaseRun.stderr).toBe('')
  expect(releaseRun.code).toBe(0)
  expect(releaseRun.outputs.status).toBe('submitted')
  expect(JSON.parse(releaseRun.outputs.offers)).toEqual(OFFERS)

  // The release notes are the certification notes of every submission.
  const state = (await session.state()) as {
    products: Array<{ submissions: Array<{ publishOption?: { certificationNotes?: string } }> }>
  }
  const notes = state.products.flatMap(p => p.submissions.map(s => s.publishOption))
  expect(notes).toEqual(
    OFFERS.map(() => expect.objectContaining({ certificationNotes: `Release 1.2.3: ${NOTES}` }))
  )

  // One deployment per offer, open while its submission certifies.
  for (const offerId of OFFERS) {
    const [deployment, ...more] = deploymentsOf(offerId)
    expect(more).toEqual([])
    expect(deployment).toMatchObject({ task: 'deploy:marketplace', production_environment: true })
    expect(deployment.statuses.map(s => s.state)).toEqual(['in_progress', 'in_progress'])
  }

  // Scheduled runs: the default branch, no tag, no version, and no package in the checkout.
  const follow = (): Promise<RunResult> =>
    runActionStep({
      ...parts,
      workflow: 'follow.yml',
      job: 'follow',
      event: { name: 'schedule', payload: { schedule: '17,47 * * * *' } },
      ref: 'refs/heads/main',
      workspace: exampleCheckout({ manifestOnly: true }),
      github
    }).then(run => (runs.push(run), run))
  const before = (await session.requests()).length
  const followRequests = async (): Promise<LoggedRequest[]> =>
    (await session.requests()).slice(before)

  await setSpeed(1)
  const certifying = await follow()
  expect(certifying.code).toBe(0)
  expect(certifying.outputs.status).toBe('submitted')
  expect(certifying.stdout).toMatch(/\[contoso-analytics\] .* InProgress\/Submitted/)
  for (const offerId of OFFERS)
    expect(deploymentsOf(offerId)[0].statuses.at(-1)?.state).toBe('in_progress')

  await setSpeed(1e6)
  const promoting = await follow()
  expect(promoting.code).toBe(0)
  expect(promoting.outputs.status).toBe('preview')
  const promotes = writesToApi(await followRequests())
  expect(
    promotes.map(
      r => `${r.method} ${r.path.replace(/\/products\/[^/]+\/submissions\/[^/]+/, '/…')}`
    )
  ).toEqual(OFFERS.map(() => 'POST /v1.0/ingestion/…/promote'))

  const live = await follow()
  expect(live.code).toBe(0)
  expect(live.outputs.status).toBe('live')
  const result = JSON.parse(live.outputs.result) as Array<{ offerId: string; status: string }>
  expect(result.map(r => [r.offerId, r.status])).toEqual(OFFERS.map(id => [id, 'live']))
  for (const offerId of OFFERS) {
    const [deployment, ...more] = deploymentsOf(offerId)
    expect(more).toEqual([])
    const last = deployment.statuses.at(-1)
    expect(last).toMatchObject({
      state: 'success',
      log_url: `https://github.com/contoso/marketplace-offers/actions/runs/${RUN_ID}`
    })
    expect(last?.environment_url).toMatch(
      /^https:\/\/partner\.microsoft\.com\/dashboard\/commercial-marketplace\/offers\/[^/]+\/overview$/
    )
  }

  // Every deployment is closed: nothing is left to follow, and that is not a failure.
  const idle = await follow()
  expect(idle.code).toBe(0)
  expect(idle.outputs.status).toBe('live')
  expect(idle.stdout).toContain(
    '::notice title=Offer contoso-analytics::[contoso-analytics] Nothing to follow'
  )
  expect(deploymentsOf('contoso-analytics')[0].statuses.at(-1)?.state).toBe('success')

  // After the release job: the promotes, and nothing else, written to Partner Center.
  expect(writesToApi(await followRequests())).toEqual(promotes)
  expectNoLeaks(runs, [...(await session.secrets()), ...github.secrets()])
})
