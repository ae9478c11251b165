/**
 * The GitHub OIDC test issuer and the v2 client-assertion login (workload identity federation),
 * including the real @actions/core `getIDToken()` against the issuer.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { createPublicKey, verify } from 'node:crypto'
import * as core from '@actions/core'
import {
  AUDIENCE,
  CLIENT_ID,
  RESOURCE,
  SUBJECT,
  TENANT,
  claimsOf,
  startEntra,
  type EntraHarness
} from './entra-harness.js'

const V2 = `/${TENANT}/oauth2/v2.0/token`
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

let h: EntraHarness
beforeAll(async () => {
  h = await startEntra()
})
afterAll(async () => {
  await h.close()
})

/** Mints a GitHub-style ID token the way a test would, with optional overrides. */
async function mint(query: Record<string, string> = {}): Promise<string> {
  const { requestUrl, requestToken } = h.entra.oidcInfo()
  const params = new URLSearchParams({ audience: AUDIENCE, ...query })
  const response = await fetch(`${requestUrl}&${params}`, {
    headers: { authorization: `Bearer ${requestToken}` }
  })
  expect(response.status).toBe(200)
  const body = (await response.json()) as { count: number; value: string }
  expect(body.count).toBe(1)
  return body.value
}

function loginWith(assertion: string, form: Record<string, string> = {}): Promise<Response> {
  return h.postForm(V2, {
    grant_type: 'client_credentials',
    client_id: CLIENT_ID,
    scope: `${RESOURCE}/.default`,
    client_assertion_type: JWT_BEARER,
    client_assertion: assertion,
    ...form
  })
}

async function expectAadCode(response: Response, status: number, code: number): Promise<string> {
  const body = (await response.json()) as { error_codes: number[]; error_description: string }
  expect({ status: response.status, codes: body.error_codes }).toEqual({ status, codes: [code] })
  return body.error_description
}

describe('GitHub OIDC test issuer', () => {
  it('describes itself like token.actions.githubusercontent.com', async () => {
    const { issuer } = h.entra.oidcInfo()
    expect(issuer).toBe(`${h.origin}/_emulator/oidc`)
    const response = await fetch(`${issuer}/.well-known/openid-configuration`)
    expect(await response.json()).toMatchObject({
      issuer,
      jwks_uri: `${issuer}/.well-known/jwks`,
      id_token_signing_alg_values_supported: ['RS256']
    })
  })

  it('publishes the key its tokens verify with', async () => {
    const token = await mint()
    const { keys } = (await (
      await fetch(`${h.entra.oidcInfo().issuer}/.well-known/jwks`)
    ).json()) as { keys: Array<{ kid: string; n: string; e: string; kty: string }> }
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as {
      kid: string
    }
    const jwk = keys.find(k => k.kid === header.kid)
    expect(jwk).toBeDefined()
    const publicKey = createPublicKey({ key: { kty: 'RSA', n: jwk!.n, e: jwk!.e }, format: 'jwk' })
    const [head, payload, signature] = token.split('.')
    expect(
      verify(
        'sha256',
        Buffer.from(`${head}.${payload}`),
        publicKey,
        Buffer.from(signature, 'base64url')
      )
    ).toBe(true)
  })

  it('refuses a token request without the request token', async () => {
    const response = await fetch(`${h.entra.oidcInfo().requestUrl}&audience=x`, {
      headers: { authorization: 'Bearer not-the-token' }
    })
    expect(response.status).toBe(401)
  })

  it('serves @actions/core getIDToken with GitHub-like claims', async () => {
    const { requestUrl, requestToken } = h.entra.oidcInfo()
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = requestUrl
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = requestToken
    // getIDToken prints ::debug:: and ::add-mask:: workflow commands; keep the test output clean.
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    try {
      const token = await core.getIDToken(AUDIENCE)
      const claims = claimsOf(token)
      expect(claims).toMatchObject({
        iss: h.entra.oidcInfo().issuer,
        sub: SUBJECT,
        aud: AUDIENCE,
        repository: 'contoso/marketplace-offers',
        repository_owner: 'contoso',
        ref: 'refs/tags/v1.2.3',
        ref_type: 'tag',
        job_workflow_ref:
          'contoso/marketplace-offers/.github/workflows/publish.yml@refs/tags/v1.2.3'
      })
      expect(claims.sha).toMatch(/^[0-9a-f]{40}$/)
      expect(Number(claims.exp) - Number(claims.iat)).toBe(300)
      expect(h.entra.issued().assertions).toContain(token)
    } finally {
      stdout.mockRestore()
      delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL
      delete process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
    }
  })

  it('defaults the audience to the repository owner, as GitHub does', async () => {
    const { requestUrl, requestToken } = h.entra.oidcInfo()
    const response = await fetch(requestUrl, {
      headers: { authorization: `Bearer ${requestToken}` }
    })
    const { value } = (await response.json()) as { value: string }
    expect(claimsOf(value).aud).toBe('https://github.com/contoso')
  })
})

describe('client assertion login (v2)', () => {
  it('exchanges a matching GitHub token for an access token', async () => {
    const response = await loginWith(await mint())
    expect(response.status).toBe(200)
    const body = (await response.json()) as { access_token: string; expires_in: number }
    expect(body.expires_in).toBe(3600)
    expect(claimsOf(body.access_token)).toMatchObject({ appid: CLIENT_ID, appidacr: '2' })
    expect(h.entra.verifyBearer(`Bearer ${body.access_token}`)).toEqual({
      ok: true,
      clientId: CLIENT_ID,
      tenantId: TENANT
    })
  })

  it('accepts an assertion on the v1 endpoint too', async () => {
    const response = await h.postForm(`/${TENANT}/oauth2/token`, {
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      resource: RESOURCE,
      client_assertion_type: JWT_BEARER,
      client_assertion: await mint()
    })
    expect(response.status).toBe(200)
  })

  it('records every assertion presented', async () => {
    const assertion = await mint({ sub: 'repo:contoso/other:ref:refs/heads/main' })
    await loginWith(assertion)
    expect(h.entra.issued().assertions).toContain(assertion)
  })

  it('rejects an unknown issuer with AADSTS700211', async () => {
    const pretend = 'https://token.actions.githubusercontent.com'
    const text = await expectAadCode(await loginWith(await mint({ iss: pretend })), 401, 700211)
    expect(text).toContain(`presented assertion issuer '${pretend}'`)
  })

  it('rejects another subject with AADSTS700213', async () => {
    const subject = 'repo:contoso/marketplace-offers:ref:refs/heads/main'
    const text = await expectAadCode(await loginWith(await mint({ sub: subject })), 401, 700213)
    expect(text).toContain(`presented assertion subject '${subject}'`)
  })

  it('rejects a subject that differs only in case (matching is case-sensitive)', async () => {
    const subject = SUBJECT.replace('contoso', 'Contoso')
    await expectAadCode(await loginWith(await mint({ sub: subject })), 401, 700213)
  })

  it('rejects another audience with AADSTS700212', async () => {
    const text = await expectAadCode(
      await loginWith(await mint({ audience: 'api://SomethingElse' })),
      401,
      700212
    )
    expect(text).toContain("presented assertion audience 'api://SomethingElse'")
  })

  it('rejects a bad signature with AADSTS50013', async () => {
    await expectAadCode(await loginWith(await mint({ sign: 'bad' })), 401, 50013)
  })

  it('rejects an expired assertion with AADSTS700024', async () => {
    const text = await expectAadCode(await loginWith(await mint({ exp_in: '-60' })), 401, 700024)
    expect(text).toContain('Client assertion is not within its valid time range')
  })

  it('rejects an assertion that expired while the job ran', async () => {
    const assertion = await mint()
    h.advance(301_000)
    try {
      await expectAadCode(await loginWith(assertion), 401, 700024)
    } finally {
      h.advance(-301_000)
    }
  })

  it('rejects a malformed assertion with AADSTS50027', async () => {
    await expectAadCode(await loginWith('not.a-jwt'), 400, 50027)
  })

  it('rejects an assertion without its type with AADSTS900144', async () => {
    const text = await expectAadCode(
      await loginWith(await mint(), { client_assertion_type: '' }),
      400,
      900144
    )
    expect(text).toContain("'client_assertion_type'")
  })

  it('rejects an assertion for an app without federated credentials with AADSTS70025', async () => {
    const response = await loginWith(await mint(), {
      client_id: '0b9f8e7d-6c5b-4a39-8281-706f5e4d3c2b'
    })
    await expectAadCode(response, 401, 70025)
  })
})
