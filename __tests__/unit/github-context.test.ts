/** The run's GitHub context as @actions/github reads it from the runner, typed for the action. */
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// @actions/github reads the runner's variables and the event file once, when first imported.
const eventPath = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json')
writeFileSync(
  eventPath,
  JSON.stringify({
    release: { id: 42, tag_name: 'v1.2.3', body: 'Fixes the export.\n\n- faster' }
  })
)
Object.assign(process.env, {
  GITHUB_REF: 'refs/tags/v1.2.3',
  GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
  GITHUB_EVENT_NAME: 'release',
  GITHUB_EVENT_PATH: eventPath,
  GITHUB_REPOSITORY: 'contoso/marketplace-offers',
  GITHUB_RUN_ID: '7001',
  GITHUB_SERVER_URL: 'https://github.contoso.example',
  GITHUB_API_URL: 'https://github.contoso.example/api/v3'
})
const { context } = await import('@actions/github')
const { githubContext } = await import('../../src/github/context.js')

/** A copy of the context with some fields replaced (its getters read the copy's fields). */
function contextWith(fields: Partial<typeof context>): typeof context {
  return Object.assign(Object.create(Object.getPrototypeOf(context)), {
    ...context,
    ...fields
  }) as typeof context
}

describe('githubContext', () => {
  it('takes the ref, commit, event, repository, run, server, API and release from the runner', () => {
    expect(githubContext()).toEqual({
      ref: 'refs/tags/v1.2.3',
      sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      eventName: 'release',
      repository: 'contoso/marketplace-offers',
      runId: 7001,
      serverUrl: 'https://github.contoso.example',
      apiUrl: 'https://github.contoso.example/api/v3',
      release: { id: 42, tagName: 'v1.2.3', notes: 'Fixes the export.\n\n- faster' },
      pullRequest: undefined
    })
  })

  it.each(['pull_request', 'pull_request_target'])('takes the pull request of %s', eventName => {
    const pr = contextWith({ eventName, payload: { pull_request: { number: 17 } } })
    expect(githubContext(pr)).toMatchObject({ pullRequest: { number: 17 }, release: undefined })
  })

  it('has no release notes for a release without a body, and no pull request on a push', () => {
    const release = { id: 7, tag_name: 'v2.0.0', body: null }
    expect(githubContext(contextWith({ eventName: 'push', payload: { release } }))).toMatchObject({
      release: { id: 7, tagName: 'v2.0.0', notes: '' },
      pullRequest: undefined
    })
  })

  it('leaves out what a run outside Actions does not have', () => {
    const local = contextWith({
      payload: {},
      ref: undefined,
      sha: undefined,
      eventName: undefined,
      runId: NaN
    } as unknown as Partial<typeof context>)
    delete process.env.GITHUB_REPOSITORY
    expect(githubContext(local)).toEqual({
      ref: undefined,
      sha: undefined,
      eventName: undefined,
      repository: undefined,
      runId: undefined,
      serverUrl: 'https://github.contoso.example',
      apiUrl: 'https://github.contoso.example/api/v3',
      release: undefined,
      pullRequest: undefined
    })
  })
})
