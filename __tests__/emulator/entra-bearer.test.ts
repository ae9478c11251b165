/** The bearer check the emulated Ingestion API applies to every call. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createAccessTokenService } from '../../emulator/src/entra/access-tokens.js'
import { createSigningKey } from '../../emulator/src/entra/jwt.js'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  RESOURCE,
  TENANT,
  startEntra,
  type EntraHarness
} from './entra-harness.js'

let h: EntraHarness
beforeAll(async () => {
  h = await startEntra()
})
afterAll(async () => {
  await h.close()
})

async function accessToken(): Promise<string> {
  const response = await h.postForm(`/${TENANT}/oauth2/token`, {
    grant_type: 'client_credentials',
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    resource: RESOURCE
  })
  return ((await response.json()) as { access_token: string }).access_token
}

function rejection(authorization?: string): string {
  const check = h.entra.verifyBearer(authorization)
  if (check.ok) throw new Error('expected the bearer check to fail')
  return check.error
}

describe('verifyBearer', () => {
  it('accepts a fresh token and names its app and tenant', async () => {
    expect(h.entra.verifyBearer(`Bearer ${await accessToken()}`)).toEqual({
      ok: true,
      clientId: CLIENT_ID,
      tenantId: TENANT
    })
  })

  it('accepts the scheme in any case', async () => {
    expect(h.entra.verifyBearer(`bearer ${await accessToken()}`).ok).toBe(true)
  })

  it('rejects a missing header', () => {
    expect(rejection(undefined)).toMatch(/missing/)
  })

  it('rejects another scheme', async () => {
    expect(rejection(`Basic ${await accessToken()}`)).toMatch(/not a Bearer token/)
  })

  it('rejects a malformed token', () => {
    expect(rejection('Bearer abc.def')).toMatch(/malformed/)
  })

  it('rejects a tampered token', async () => {
    const [header, payload, signature] = (await accessToken()).split('.')
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      unknown
    >
    const forged = Buffer.from(JSON.stringify({ ...claims, appid: 'someone-else' })).toString(
      'base64url'
    )
    expect(rejection(`Bearer ${header}.${forged}.${signature}`)).toMatch(/signature/)
  })

  it('rejects a token signed by another emulator', async () => {
    const other = await startEntra()
    try {
      const response = await other.postForm(`/${TENANT}/oauth2/token`, {
        grant_type: 'client_credentials',
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        resource: RESOURCE
      })
      const { access_token } = (await response.json()) as { access_token: string }
      expect(rejection(`Bearer ${access_token}`)).toMatch(/signature/)
    } finally {
      await other.close()
    }
  })

  it('rejects an expired token', async () => {
    const token = await accessToken()
    h.advance(3601_000)
    try {
      expect(rejection(`Bearer ${token}`)).toMatch(/expired/)
    } finally {
      h.advance(-3601_000)
    }
  })

  it('honours a shortened lifetime for tokens issued after the change', async () => {
    h.entra.setTokenLifetime(2)
    try {
      const token = await accessToken()
      expect(h.entra.verifyBearer(`Bearer ${token}`).ok).toBe(true)
      h.advance(2_000)
      expect(rejection(`Bearer ${token}`)).toMatch(/expired/)
    } finally {
      h.advance(-2_000)
      h.entra.setTokenLifetime(3600)
    }
  })

  it('rejects every earlier token after expireAllTokens, but not later ones', async () => {
    const before = await accessToken()
    h.entra.expireAllTokens()
    expect(rejection(`Bearer ${before}`)).toMatch(/expired/)
    const after = await accessToken()
    expect(h.entra.verifyBearer(`Bearer ${after}`).ok).toBe(true)
  })
})

describe('access token audience', () => {
  it('rejects a correctly signed token issued for another resource', () => {
    const signingKey = createSigningKey()
    const base = { tenantId: TENANT, lifetimeSeconds: 3600, now: () => Date.now(), signingKey }
    const graph = createAccessTokenService({ ...base, resource: 'https://graph.microsoft.com' })
    const partnerCenter = createAccessTokenService({ ...base, resource: RESOURCE })
    const { token } = graph.issue(CLIENT_ID, 'secret')
    const check = partnerCenter.verify(`Bearer ${token}`)
    expect(check).toEqual({ ok: false, error: `The bearer token audience is not ${RESOURCE}.` })
  })
})
