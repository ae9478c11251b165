/**
 * Bad credentials (a wrong client secret; a GitHub OIDC token with the wrong audience, subject or
 * issuer) fail with one AADSTS error before any API request; OIDC works without a client secret.
 */
import { describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/runner.js'
import { problems } from './annotations.js'
import { sessionForFile } from './session.js'
import { createWorkspace } from './workspace.js'

const session = sessionForFile()

it('reports a wrong client secret as one AADSTS error and touches no offer', async () => {
  const before = (await session.requests()).length
  const run = await runAction(session.env({ 'client-secret': 'Wrong~secret-value-123456789' }), {
    workspace: createWorkspace(['contoso-analytics'])
  })

  expect(run.code).toBe(1)
  const errors = problems(run.stdout)
  expect(errors).toHaveLength(1)
  expect(errors[0].message).toMatch(/AADSTS\d+/)
  expect(run.outputs.status).toBe('failed')
  const apiRequests = (await session.requests())
    .slice(before)
    .filter(r => /\/v1\.0\/ingestion\//i.test(r.path))
  expect(apiRequests).toEqual([])
})

it('publishes with a GitHub OIDC token instead of a client secret', async () => {
  const { oidc } = session.emulator.ready
  const env = session.env({ target: 'draft' })
  delete env['INPUT_CLIENT-SECRET']
  const run = await runAction(
    {
      ...env,
      ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken
    },
    { workspace: createWorkspace(['contoso-analytics']) }
  )
  expect(run.code).toBe(0)
  expect(run.outputs.status).toBe('draft')
  const tokenRequests = (await session.requests()).filter(r => /oauth2\/v2\.0\/token/.test(r.path))
  expect(tokenRequests.some(r => r.status === 200)).toBe(true)
})

describe('a GitHub OIDC token Entra must refuse', () => {
  const cases: Array<{ what: string; inputs: Record<string, string>; query: string }> = [
    {
      what: 'wrong audience',
      inputs: { 'oidc-audience': 'api://SomethingElse' },
      query: ''
    },
    {
      what: 'wrong subject',
      inputs: {},
      query: `&sub=${encodeURIComponent('repo:contoso/other-repo:ref:refs/heads/main')}`
    },
    {
      what: 'wrong issuer',
      inputs: {},
      query: `&iss=${encodeURIComponent('https://token.actions.example.com')}`
    }
  ]
  it.each(cases)('reports a $what as one AADSTS error and exits 1', async ({ inputs, query }) => {
    const { oidc } = session.emulator.ready
    const env = session.env({ target: 'draft', ...inputs })
    delete env['INPUT_CLIENT-SECRET']
    const before = (await session.requests()).length
    const run = await runAction(
      {
        ...env,
        ACTIONS_ID_TOKEN_REQUEST_URL: `${oidc.requestUrl}${query}`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken
      },
      { workspace: createWorkspace(['contoso-analytics']) }
    )
    expect(run.code).toBe(1)
    const errors = problems(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0].message).toMatch(/AADSTS\d+/)
    expect(run.outputs.status).toBe('failed')
    const apiRequests = (await session.requests())
      .slice(before)
      .filter(r => /\/v1\.0\/ingestion\//i.test(r.path))
    expect(apiRequests).toEqual([])
  })
})
