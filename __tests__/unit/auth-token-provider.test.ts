import { afterEach, describe, expect, it, jest } from '@jest/globals'

const addMask = jest.fn<(value: string) => void>()
const getIDToken = jest.fn<(audience?: string) => Promise<string>>()
jest.unstable_mockModule('@actions/core', () => ({ getIDToken }))

const { createTokenProvider } = await import('../../src/auth/token-provider.js')
const { createTransport } = await import('../../src/http/transport.js')
const { isPublishError } = await import('../../src/errors.js')
const { setLogMasker } = await import('../../src/http/redact.js')
setLogMasker(addMask)
const { reply, startServer, testClock } = await import('./http-test-kit.js')
type Handler = import('./http-test-kit.js').Handler
type TestServer = import('./http-test-kit.js').TestServer

const TENANT = '8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f'
const CLIENT = '5f0e6a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b'
const SECRET = 'Emu8Q~local-dev-secret-Zx7Yq2Lm9Np4Rs6Tu8Vw'
const OIDC_ENV = {
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://gh.example/token?x=1',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'rt'
}

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** Issues `tok-1`, `tok-2`, … with the v1 endpoint's string numbers. */
function issuing(lifetimeSeconds = 3599): Handler {
  let n = 0
  return (_q, res) =>
    reply(res, 200, {
      token_type: 'Bearer',
      expires_in: String(lifetimeSeconds),
      ext_expires_in: String(lifetimeSeconds),
      resource: 'https://api.partner.microsoft.com',
      access_token: `tok-${++n}`
    })
}

async function setup(
  handler: Handler,
  extra: {
    secret?: string
    env?: NodeJS.ProcessEnv
    getIdToken?: (a: string) => Promise<string>
    resource?: string
  } = {}
) {
  server = await startServer(handler)
  const clock = testClock()
  const transport = createTransport({ clock, random: () => 0 })
  const tokens = createTokenProvider({
    settings: {
      tenantId: TENANT,
      clientId: CLIENT,
      clientSecret: 'secret' in extra ? extra.secret : SECRET,
      oidcAudience: 'api://AzureADTokenExchange',
      authorityHost: `${server.origin}/`
    },
    transport,
    clock,
    env: extra.env ?? {},
    ...(extra.getIdToken ? { getIdToken: extra.getIdToken } : {}),
    ...(extra.resource ? { resource: extra.resource } : {})
  })
  return { tokens, clock, transport, received: server.received }
}

function entraError(status: number, error: string, code: number, text: string): Handler {
  return (_q, res) =>
    reply(res, status, {
      error,
      error_description: `AADSTS${code}: ${text}\r\nTrace ID: 1\r\nCorrelation ID: 2\r\nTimestamp: 2026-11-24 12:00:00Z`,
      error_codes: [code]
    })
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!isPublishError(error)) throw new Error(`expected a PublishError, got ${String(error)}`)
  return error
}

describe('client secret (v1 endpoint)', () => {
  it('posts the client-credentials form and masks the secret and the token', async () => {
    const { tokens, received, transport } = await setup(issuing())
    expect(addMask).toHaveBeenCalledWith(SECRET)
    expect(await tokens.getToken()).toBe('tok-1')
    expect(received[0]!.method).toBe('POST')
    expect(received[0]!.url).toBe(`/${TENANT}/oauth2/token`)
    expect(received[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(new URLSearchParams(received[0]!.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: CLIENT,
      client_secret: SECRET,
      resource: 'https://api.partner.microsoft.com'
    })
    expect(addMask).toHaveBeenCalledWith('tok-1')
    expect(transport.counts().token).toBe(1)
  })

  it('caches the token while more than five minutes remain, then refreshes it', async () => {
    const { tokens, clock, received } = await setup(issuing(3600))
    expect(await tokens.getToken()).toBe('tok-1')
    await clock.sleep(54 * 60_000)
    expect(await tokens.getToken()).toBe('tok-1')
    expect(received).toHaveLength(1)
    await clock.sleep(60_001)
    expect(await tokens.getToken()).toBe('tok-2')
    expect(received).toHaveLength(2)
  })

  it('uses expires_on (epoch seconds, as a string) when expires_in is absent', async () => {
    const clock0 = testClock()
    const expiresOn = String(Math.floor(clock0.now() / 1000) + 600)
    let n = 0
    const { tokens, clock, received } = await setup((_q, res) =>
      reply(res, 200, { access_token: `t${++n}`, expires_on: expiresOn })
    )
    await tokens.getToken()
    await tokens.getToken()
    expect(received).toHaveLength(1)
    await clock.sleep(301_000)
    expect(await tokens.getToken()).toBe('t2')
  })

  it('accepts numbers where the v2 endpoint sends numbers', async () => {
    const { tokens } = await setup((_q, res) =>
      reply(res, 200, { access_token: 'num', expires_in: 3599 })
    )
    expect(await tokens.getToken()).toBe('num')
  })

  it('fetches a new token after invalidate()', async () => {
    const { tokens } = await setup(issuing())
    expect(await tokens.getToken()).toBe('tok-1')
    tokens.invalidate()
    expect(await tokens.getToken()).toBe('tok-2')
  })

  it('shares one request between concurrent callers', async () => {
    const { tokens, received } = await setup(issuing())
    const got = await Promise.all([tokens.getToken(), tokens.getToken(), tokens.getToken()])
    expect(got).toEqual(['tok-1', 'tok-1', 'tok-1'])
    expect(received).toHaveLength(1)
  })

  it('retries the token endpoint after a 503', async () => {
    let n = 0
    const ok = issuing()
    const { tokens, received } = await setup((q, res) =>
      ++n === 1 ? reply(res, 503, 'busy') : ok(q, res)
    )
    expect(await tokens.getToken()).toBe('tok-1')
    expect(received).toHaveLength(2)
  })

  it('fails with HTTP_BAD_REPLY when a 200 carries no access_token', async () => {
    const { tokens } = await setup((_q, res) => reply(res, 200, '<html>proxy login</html>'))
    expect((await failure(tokens.getToken())).code).toBe('HTTP_BAD_REPLY')
  })
})

describe('a token per API', () => {
  it('asks for a Graph token for the product-ingestion API, with a secret or an OIDC assertion', async () => {
    const graph = await setup(issuing(), { resource: 'https://graph.microsoft.com' })
    expect(await graph.tokens.getToken()).toBe('tok-1')
    expect(new URLSearchParams(graph.received[0]!.body).get('resource')).toBe(
      'https://graph.microsoft.com'
    )
    await server?.close()
    const oidc = await setup(issuing(), {
      resource: 'https://graph.microsoft.com',
      secret: undefined,
      env: OIDC_ENV,
      getIdToken: async () => 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmNvbnRvc28ifQ.sig'
    })
    await oidc.tokens.getToken()
    expect(new URLSearchParams(oidc.received[0]!.body).get('scope')).toBe(
      'https://graph.microsoft.com/.default'
    )
  })
})

describe('Entra errors', () => {
  it.each([
    [
      401,
      'invalid_client',
      7000215,
      'Invalid client secret provided.',
      /Value .*not its Secret ID/
    ],
    [401, 'invalid_client', 7000222, 'The provided client secret keys are expired.', /expired/],
    [
      400,
      'unauthorized_client',
      700016,
      "Application with identifier 'x' was not found.",
      /client-id/
    ],
    [400, 'invalid_tenant', 90002, "Tenant 'x' not found.", /tenant-id/],
    [
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'client_id'.",
      /required field/
    ],
    [
      400,
      'invalid_request',
      700213,
      "No matching federated identity record found for presented assertion subject 'repo:a/b:ref:refs/heads/main'.",
      /refs\/tags\/v1\.2\.3.*environment:NAME/
    ],
    [
      400,
      'invalid_request',
      700211,
      'No matching federated identity record found for presented assertion issuer.',
      /token\.actions\.githubusercontent\.com/
    ],
    [
      400,
      'invalid_request',
      700212,
      'No matching federated identity record found for presented assertion audience.',
      /oidc-audience/
    ],
    [
      400,
      'invalid_client',
      700024,
      'Client assertion is not within its valid time range.',
      /fresh token/
    ]
  ])(
    '%i %s AADSTS%i → AUTH_FAILED with a specific hint',
    async (status, error, code, text, hint) => {
      const { tokens, received } = await setup(entraError(status, error, code, text))
      const e = await failure(tokens.getToken())
      expect(e.code).toBe('AUTH_FAILED')
      expect(e.details.serviceCode).toBe(`AADSTS${code}`)
      expect(e.details.status).toBe(status)
      expect(e.details.hint).toMatch(hint)
      expect(e.message).toContain(`AADSTS${code}`)
      expect(e.message).not.toContain('Trace ID')
      expect(e.message).not.toContain(SECRET)
      expect(received).toHaveLength(1)
    }
  )

  it('reports a persistent 5xx as the service failing, not as bad credentials', async () => {
    const { tokens } = await setup((_q, res) => reply(res, 503, 'Service Unavailable'))
    const e = await failure(tokens.getToken())
    expect(e.code).toBe('HTTP_STATUS')
    expect(e.details.status).toBe(503)
  })
})

describe('GitHub OIDC (v2 endpoint)', () => {
  const assertion = (n: number) => `eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmNvbnRvc28ifQ.sig${n}`

  it('exchanges a fresh GitHub token for each access token', async () => {
    let n = 0
    const getIdToken = jest.fn(async (_audience: string) => assertion(++n))
    const { tokens, received } = await setup(issuing(), {
      secret: undefined,
      env: OIDC_ENV,
      getIdToken
    })
    expect(await tokens.getToken()).toBe('tok-1')
    tokens.invalidate()
    expect(await tokens.getToken()).toBe('tok-2')
    expect(getIdToken).toHaveBeenCalledTimes(2)
    expect(getIdToken).toHaveBeenCalledWith('api://AzureADTokenExchange')
    expect(received[0]!.url).toBe(`/${TENANT}/oauth2/v2.0/token`)
    expect(Object.fromEntries(new URLSearchParams(received[0]!.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: CLIENT,
      scope: 'https://api.partner.microsoft.com/.default',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion(1)
    })
    expect(Object.fromEntries(new URLSearchParams(received[1]!.body)).client_assertion).toBe(
      assertion(2)
    )
    expect(addMask).toHaveBeenCalledWith(assertion(1))
  })

  it('uses core.getIDToken by default', async () => {
    getIDToken.mockResolvedValue(assertion(9))
    const { tokens, received } = await setup(issuing(), { secret: undefined, env: OIDC_ENV })
    await tokens.getToken()
    expect(getIDToken).toHaveBeenCalledWith('api://AzureADTokenExchange')
    expect(new URLSearchParams(received[0]!.body).get('client_assertion')).toBe(assertion(9))
  })

  it('explains both fixes when the job has no OIDC token permission', async () => {
    const getIdToken = jest.fn(async () => assertion(1))
    const { tokens, received } = await setup(issuing(), {
      secret: undefined,
      env: { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://gh.example/token' },
      getIdToken
    })
    const e = await failure(tokens.getToken())
    // Neither a secret nor OIDC is a settings problem (the CLI's exit code 2), as the run finds it.
    expect(e.code).toBe('INPUT_INVALID')
    expect(e.message).toContain('ACTIONS_ID_TOKEN_REQUEST_TOKEN')
    expect(e.details.hint).toMatch(/client-secret/)
    expect(e.details.hint).toMatch(/id-token: write/)
    expect(e.details.hint).toMatch(/federated credential/)
    expect(getIdToken).not.toHaveBeenCalled()
    expect(received).toHaveLength(0)
  })

  it('turns a failing getIdToken into AUTH_OIDC_UNAVAILABLE', async () => {
    const getIdToken = async () => {
      throw new Error('Failed to get ID Token. Error Code : 403')
    }
    const { tokens } = await setup(issuing(), { secret: undefined, env: OIDC_ENV, getIdToken })
    const e = await failure(tokens.getToken())
    expect(e.code).toBe('AUTH_OIDC_UNAVAILABLE')
    expect(e.message).toMatch(/403/)
  })
})
