/** The fault grammar: scripted rules, behaviours, counts and clear errors. */
import { describe, expect, it } from '@jest/globals'
import { createFaults, type FaultAction } from '../../emulator/src/faults.js'

const api = (method: string, path: string) => ({ method, path, scope: 'api' as const })
const token = { method: 'POST', path: '/tenant/oauth2/token', scope: 'token' as const }

function respond(actions: FaultAction[]) {
  const last = actions[actions.length - 1]
  if (last?.type !== 'respond')
    throw new Error(`expected a respond action, got ${JSON.stringify(actions)}`)
  return last
}

describe('scripted rules', () => {
  it('fire xN times on matching method and path glob, case-insensitively', () => {
    const faults = createFaults('POST /products/*/packages -> 503 x2')
    const post = api('POST', '/products/P-1/PACKAGES')
    expect(respond(faults.onRequest(post)).status).toBe(503)
    expect(faults.onRequest(api('GET', '/products/p/packages'))).toEqual([])
    expect(faults.onRequest(api('POST', '/products/p/packages/k'))).toEqual([])
    expect(respond(faults.onRequest(post)).status).toBe(503)
    expect(faults.onRequest(post)).toEqual([])
  })

  it('skip the first N matches with "after N" and fire every time without xN', () => {
    const faults = createFaults('* /products/** -> 500 after 2')
    const statuses = [1, 2, 3, 4].map(() => faults.onRequest(api('GET', '/products/a/b')).length)
    expect(statuses).toEqual([0, 0, 1, 1])
  })

  it('match paths with or without /v1.0/ingestion, ignoring the query', () => {
    const faults = createFaults('GET /v1.0/ingestion/products -> 409')
    expect(respond(faults.onRequest(api('GET', '/products?$skipToken=x'))).status).toBe(409)
    expect(respond(faults.onRequest(api('GET', '/v1.0/ingestion/products'))).status).toBe(409)
  })

  it('target the token endpoint only with "token"', () => {
    const faults = createFaults('token -> 503 x1; * /** -> 500 x1')
    expect(respond(faults.onRequest(token)).status).toBe(503)
    expect(respond(faults.onRequest(api('GET', '/products'))).status).toBe(500)
    expect(faults.onRequest(token)).toEqual([])
  })

  it('add delays of slow rules before the answer of the first answering rule', () => {
    const faults = createFaults(
      'GET /products -> slow=150; GET /products -> reset x1; GET /** -> 503'
    )
    expect(faults.onRequest(api('GET', '/products'))).toEqual([
      { type: 'delay', ms: 150, label: 'GET /products -> slow=150' },
      { type: 'reset', label: 'GET /products -> reset x1' }
    ])
    expect(faults.onRequest(api('GET', '/products')).map(a => a.type)).toEqual(['delay', 'respond'])
  })
})

describe('reply kinds', () => {
  const first = (kind: string) =>
    respond(createFaults(`GET /x -> ${kind}`).onRequest(api('GET', '/x')))

  it('429 carries Retry-After in seconds, as an HTTP date, or not at all', () => {
    expect(first('429').headers?.['Retry-After']).toBe('1')
    expect(first('429:retry-after=7').headers?.['Retry-After']).toBe('7')
    const date = first('429:retry-after=date+30').headers?.['Retry-After'] as string
    expect(date).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/)
    expect(Date.parse(date) - Date.now()).toBeGreaterThan(28_000)
    expect(first('429:no-retry-after').headers).not.toHaveProperty('Retry-After')
  })

  it('5xx bodies look like the service (ICH string) or Front Door (HTML, empty)', () => {
    expect(first('500').body).toMatch(
      /^ICH50500 - Unable to complete request\. \{"faultCode":50500,/
    )
    expect(first('503').body).toMatch(/^ICH50503 - /)
    const gateway = first('502')
    expect(gateway.headers?.['Content-Type']).toBe('text/html')
    expect(gateway.body).toMatch(/^<!DOCTYPE html>/)
    expect(first('504').body).toBeUndefined()
  })

  it('409 answers a conflict object', () => {
    expect(first('409')).toMatchObject({ status: 409, body: { code: 'Conflict' } })
  })
})

describe('behaviour faults', () => {
  it('are taken xN times, after N, independently per kind', () => {
    const faults = createFaults('nextlink-404 x1; process-failed x2 after 1')
    expect(faults.take('nextlink-404')).toBe(true)
    expect(faults.take('nextlink-404')).toBe(false)
    expect([1, 2, 3, 4].map(() => faults.take('process-failed'))).toEqual([
      false,
      true,
      true,
      false
    ])
    expect(faults.take('cert-failed')).toBe(false)
  })

  it('fire every time without a count, until reset', () => {
    const faults = createFaults('submission-409')
    expect([faults.take('submission-409'), faults.take('submission-409')]).toEqual([true, true])
    faults.reset()
    expect(faults.take('submission-409')).toBe(false)
  })

  it('are replaced as a whole by configure', () => {
    const faults = createFaults('token-expiry x5')
    faults.configure('validation-failed x1')
    expect(faults.take('token-expiry')).toBe(false)
    expect(faults.take('validation-failed')).toBe(true)
  })
})

describe('describe()', () => {
  it('reports each clause with its counters', () => {
    const faults = createFaults('GET /products -> 503 x2; cert-failed')
    faults.onRequest(api('GET', '/products'))
    expect(faults.describe()).toEqual({
      spec: 'GET /products -> 503 x2; cert-failed',
      rules: [{ clause: 'GET /products -> 503 x2', remaining: 1, after: 0, matched: 1, fired: 1 }],
      behaviours: [
        { clause: 'cert-failed', remaining: 'unlimited', after: 0, matched: 0, fired: 0 }
      ],
      rate: null
    })
  })
})

describe('bad specs', () => {
  it.each([
    ['GET /x -> 418', 'faults: clause 1 "GET /x -> 418": unknown kind "418"; allowed: 429['],
    ['GET /x -> 503 x0', '"x0" must fire at least once'],
    ['GET /x -> 503 twice', 'unexpected "twice"; allowed after the kind: xN (times), after N'],
    ['FETCH /x -> 503', 'unknown method "FETCH"; allowed: GET, PUT, POST, DELETE, PATCH, *'],
    ['GET products -> 503', 'the path "products" must start with "/"'],
    ['GET /x ->', 'nothing after "->"'],
    ['GET /x -> 429:retry-after=soon', 'unknown 429 option "retry-after=soon"'],
    ['GET /x -> nextlink-404', '"nextlink-404" is a behaviour: write it as its own clause'],
    ['GET /x -> 503; explode x1', 'clause 2 "explode x1": "explode" is neither a rule'],
    ['rate=2', 'rate "2" must be a number from 0 to 1'],
    ['rate=0.1,seed=abc', 'seed "abc" must be an integer'],
    ['rate=0.1,scope=blob', 'scope "blob" must be api, token or all'],
    ['rate=0.1,kinds=429|teapot', 'unknown kind "teapot"'],
    ['rate=0.1,speed=3', 'unknown option "speed=3"'],
    ['rate=0.1; rate=0.2', 'only one rate clause is allowed']
  ])('%s', (spec, message) => {
    expect(() => createFaults(spec)).toThrow(message)
  })

  it('leave the current faults in place when configure fails', () => {
    const faults = createFaults('cert-failed x1')
    expect(() => faults.configure('GET /x -> 999')).toThrow('unknown kind "999"')
    expect(faults.take('cert-failed')).toBe(true)
  })
})

describe('faults after effect, and etag-stale', () => {
  it('reset-after handles the request, then drops the reply, and only on API requests', () => {
    const faults = createFaults('POST /products/*/submissions -> reset-after x1')
    const post = api('POST', '/products/p/submissions')
    expect(faults.onRequest(post)).toEqual([
      { type: 'reset-after', label: 'POST /products/*/submissions -> reset-after x1' }
    ])
    expect(faults.onRequest(post)).toEqual([])
    expect(() => createFaults('token -> reset-after')).toThrow(/API requests only/)
    expect(() => createFaults('rate=0.1,kinds=reset-after,scope=all')).toThrow(/scope=api/)
  })

  it('500-after to 504-after handle the request, then answer that status, on API requests only', () => {
    const faults = createFaults('PUT /products/*/listings/* -> 503-after x1')
    const put = api('PUT', '/products/p/listings/l')
    expect(faults.onRequest(put)).toEqual([
      expect.objectContaining({
        type: 'respond-after',
        status: 503,
        body: expect.stringMatching(/^ICH50503 - /),
        label: 'PUT /products/*/listings/* -> 503-after x1'
      })
    ])
    expect(faults.onRequest(put)).toEqual([])
    for (const status of [500, 502, 504])
      expect(createFaults(`* /** -> ${status}-after`).onRequest(put)[0]).toEqual(
        expect.objectContaining({ type: 'respond-after', status })
      )
    expect(() => createFaults('token -> 500-after')).toThrow(
      /500-after applies to API requests only/
    )
    expect(() => createFaults('GET /x -> 429-after')).toThrow('unknown kind "429-after"')
    expect(() => createFaults('rate=0.1,kinds=503-after,scope=token')).toThrow(/scope=api/)
  })

  it('etag-stale is a behaviour taken once per xN', () => {
    const faults = createFaults('etag-stale x1 after 1')
    expect([1, 2, 3].map(() => faults.take('etag-stale'))).toEqual([false, true, false])
  })
})
