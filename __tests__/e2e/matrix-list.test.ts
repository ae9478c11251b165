/**
 * matrix-from-list.yml as a tag push runs it: the `list` job outputs the manifest's offers as a
 * JSON array with no credentials and no request at all, the job output feeds the matrix, and each
 * matrix job publishes its one offer.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { startGitHubApi, type GitHubApiStandIn } from '../helpers/github-api.js'
import { sessionForFile } from './session.js'
import {
  emulatorParts,
  exampleCheckout,
  jobOutputs,
  matrixValues,
  runActionStep,
  type StepRun
} from './workflow.js'

/** The example manifest's offers: three of the Ingestion API, three of product ingestion. */
const OFFERS = [
  'contoso-analytics',
  'contoso-managed-ops',
  'contoso-bc-connector',
  'contoso-saas',
  'contoso-vm',
  'contoso-container'
]

const session = sessionForFile()
let github: GitHubApiStandIn
beforeAll(async () => {
  github = await startGitHubApi()
})
afterAll(async () => {
  await github.close()
})

function tagPush(job: string): StepRun {
  return {
    ...emulatorParts(session),
    workflow: 'matrix-from-list.yml',
    job,
    event: { name: 'push', payload: { ref: 'refs/tags/v1.2.3' } },
    ref: 'refs/tags/v1.2.3',
    workspace: exampleCheckout(),
    github
  }
}

it('lists the offers without credentials or requests, then publishes one offer per job', async () => {
  const list = await runActionStep({
    ...tagPush('list'),
    // A checkout before any build: the manifest alone.
    workspace: exampleCheckout({ manifestOnly: true })
  })
  expect(list.stderr).toBe('')
  expect(list.code).toBe(0)
  expect(JSON.parse(list.outputs.offers)).toEqual(OFFERS)
  expect(list.summary).toContain('| `contoso-bc-connector` | business-central |')
  expect(list.summary).toContain('| `contoso-vm` | azure-virtual-machine |')
  expect(await session.requests()).toEqual([])
  expect(github.log).toEqual([])

  const needs = {
    list: { outputs: jobOutputs(tagPush('list'), { list: { outputs: list.outputs } }) }
  }
  const offers = matrixValues({ ...tagPush('publish'), needs }, 'offer')
  expect(offers).toEqual(OFFERS)

  const jobs = await Promise.all(
    offers.map(offer => runActionStep({ ...tagPush('publish'), needs, matrix: { offer } }))
  )
  jobs.forEach((job, i) => {
    expect(job.code).toBe(0)
    expect(job.outputs.status).toBe('submitted')
    expect(JSON.parse(job.outputs.result)).toEqual([
      expect.objectContaining({ offerId: OFFERS[i], status: 'submitted' })
    ])
  })
  expect(github.deployments.map(d => d.environment).sort()).toEqual(
    OFFERS.map(offer => `Marketplace: ${offer} (live)`).sort()
  )
})
