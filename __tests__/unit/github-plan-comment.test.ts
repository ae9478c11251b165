/**
 * The plan comment through Octokit against the GitHub stand-in: found again by its marker and
 * updated in place; another manifest or offers filter keeps a comment of its own.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { Agent } from 'undici'
import { createGitHubApi } from '../../src/github/client.js'
import { planMarker, upsertPlanComment } from '../../src/github/plan-comment.js'
import { startGitHubApi, type GitHubApiStandIn } from '../helpers/github-api.js'

const dispatcher = new Agent()
let github: GitHubApiStandIn
beforeAll(async () => {
  github = await startGitHubApi()
})
afterAll(async () => {
  await github.close()
  await dispatcher.close()
})

it('names the manifest and the offers filter, and cannot end its HTML comment early', () => {
  expect(planMarker('marketplace.yml', [])).toBe(
    '<!-- marketplace-publish plan: marketplace.yml -->'
  )
  expect(planMarker('offers/all.yml', ['contoso-*', 'contoso--x'])).toBe(
    '<!-- marketplace-publish plan: offers/all.yml offers=contoso-*,contoso-x -->'
  )
})

it('updates the comment of the same plan and keeps one per plan', async () => {
  const api = createGitHubApi({
    token: github.token,
    apiUrl: github.url,
    repository: github.repository,
    dispatcher,
    warn: message => {
      throw new Error(message)
    },
    debug: () => undefined
  })
  const all = planMarker('marketplace.yml', [])
  const some = planMarker('marketplace.yml', ['contoso-bc-*'])
  // A reviewer's comment on the same pull request is left alone.
  github.comments.push({ id: 1, issue: 5, body: 'Looks good', user: { login: 'octocat' } })
  await upsertPlanComment(api, 5, all, 'plan A')
  await upsertPlanComment(api, 5, some, 'plan B')
  await upsertPlanComment(api, 5, all, 'plan A, second push')
  expect(github.comments.map(c => c.body)).toEqual([
    'Looks good',
    `${all}\nplan A, second push`,
    `${some}\nplan B`
  ])
})
