/**
 * Deployments as the tracker records them, through Octokit against the GitHub stand-in on
 * loopback: a publish creates one per offer and target; a follow finds the newest open one,
 * retires older open ones, and posts only what changed; a refused token warns once and stops
 * asking. The status a result calls for, and its one-line description.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { Agent } from 'undici'
import { createGitHubApi } from '../../src/github/client.js'
import {
  deploymentState,
  deploymentTracker,
  environmentName,
  statusDescription
} from '../../src/github/deployments.js'
import type { OfferTracker } from '../../src/publish/context.js'
import { startGitHubApi, type GitHubApiStandIn } from '../helpers/github-api.js'
import { result } from './report-fixtures.js'

const dispatcher = new Agent()
let github: GitHubApiStandIn
let warnings: string[]
afterAll(async () => {
  await dispatcher.close()
})
beforeEach(async () => {
  github = await startGitHubApi()
  warnings = []
})
afterEach(async () => {
  await github.close()
})

function tracker(target: 'preview' | 'live' = 'live'): OfferTracker {
  const api = createGitHubApi({
    token: github.token,
    apiUrl: github.url,
    repository: github.repository,
    dispatcher,
    warn: message => warnings.push(message),
    debug: () => undefined
  })
  return deploymentTracker({
    api,
    target,
    ref: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    logUrl: 'https://github.com/contoso/marketplace-offers/actions/runs/7001',
    version: '1.2.3'
  })
}

describe('deployment tracker', () => {
  it('creates one deployment per offer when a publish starts, and ends it with the result', async () => {
    const publish = tracker()
    await publish.started('contoso-analytics')
    await publish.finished(result({ offerId: 'contoso-analytics', status: 'live', timeline: [] }))
    expect(github.deployments).toEqual([
      expect.objectContaining({
        environment: 'Marketplace: contoso-analytics (live)',
        task: 'deploy:marketplace',
        description: 'contoso-analytics 1.2.3 to live',
        payload: { offerId: 'contoso-analytics', target: 'live', version: '1.2.3' },
        production_environment: true
      })
    ])
    expect(github.deployments[0].statuses).toEqual([
      expect.objectContaining({ state: 'in_progress', description: 'Publishing to live' }),
      expect.objectContaining({
        state: 'success',
        description: 'Live: submission 1152921505697735884 (release 3)',
        environment_url:
          'https://partner.microsoft.com/dashboard/commercial-marketplace/offers/prod-1/overview',
        log_url: 'https://github.com/contoso/marketplace-offers/actions/runs/7001'
      })
    ])
  })

  it('follows the newest open deployment, retires older open ones, and skips an unchanged status', async () => {
    const first = tracker()
    await first.started('contoso-analytics')
    const second = tracker()
    await second.started('contoso-analytics')
    const submitted = result({ status: 'submitted', timeline: [] })
    await second.finished(submitted)

    const follow = tracker()
    expect(await follow.resumed('contoso-analytics')).toBe(true)
    await follow.finished(submitted)
    const [older, newer] = github.deployments
    expect(older.statuses.map(s => s.state)).toEqual(['in_progress', 'inactive'])
    expect(newer.statuses.map(s => s.state)).toEqual(['in_progress', 'in_progress'])

    // Every deployment closed: a finished submission was already reported.
    await follow.finished(result({ status: 'live', timeline: [] }))
    expect(await tracker().resumed('contoso-analytics')).toBe(false)
    expect(github.deployments).toHaveLength(2)
  })

  it('closes an open deployment as inactive when a follow finds nothing in flight', async () => {
    await tracker().started('contoso-analytics')
    const follow = tracker()
    await follow.resumed('contoso-analytics')
    await follow.finished(result({ status: 'draft', nothingToFollow: 'it has no submission' }))
    expect(github.deployments[0].statuses.at(-1)).toMatchObject({
      state: 'inactive',
      description: 'Nothing in flight: it has no submission'
    })
  })

  it('warns once when the token may not write deployments, then asks no more', async () => {
    github.permissions = { contents: 'read' }
    const publish = tracker()
    await publish.started('contoso-analytics')
    await publish.started('contoso-managed-ops')
    await publish.finished(result())
    expect(await publish.resumed('contoso-analytics')).toBeUndefined()
    expect(warnings).toEqual([
      expect.stringMatching(
        /^Could not create a GitHub deployment: the GitHub token was refused \(403\)\. Grant the job `permissions: deployments: write`/
      )
    ])
    expect(github.log).toHaveLength(1)
    expect(warnings.join('\n')).not.toContain(github.token)
  })
})

describe('deployment status', () => {
  it.each([
    ['failed', 'live', 'failure'],
    ['submitted', 'live', 'in_progress'],
    ['preview', 'live', 'in_progress'],
    ['live', 'live', 'success'],
    ['submitted', 'preview', 'in_progress'],
    ['preview', 'preview', 'success'],
    ['live', 'preview', 'success'],
    ['unchanged', 'live', 'success'],
    ['unchanged', 'preview', 'success']
  ] as const)('%s with target %s is %s', (status, target, state) => {
    expect(deploymentState(result({ status }), target)).toBe(state)
  })

  it.each(['CANCELLED', 'TIME_BUDGET_EXCEEDED'])(
    'stays in progress when the run stopped (%s) after submitting: a follow finishes it',
    code => {
      const stopped = result({ status: 'failed', errors: [{ code, message: 'stopped' }] })
      expect(deploymentState(stopped, 'live')).toBe('in_progress')
      const before = result({ status: 'failed', submissionId: undefined, errors: stopped.errors })
      expect(deploymentState(before, 'live')).toBe('failure')
    }
  )

  it('names the environment after the offer and the target', () => {
    expect(environmentName('contoso-bc-connector', 'preview')).toBe(
      'Marketplace: contoso-bc-connector (preview)'
    )
  })

  it('describes a failure by its first error, within GitHub’s 140 characters', () => {
    const failed = result({
      status: 'failed',
      errors: [{ code: 'SUBMISSION_FAILED', message: `Submission failed: ${'x'.repeat(200)}` }]
    })
    const description = statusDescription(failed)
    expect(description).toMatch(
      /^Failed \(submission 1152921505697735884 \(release 3\)\): Submission failed: x+…$/
    )
    expect(description).toHaveLength(140)
  })
})
