/**
 * Packages from the release's assets, with publish-on-tag.yml on a tag that has a release: the
 * release is found by its tag, its assets are listed, the one the manifest's glob names is
 * downloaded (through GitHub's redirect to a signed URL) and published like a file of the
 * repository; its notes fill the certification notes. An asset the glob does not find fails
 * before anything is written. A token without `deployments: write` costs one warning.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { makeZip } from '../emulator/blob-fixtures.js'
import { startGitHubApi, type GitHubApiStandIn } from '../helpers/github-api.js'
import { problems, warnings } from './annotations.js'
import { expectNoLeaks } from './leaks.js'
import { sessionForFile, writesToApi } from './session.js'
import { offerState } from './state.js'
import { emulatorParts, exampleCheckout, runActionStep, type StepRun } from './workflow.js'

const NOTES = 'Premium reports now cover every subscription.'
const TEMPLATE = [
  { name: 'mainTemplate.json', data: '{"resources":[]}' },
  { name: 'createUiDefinition.json', data: '{"parameters":{}}' }
]

const session = sessionForFile()
let github: GitHubApiStandIn
beforeAll(async () => {
  github = await startGitHubApi()
  github.addRelease('v1.2.3', NOTES, [
    { name: 'contoso-analytics-premium-1.2.3.zip', data: makeZip(TEMPLATE) },
    { name: 'contoso-analytics-standard-1.2.3.zip', data: makeZip(TEMPLATE) },
    { name: 'checksums.txt', data: Buffer.from('sha256 …') }
  ])
})
beforeEach(async () => {
  await session.reset()
  github.log.length = 0
})
afterAll(async () => {
  await github.close()
})

/** publish-on-tag.yml for the tag v1.2.3, contoso-analytics's premium plan from `premium`. */
function tagPush(premium: unknown): StepRun {
  return {
    ...emulatorParts(session),
    workflow: 'publish-on-tag.yml',
    job: 'publish',
    event: { name: 'push', payload: { ref: 'refs/tags/v1.2.3' } },
    ref: 'refs/tags/v1.2.3',
    workspace: exampleCheckout({
      edit: manifest => {
        manifest.offers = manifest.offers.filter(offer => offer.id === 'contoso-analytics')
        const [offer] = manifest.offers
        offer.certificationNotes = '${{ release.notes }}'
        ;(offer.plans as Array<{ id: string; package: unknown }>)[1].package = premium
      }
    }),
    github
  }
}

it('publishes a package downloaded from the release of the tag', async () => {
  const run = await runActionStep(
    tagPush({ releaseAsset: 'contoso-analytics-premium-${{ version }}.zip' })
  )
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  expect(run.outputs.status).toBe('live')

  const state = offerState(await session.state(), run.outputs['product-id'])
  expect(state.packages).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ fileName: 'contoso-analytics-premium-1.2.3.zip', uploaded: true })
    ])
  )
  expect(github.log.map(c => `${c.method} ${c.path.replace(/\d+/g, 'N')} ${c.status}`)).toEqual(
    expect.arrayContaining([
      'GET /repos/contoso/marketplace-offers/releases/tags/vN.N.N 200',
      'GET /repos/contoso/marketplace-offers/releases/N/assets 200',
      'GET /repos/contoso/marketplace-offers/releases/assets/N 302',
      'GET /_downloads/N 200'
    ])
  )
  const products = (await session.state()).products as Array<{
    submissions: Array<{ publishOption?: { certificationNotes?: string } }>
  }>
  expect(
    products.flatMap(p => p.submissions.map(s => s.publishOption?.certificationNotes))
  ).toEqual([NOTES])
  // A publish that waits until live ends its deployment in success.
  expect(
    github.deployments.map(d => [d.environment, d.statuses.map(status => status.state)])
  ).toEqual([['Marketplace: contoso-analytics (live)', ['in_progress', 'success']]])
  expectNoLeaks([run], [...(await session.secrets()), ...github.secrets()])
})

it('fails before any write when no asset matches, listing the assets', async () => {
  const step = tagPush({ releaseAsset: 'contoso-analytics-gold-*.zip' })
  const run = await runActionStep(step)
  expect(run.code).toBe(1)
  const [problem, ...more] = problems(run.stdout)
  expect(more).toEqual([])
  expect(problem.properties).toMatchObject({ title: 'MANIFEST_INVALID', file: 'marketplace.yml' })
  // At the line of the releaseAsset field, with the assets there are.
  const manifest = readFileSync(join(step.workspace, 'marketplace.yml'), 'utf8').split('\n')
  const line =
    manifest.findIndex(text => text.includes('releaseAsset: contoso-analytics-gold-')) + 1
  expect(problem.properties.line).toBe(String(line))
  expect(problem.message).toBe(
    'no asset of release v1.2.3 matches contoso-analytics-gold-*.zip The release has: contoso-analytics-premium-1.2.3.zip, contoso-analytics-standard-1.2.3.zip, checksums.txt. Attach the package to the release before this job, or fix the pattern.'
  )
  expect(writesToApi(await session.requests())).toEqual([])
})

it('warns once when the token may not record deployments, and publishes', async () => {
  const run = await runActionStep({
    ...tagPush('packages/contoso-analytics-premium-*.zip'),
    permissions: { contents: 'read', 'id-token': 'write' }
  })
  expect(run.code).toBe(0)
  expect(run.outputs.status).toBe('live')
  expect(warnings(run.stdout)).toEqual([
    expect.stringContaining(
      'GitHub: Could not create a GitHub deployment: the GitHub token was refused (403). Grant the job `permissions: deployments: write`'
    )
  ])

  expect(github.log.filter(c => c.path.includes('/deployments'))).toHaveLength(1)
})
