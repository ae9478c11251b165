/**
 * The request pipeline of /v1.0/ingestion: auth (401), spec validation (400 and its request-log
 * entry), unknown routes (404), case-insensitive routes and `request-id` on every reply.
 * Needs `npm run build:emulator`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startEmulatorProcess, type EmulatorProcess } from '../helpers/emulator.js'
import { api, ichDetail, type LogEntry } from './server-fixtures.js'
import { v1Token } from './wire-client.js'

let emulator: EmulatorProcess
let token: string

beforeAll(async () => {
  emulator = await startEmulatorProcess()
  token = await v1Token(emulator.ready)
})

afterAll(async () => {
  await emulator?.stop()
})

beforeEach(async () => {
  await emulator.admin('/requests', { method: 'DELETE' })
})

async function lastLogEntry(): Promise<LogEntry> {
  const entries = await emulator.adminJson<LogEntry[]>('/requests')
  return entries[entries.length - 1]
}

describe('authentication', () => {
  async function expect401(authorization: string | undefined): Promise<void> {
    const reply = await fetch(`${emulator.ready.apiBaseUrl}/products`, {
      headers: authorization === undefined ? {} : { authorization }
    })
    expect(reply.status).toBe(401)
    expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer /)
    expect(reply.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(ichDetail(await reply.json()).faultCode).toBe(50401)
  }

  it('answers 401 without a token', async () => {
    await expect401(undefined)
  })

  it('answers 401 to a token whose payload was altered', async () => {
    const [header, payload, signature] = token.split('.')
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    claims.aud = 'https://management.azure.com'
    const forged = Buffer.from(JSON.stringify(claims)).toString('base64url')
    await expect401(`Bearer ${header}.${forged}.${signature}`)
  })

  it('answers 401 after /_emulator/tokens/expire, and a new token works', async () => {
    const expiring = await v1Token(emulator.ready)
    expect((await api(emulator.ready, expiring, '/products')).status).toBe(200)
    expect((await emulator.admin('/tokens/expire', { method: 'POST' })).status).toBe(200)
    await expect401(`Bearer ${expiring}`)
    token = await v1Token(emulator.ready)
    expect((await api(emulator.ready, token, '/products')).status).toBe(200)
  })
})

describe('spec validation', () => {
  it('answers 400 with the errors as the service error data, and logs them', async () => {
    const reply = await api(emulator.ready, token, '/products', {
      method: 'POST',
      body: JSON.stringify({ resourceType: 'AzureApplication', name: 42 })
    })
    expect(reply.status).toBe(400)
    expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const body = await reply.json()
    expect(body).toMatch(/^ICH50400 - Unable to complete request\. \{/)
    const detail = ichDetail(body)
    const fields = Object.keys(detail.data)
    expect(fields.some(f => f.startsWith('body'))).toBe(true)

    const entry = await lastLogEntry()
    expect(entry).toMatchObject({
      method: 'POST',
      path: '/v1.0/ingestion/products',
      status: 400,
      validation: 'failed',
      requestId: reply.headers.get('request-id')
    })
    expect(entry.errors?.length).toBeGreaterThan(0)
  })

  it('answers 400 to a body that is not JSON', async () => {
    const reply = await api(emulator.ready, token, '/products', {
      method: 'POST',
      body: '{"name":'
    })
    expect(reply.status).toBe(400)
    expect(ichDetail(await reply.json()).faultCode).toBe(50400)
  })

  it('answers 413 to a body over 10 MiB', async () => {
    const reply = await api(emulator.ready, token, '/products', {
      method: 'POST',
      body: `"${'x'.repeat(11 * 1024 * 1024)}"`
    })
    expect(reply.status).toBe(413)
    expect(ichDetail(await reply.json()).faultCode).toBe(50413)
  })

  it('answers 404 with a service error to a path the API does not have', async () => {
    const reply = await api(emulator.ready, token, '/no-such-resource')
    expect(reply.status).toBe(404)
    expect(ichDetail(await reply.json()).faultCode).toBe(50404)
    expect(await lastLogEntry()).toMatchObject({ status: 404, validation: 'failed' })
  })
})

describe('routing and replies', () => {
  it('matches routes case-insensitively, percent-encoded function paths too', async () => {
    const productId = emulator.ready.offers[0].productId
    const plain = await api(
      emulator.ready,
      token,
      `/products/${productId}/branches/getByModule(module=Package)`
    )
    const odd = await api(
      emulator.ready,
      token,
      `/PRODUCTS/${productId}/Branches/getbymodule%28module%3Dpackage%29`
    )
    expect(plain.status).toBe(200)
    expect(odd.status).toBe(200)
    expect(await odd.json()).toEqual(await plain.json())
    const upperPrefix = await fetch(`${emulator.ready.origin}/V1.0/Ingestion/products`, {
      headers: { authorization: `Bearer ${token}` }
    })
    expect(upperPrefix.status).toBe(200)
  })

  it('puts a distinct request-id on every reply, 204 with content-length 0 included', async () => {
    const ids: string[] = []
    const ok = await api(emulator.ready, token, '/products')
    const missing = await api(
      emulator.ready,
      token,
      '/products/00000000-0000-0000-0000-000000000000'
    )
    const productId = emulator.ready.offers[2].productId
    const deleted = await api(emulator.ready, token, `/products/${productId}`, { method: 'DELETE' })
    expect([ok.status, missing.status, deleted.status]).toEqual([200, 404, 204])
    expect(deleted.headers.get('content-length')).toBe('0')
    expect(await deleted.text()).toBe('')
    for (const reply of [ok, missing, deleted]) ids.push(reply.headers.get('request-id') ?? '')
    expect(ids.every(id => /^[0-9a-f-]{36}$/.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(3)
    await emulator.admin('/reset', { method: 'POST' })
  })

  it('logs API requests without their query string', async () => {
    await api(emulator.ready, token, '/products?trace=query-value')
    const entry = await lastLogEntry()
    expect(entry).toMatchObject({
      method: 'GET',
      path: '/v1.0/ingestion/products',
      status: 200,
      validation: 'ok'
    })
  })
})

describe('token endpoint faults', () => {
  it('applies token-scope faults to the token endpoint only', async () => {
    await emulator.admin('/faults', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ spec: 'token -> 503 x1' })
    })
    await expect(v1Token(emulator.ready)).rejects.toThrow('503')
    expect((await api(emulator.ready, token, '/products')).status).toBe(200)
    expect(typeof (await v1Token(emulator.ready))).toBe('string')
    const entries = await emulator.adminJson<LogEntry[]>('/requests')
    expect(entries.find(e => e.status === 503)).toMatchObject({
      method: 'POST',
      fault: expect.stringContaining('token')
    })
  })
})

describe('--check-replies', () => {
  it('finds the replies of the read operations conform to the spec', async () => {
    const checking = await startEmulatorProcess(['--check-replies'])
    try {
      const bearer = await v1Token(checking.ready)
      const productId = checking.ready.offers[0].productId
      for (const path of [
        '/products',
        `/products/${productId}`,
        `/products/${productId}/setup`,
        `/products/${productId}/variants`,
        `/products/${productId}/branches/getByModule(module=Listing)`
      ]) {
        expect((await api(checking.ready, bearer, path)).status).toBe(200)
      }
      const entries = await checking.adminJson<LogEntry[]>('/requests')
      expect(entries.filter(e => e.path.includes('/ingestion/'))).toHaveLength(5)
      expect(entries.filter(e => e.errors !== undefined)).toEqual([])
      expect(checking.stderr()).not.toContain('does not match the spec')
    } finally {
      await checking.stop()
    }
  })
})
