/**
 * dry-run-on-pr.yml as a pull request runs it: the plan is posted as one comment, and the next
 * push updates that comment instead of adding another. A fork's pull request skips the job; a
 * token that may not comment gives one warning and the run still succeeds. Nothing is written to
 * Partner Center.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals'
import { startGitHubApi, type GitHubApiStandIn } from '../helpers/github-api.js'
import { warnings } from './annotations.js'
import { sessionForFile, writesToApi } from './session.js'
import { emulatorParts, exampleCheckout, jobRuns, runActionStep, type StepRun } from './workflow.js'

const session = sessionForFile()
let github: GitHubApiStandIn
beforeAll(async () => {
  github = await startGitHubApi()
})
beforeEach(() => {
  github.comments.length = 0
})
afterAll(async () => {
  await github.close()
})

const PR = 17

/** The `pull_request` event of PR 17 from a branch of `headRepository`, at commit `sha`. */
function pushTo(sha: string, headRepository = 'contoso/marketplace-offers'): StepRun {
  return {
    ...emulatorParts(session),
    workflow: 'dry-run-on-pr.yml',
    job: 'plan',
    event: {
      name: 'pull_request',
      payload: {
        action: 'synchronize',
        number: PR,
        pull_request: { number: PR, head: { sha, repo: { full_name: headRepository } } }
      }
    },
    ref: `refs/pull/${PR}/merge`,
    sha,
    // The workflow's `version` step reads it from package.json.
    steps: { version: { outputs: { value: '1.2.3' } } },
    workspace: exampleCheckout(),
    github
  }
}

it('posts the plan as one comment and updates it on the next push', async () => {
  const first = await runActionStep(pushTo('1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'))
  expect(first.code).toBe(0)
  expect(first.outputs.status).toBe('planned')
  expect(github.comments).toHaveLength(1)
  const [comment] = github.comments
  expect(comment.issue).toBe(PR)
  expect(comment.body).toMatch(/^<!-- marketplace-publish plan: marketplace\.yml -->\n/)
  expect(comment.body).toContain('## Marketplace publish plan (dry run, target live)')
  expect(comment.body).toContain('### contoso-analytics: planned')
  expect(comment.body).toMatch(
    /\| upload \| package standard \(contoso-analytics-standard-1\.2\.3\.zip/
  )
  expect(comment.body).toContain('| submit | submission to preview')
  expect(comment.body).toContain('_Plan for 1111111; each push updates it._')
  expect(comment.body).not.toContain('### Requests')

  const second = await runActionStep(pushTo('2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'))
  expect(second.code).toBe(0)
  expect(github.comments).toEqual([
    expect.objectContaining({ id: comment.id, body: expect.stringContaining('Plan for 2222222') })
  ])
  expect(github.log.filter(c => c.method === 'POST' && c.path.endsWith('/comments'))).toHaveLength(
    1
  )
  expect(github.log.filter(c => c.method === 'PATCH')).toHaveLength(1)
  expect(writesToApi(await session.requests())).toEqual([])
})

it('skips a fork pull request: the job does not run', () => {
  expect(jobRuns(pushTo('3333333', 'someone/marketplace-offers'))).toBe(false)
  expect(jobRuns(pushTo('3333333'))).toBe(true)
})

it('warns once when the token may not comment, and still succeeds', async () => {
  const run = await runActionStep({
    ...pushTo('4444444cccccccccccccccccccccccccccccccccc'),
    permissions: { contents: 'read', 'id-token': 'write' }
  })
  expect(run.code).toBe(0)
  expect(run.outputs.status).toBe('planned')
  expect(warnings(run.stdout)).toEqual([
    expect.stringContaining(
      'GitHub: Could not post the plan on the pull request: the GitHub token was refused (403). Grant the job `permissions: pull-requests: write`'
    )
  ])

  expect(github.comments).toEqual([])
})
