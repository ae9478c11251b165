/** The run's GitHub context as @actions/github reads it from the runner, typed for the action. */
import { describe, expect, it } from '@jest/globals'

// @actions/github reads the runner's variables once, when it is first imported.
Object.assign(process.env, {
  GITHUB_REF: 'refs/tags/v1.2.3',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_REPOSITORY: 'contoso/marketplace-offers',
  GITHUB_RUN_ID: '7001',
  GITHUB_SERVER_URL: 'https://github.contoso.example'
})
const { context } = await import('@actions/github')
const { githubContext } = await import('../../src/github/context.js')

describe('githubContext', () => {
  it('takes the ref, event, repository, run and server from the runner', () => {
    expect(githubContext()).toEqual({
      ref: 'refs/tags/v1.2.3',
      eventName: 'push',
      repository: 'contoso/marketplace-offers',
      runId: 7001,
      serverUrl: 'https://github.contoso.example'
    })
  })

  it('leaves out what a run outside Actions does not have', () => {
    const local = Object.assign(Object.create(Object.getPrototypeOf(context)), {
      ...context,
      payload: {},
      ref: undefined,
      eventName: undefined,
      runId: NaN
    }) as typeof context
    delete process.env.GITHUB_REPOSITORY
    expect(githubContext(local)).toEqual({
      ref: undefined,
      eventName: undefined,
      repository: undefined,
      runId: undefined,
      serverUrl: 'https://github.contoso.example'
    })
  })
})
