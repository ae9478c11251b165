/**
 * The release → follow pattern, as the example workflows run it: publish-on-release.yml submits
 * the six example offers (three through the Ingestion API, three through the product-ingestion
 * API) on a `release` event (target live, wait: false) and records each as a deployment;
 * follow.yml, on schedule, with no tag and no version and a checkout without packages, reports
 * them while they certify, promotes each ready preview (a promote, or a configure holding only the
 * live submission), reports them live and closes the deployments, then has nothing to follow.
 * Nothing but the promotes is written to Partner Center after the release job; the release notes
 * reach the certification notes; the GitHub token appears nowhere.
 *
 * Certification is held and released through the emulator's speed (a submission's states, on
 * both APIs, are a function of time divided by `speed`): 1 keeps a new submission validating for
 * minutes, 1e6 certifies it at once.
 */
import { afterEach, beforeEach, expect, it } from '@jest/globals'
import { startGitHubApi, type GitHubApiStandIn } from '../helpers/github-api.js'
import type { RunResult } from '../helpers/runner.js'
import { expectNoLeaks } from './leaks.js'
import { sessionForFile, writesToApi, type LoggedRequest } from './session.js'
import { problems } from './annotations.js'
import { piOfferState } from './pi-state.js'
import {
  emulatorParts,
  exampleCheckout,
  runActionStep,
  RUN_ID,
  type ExampleManifest
} from './workflow.js'

/** The example manifest's offers of the Ingestion API, then those of product ingestion. */
const V1_OFFERS = ['contoso-analytics', 'contoso-managed-ops', 'contoso-bc-connector']
const PI_OFFERS = ['contoso-saas', 'contoso-vm', 'contoso-container']
const OFFERS = [...V1_OFFERS, ...PI_OFFERS]
const NOTES = 'Fixes the export of cost reports.\n\n- Test with any subscription.'

const session = sessionForFile()
let github: GitHubApiStandIn
beforeEach(async () => {
  await session.reset()
  await setSpeed(3600)
  github = await startGitHubApi()
})
afterEach(async () => {
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

/** publish-on-release.yml for the release `releaseId` (tag v1.2.3) of the example manifest. */
function releaseJob(releaseId: number, edit: (manifest: ExampleManifest) => void) {
  return runActionStep({
    ...emulatorParts(session),
    workflow: 'publish-on-release.yml',
    job: 'publish',
    event: {
      name: 'release',
      payload: { action: 'published', release: { id: releaseId, tag_name: 'v1.2.3', body: NOTES } }
    },
    ref: 'refs/tags/v1.2.3',
    workspace: exampleCheckout({ edit }),
    github
  })
}

/** follow.yml on schedule: the default branch, no tag, no version, no package in the checkout. */
function followJob() {
  return runActionStep({
    ...emulatorParts(session),
    workflow: 'follow.yml',
    job: 'follow',
    event: { name: 'schedule', payload: { schedule: '17,47 * * * *' } },
    ref: 'refs/heads/main',
    workspace: exampleCheckout({ manifestOnly: true }),
    github
  })
}

/** The product-ingestion state of the offer (its configure jobs, with the resources each sent). */
async function piState(offerId: string) {
  return piOfferState(await session.state(), offerId)
}

it('carries a release of six offers of both APIs to live: submit, then scheduled follow runs', async () => {
  const runs: RunResult[] = []
  const release = github.addRelease('v1.2.3', NOTES)

  // The release job. A product-ingestion preview takes 3900 / speed seconds from its job: at 360
  // it is still certifying when the release job returns (wait: false), so the follows promote it.
  await setSpeed(360)
  const releaseRun = await releaseJob(release.id, manifest => {
    for (const offer of manifest.offers)
      if (V1_OFFERS.includes(offer.id))
        offer.certificationNotes = 'Release ${{ version }}: ${{ release.notes }}'
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
    V1_OFFERS.map(() => expect.objectContaining({ certificationNotes: `Release 1.2.3: ${NOTES}` }))
  )
  const releaseJobs = new Map<string, number>()
  for (const offerId of PI_OFFERS)
    releaseJobs.set(offerId, (await piState(offerId)).requests.length)

  // One deployment per offer, open while its submission certifies.
  for (const offerId of OFFERS) {
    const [deployment, ...more] = deploymentsOf(offerId)
    expect(more).toEqual([])
    expect(deployment).toMatchObject({ task: 'deploy:marketplace', production_environment: true })
    expect(deployment.statuses.map(s => s.state)).toEqual(['in_progress', 'in_progress'])
  }

  // Scheduled runs.
  const follow = (): Promise<RunResult> => followJob().then(run => (runs.push(run), run))
  const before = (await session.requests()).length
  const followRequests = async (): Promise<LoggedRequest[]> =>
    (await session.requests()).slice(before)

  await setSpeed(1)
  const certifying = await follow()
  expect(certifying.code).toBe(0)
  expect(certifying.outputs.status).toBe('submitted')
  expect(certifying.stdout).toMatch(/\[contoso-analytics\] .* InProgress\/Submitted/)
  expect(certifying.stdout).toMatch(/\[contoso-saas\] .* preview: running\/pending/)
  for (const offerId of OFFERS)
    expect(deploymentsOf(offerId)[0].statuses.at(-1)?.state).toBe('in_progress')

  await setSpeed(1e6)
  const promoting = await follow()
  expect(promoting.code).toBe(0)
  expect(promoting.outputs.status).toBe('preview')
  const promotes = writesToApi(await followRequests())
  expect(
    promotes
      .map(r => `${r.method} ${r.path.replace(/\/products\/[^/]+\/submissions\/[^/]+/, '/…')}`)
      .sort()
  ).toEqual([
    ...PI_OFFERS.map(() => 'POST /rp/product-ingestion/configure'),
    ...V1_OFFERS.map(() => 'POST /v1.0/ingestion/…/promote')
  ])
  // A product-ingestion promote is one configure job with the live submission alone: the
  // preview's id, target live.
  for (const offerId of PI_OFFERS) {
    const { requests, submissions } = await piState(offerId)
    expect(requests.slice(releaseJobs.get(offerId))).toEqual([
      [
        expect.objectContaining({
          id: submissions.at(-1)?.id,
          target: { targetType: 'live' }
        })
      ]
    ])
  }

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

it('reports a failed certification once: the follow run fails with the validation items', async () => {
  const release = github.addRelease('v1.2.3', NOTES)
  await session.setFaults('validation-failed x1')
  const only = (manifest: ExampleManifest): void => {
    manifest.offers = manifest.offers.filter(offer => offer.id === 'contoso-analytics')
  }
  const releaseRun = await releaseJob(release.id, only)
  expect(releaseRun.outputs.status).toBe('submitted')

  const failing = await followJob()
  expect(failing.code).toBe(1)
  expect(failing.outputs.status).toBe('failed')
  const errors = problems(failing.stdout)
  expect(errors[0].message).toContain('failed (InProgress/Failed)')
  expect(errors.map(e => e.message)).toContain(
    'Submission-20001: Validation failed (forced by the emulator fault validation-failed).'
  )
  const [deployment] = deploymentsOf('contoso-analytics')
  expect(deployment.statuses.at(-1)).toMatchObject({
    state: 'failure',
    description: expect.stringMatching(
      /^Failed \(submission \d+ \(release \d+\)\): Submission \d+ failed/
    )
  })

  const after = await followJob()
  expect(after.code).toBe(0)
  expect(after.stdout).toContain('Nothing to follow: its latest submission')
  expect(deployment.statuses.at(-1)?.state).toBe('failure')
})

it('reports a failed certification of a product-ingestion offer once, as for the others', async () => {
  const release = github.addRelease('v1.2.3', NOTES)
  await session.setFaults('cert-failed x1')
  await setSpeed(360)
  const releaseRun = await releaseJob(release.id, manifest => {
    manifest.offers = manifest.offers.filter(offer => offer.id === 'contoso-saas')
  })
  expect(releaseRun.outputs.status).toBe('submitted')
  const before = (await session.requests()).length

  await setSpeed(1e6)
  const failing = await followJob()
  expect(failing.code).toBe(1)
  expect(failing.outputs.status).toBe('failed')
  const [error] = problems(failing.stdout)
  expect(error.properties.title).toBe('contoso-saas: SUBMISSION_FAILED')
  expect(error.message).toMatch(
    /^Submission submission\/[0-9a-f-]+\/\d+ of offer "contoso-saas" failed \(preview: completed\/failed\)/
  )
  expect(writesToApi((await session.requests()).slice(before))).toEqual([])
  const [deployment] = deploymentsOf('contoso-saas')
  expect(deployment.statuses.at(-1)).toMatchObject({
    state: 'failure',
    description: expect.stringMatching(/^Failed \(submission submission\/[0-9a-f-]+\/\d+\): /)
  })

  const after = await followJob()
  expect(after.code).toBe(0)
  expect(after.stdout).toContain('Nothing to follow: its latest submission/')
  expect(deployment.statuses.at(-1)?.state).toBe('failure')
})
