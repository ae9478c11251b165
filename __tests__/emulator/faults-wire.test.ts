/**
 * Every fault kind as a client sees it on the wire from a spawned emulator, and the request log's
 * record of validation results and faults.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startEmulatorProcess, type EmulatorProcess, type ReadyInfo } from '../helpers/emulator.js'
import { absoluteNextLink, apiCaller, read, v1Token } from './wire-client.js'

type Emulator = EmulatorProcess

let emulator: Emulator
let ready: ReadyInfo
let api: ReturnType<typeof apiCaller>
let productId: string

beforeAll(async () => {
  // A page size of 1 makes the seeded offers span several pages, so nextLink faults can be seen.
  emulator = await startEmulatorProcess(['--page-size', '1'])
  ready = emulator.ready
  api = apiCaller(ready, await v1Token(ready))
  productId = ready.offers[0].productId
})

afterAll(async () => {
  await emulator?.stop()
})

async function setFaults(spec: string): Promise<void> {
  const reply = await emulator.admin('/faults', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ spec })
  })
  expect(reply.status).toBe(200)
}

beforeEach(async () => {
  await setFaults('')
})

describe('status faults', () => {
  it('503 answers twice, then the request goes through', async () => {
    await setFaults('GET /products/* -> 503 x2')
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await api('GET', `/products/${productId}`)).status)
    expect(statuses).toEqual([503, 503, 200])
  })

  it('5xx bodies: ICH string for 500, Front Door HTML for 502, empty for 504', async () => {
    await setFaults(
      'GET /products/* -> 500 x1; GET /products/* -> 502 x1; GET /products/* -> 504 x1'
    )
    const internal = await api('GET', `/products/${productId}`)
    expect(internal.status).toBe(500)
    expect(internal.body).toMatch(/^ICH50500 - /)
    const gateway = await api('GET', `/products/${productId}`)
    expect(gateway.status).toBe(502)
    expect(gateway.headers.get('content-type')).toMatch(/^text\/html/)
    expect(gateway.text).toMatch(/^<!DOCTYPE html>/)
    const timeout = await api('GET', `/products/${productId}`)
    expect(timeout.status).toBe(504)
    expect(timeout.text).toBe('')
  })

  it('429 carries Retry-After as seconds, as an HTTP date, or not at all', async () => {
    await setFaults(
      'GET /products -> 429:retry-after=2 x1; GET /products -> 429:retry-after=date+5 x1; GET /products -> 429:no-retry-after x1'
    )
    const seconds = await api('GET', '/products')
    const date = await api('GET', '/products')
    const none = await api('GET', '/products')
    expect([seconds.status, date.status, none.status]).toEqual([429, 429, 429])
    expect(seconds.headers.get('retry-after')).toBe('2')
    expect(Date.parse(date.headers.get('retry-after') as string)).toBeGreaterThan(Date.now())
    expect(none.headers.get('retry-after')).toBeNull()
    expect(seconds.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('409 answers a conflict', async () => {
    await setFaults('GET /products/*/variants -> 409 x1')
    expect((await api('GET', `/products/${productId}/variants`)).status).toBe(409)
    expect((await api('GET', `/products/${productId}/variants`)).status).toBe(200)
  })

  it('token faults hit the token endpoint only', async () => {
    await setFaults('token -> 503 x1')
    await expect(v1Token(ready)).rejects.toThrow('token request failed with 503')
    expect((await api('GET', `/products/${productId}`)).status).toBe(200)
    await expect(v1Token(ready)).resolves.toMatch(/^ey/)
  })
})

describe('connection faults', () => {
  it('reset destroys the connection: fetch throws', async () => {
    await setFaults('GET /products/* -> reset x1')
    await expect(api('GET', `/products/${productId}`)).rejects.toThrow()
    expect((await api('GET', `/products/${productId}`)).status).toBe(200)
  })

  it('slow delays the reply, which then succeeds', async () => {
    await setFaults('GET /products/* -> slow=600 x1')
    const started = Date.now()
    const reply = await api('GET', `/products/${productId}`)
    expect(reply.status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(550)
  })
})

describe('behaviour faults', () => {
  it('nextlink-404 fails a follow-up page, once', async () => {
    await setFaults('nextlink-404 x1')
    const first = await api('GET', '/products')
    const nextLink = (first.body as { nextLink?: string }).nextLink as string
    expect(nextLink).toMatch(/^v1\.0\/ingestion\/products\?\$skipToken=/)
    expect((await api('GET', absoluteNextLink(ready, nextLink))).status).toBe(404)
    expect((await api('GET', absoluteNextLink(ready, nextLink))).status).toBe(200)
  })

  it('submission-409 refuses the next submission', async () => {
    const branches = await api('GET', `/products/${productId}/branches/getByModule(module=Listing)`)
    const offerLevel = (branches.body as { value: { variantID?: string }[] }).value.find(
      b => b.variantID === undefined
    ) as { currentDraftInstanceID: string }
    await setFaults('submission-409 x1')
    const reply = await api('POST', `/products/${productId}/submissions`, {
      resourceType: 'SubmissionCreationRequest',
      targets: [{ type: 'Scope', value: 'preview' }],
      resources: [{ type: 'Listing', value: offerLevel.currentDraftInstanceID }]
    })
    expect(reply.status).toBe(409)
  })

  it('token-expiry expires the token in use: the next API call answers 401', async () => {
    await setFaults('token-expiry x1')
    expect((await api('GET', `/products/${productId}`)).status).toBe(401)
    api = apiCaller(ready, await v1Token(ready))
    expect((await api('GET', `/products/${productId}`)).status).toBe(200)
  })
})

describe('request log', () => {
  interface Entry {
    seq: number
    method: string
    path: string
    status: number
    validation: string
    errors?: string[]
    fault?: string
  }

  async function entries(): Promise<Entry[]> {
    const reply = await read(await emulator.admin('/requests'))
    expect(reply.status).toBe(200)
    const body = reply.body as Entry[] | { value: Entry[] }
    return Array.isArray(body) ? body : body.value
  }

  it('records validation results, errors and faults, without query strings', async () => {
    await setFaults('GET /products/*/variants -> 503 x1')
    const bad = await api('PUT', `/products/${productId}/packages/nope`, {
      resourceType: 'AzureApplicationPackage',
      state: 'Done'
    })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatch(/^ICH50400 - Unable to complete request\. \{/)
    // The validation errors, by JSON pointer, in the `data` of the ICH string as the service sends.
    expect(bad.body).toContain('"data":{"body /state":["must be one of PendingUpload,')
    await api('GET', `/products/${productId}/variants?$skipToken=`)
    await api('GET', `/products/${productId}`)

    const log = (await entries()).slice(-3)
    expect(log[0]).toMatchObject({ method: 'PUT', status: 400, validation: 'failed' })
    expect(log[0].errors?.[0]).toMatch(/^body \/state: must be one of/)
    expect(log[1]).toMatchObject({
      method: 'GET',
      status: 503,
      fault: 'GET /products/*/variants -> 503 x1'
    })
    expect(log[1].path).not.toContain('?')
    expect(log[2]).toMatchObject({ method: 'GET', status: 200, validation: 'ok' })
    expect(log[2].seq).toBeGreaterThan(log[0].seq)
  })
})
