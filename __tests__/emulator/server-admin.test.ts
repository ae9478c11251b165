/**
 * The admin endpoints under /_emulator: faults, reset, seed, config, secrets, and --state-dir
 * surviving a restart. Needs `npm run build:emulator`.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulatorProcess, type EmulatorProcess } from '../helpers/emulator.js'
import { api, json, type LogEntry } from './server-fixtures.js'
import { v1Token } from './wire-client.js'

describe('admin endpoints', () => {
  let emulator: EmulatorProcess
  let token: string

  beforeAll(async () => {
    emulator = await startEmulatorProcess()
    token = await v1Token(emulator.ready)
  })

  afterAll(async () => {
    await emulator?.stop()
  })

  it('injects a 429 with Retry-After through PUT /faults, and DELETE /faults removes it', async () => {
    const set = await emulator.admin(
      '/faults',
      json('PUT', { spec: 'GET /products -> 429:retry-after=7 x1' })
    )
    expect(set.status).toBe(200)
    const throttled = await api(emulator.ready, token, '/products')
    expect(throttled.status).toBe(429)
    expect(throttled.headers.get('retry-after')).toBe('7')
    expect(throttled.headers.get('request-id')).not.toBeNull()
    expect((await api(emulator.ready, token, '/products')).status).toBe(200)

    const entries = await emulator.adminJson<LogEntry[]>('/requests')
    const logged = entries.find(e => e.status === 429)
    expect(logged?.fault).toContain('429')

    await emulator.admin('/faults', json('PUT', { spec: 'GET /products -> 503' }))
    expect((await api(emulator.ready, token, '/products')).status).toBe(503)
    expect((await emulator.admin('/faults', { method: 'DELETE' })).status).toBe(200)
    expect((await api(emulator.ready, token, '/products')).status).toBe(200)
  })

  it('refuses a bad fault spec with 400 and its message, keeping the old faults', async () => {
    const reply = await emulator.admin('/faults', json('PUT', { spec: 'GET /products -> teapot' }))
    expect(reply.status).toBe(400)
    expect(((await reply.json()) as { error: string }).error).toMatch(/teapot/)
  })

  it('resets the model, the request log and the faults', async () => {
    const productId = emulator.ready.offers[0].productId
    expect(
      (await api(emulator.ready, token, `/products/${productId}`, { method: 'DELETE' })).status
    ).toBe(204)
    expect((await api(emulator.ready, token, `/products/${productId}`)).status).toBe(404)
    await emulator.admin('/faults', json('PUT', { spec: 'GET /products -> 500' }))

    const reset = await emulator.adminJson<{ offers: unknown[] }>('/reset', { method: 'POST' })
    expect(reset.offers).toHaveLength(3)
    expect(await emulator.adminJson<LogEntry[]>('/requests')).toEqual([])
    expect((await api(emulator.ready, token, '/products')).status).toBe(200)
    // A fresh seed gives fresh product ids, so look the product up again by its offer id.
    const again = await emulator.adminJson<{ offers: { offerId: string; productId: string }[] }>(
      '/reset',
      { method: 'POST' }
    )
    const analytics = again.offers.find(o => o.offerId === 'contoso-analytics')
    expect((await api(emulator.ready, token, `/products/${analytics?.productId}`)).status).toBe(200)
  })

  it('replaces the seed with POST /seed and refuses a bad one with the field path', async () => {
    const seed = {
      tenantId: emulator.ready.tenantId,
      apps: [{ clientId: emulator.ready.clientId, clientSecret: emulator.ready.clientSecret }],
      oidcSubject: 'repo:contoso/other:ref:refs/heads/main',
      offers: [{ offerId: 'solo-offer', type: 'AzureApplication', name: 'Solo', plans: [] }]
    }
    const replaced = await emulator.adminJson<{ offers: { offerId: string }[] }>(
      '/seed',
      json('POST', seed)
    )
    expect(replaced.offers.map(o => o.offerId)).toEqual(['solo-offer'])
    const fresh = await v1Token(emulator.ready)
    const list = (await (await api(emulator.ready, fresh, '/products')).json()) as {
      value: unknown[]
    }
    expect(list.value).toHaveLength(1)

    const bad = await emulator.admin('/seed', json('POST', { ...seed, tenantId: 'not-a-guid' }))
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toContain('tenantId')

    const secrets = await emulator.adminJson<Record<string, string[]>>('/secrets')
    expect(secrets.clientSecrets).toEqual([emulator.ready.clientSecret])
    expect(secrets.accessTokens).toContain(fresh)
    expect(Array.isArray(secrets.assertions)).toBe(true)
    expect(Array.isArray(secrets.sasSignatures)).toBe(true)

    await emulator.adminJson('/seed', json('POST', await defaultSeed()))
    token = await v1Token(emulator.ready)
  })

  it('changes the config live and refuses unknown or invalid fields', async () => {
    const before = await emulator.adminJson<Record<string, unknown>>('/config')
    expect(before).toMatchObject({
      speed: 3600,
      pageSize: 3,
      etagMismatch: 412,
      rotateDraftInstances: true,
      keepSubmittedInstances: true
    })
    const changed = await emulator.adminJson(
      '/config',
      json('PUT', { pageSize: 1, tokenLifetimeSeconds: 120, submissionChecks: 'strict' })
    )
    expect(changed).toMatchObject({
      pageSize: 1,
      tokenLifetimeSeconds: 120,
      submissionChecks: 'strict'
    })
    const issued = await fetch(
      `${emulator.ready.authorityHost}/${emulator.ready.tenantId}/oauth2/token`,
      {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: emulator.ready.clientId,
          client_secret: emulator.ready.clientSecret,
          resource: 'https://api.partner.microsoft.com'
        })
      }
    )
    expect(((await issued.json()) as { expires_in: string }).expires_in).toBe('120')
    const page = (await (await api(emulator.ready, token, '/products')).json()) as {
      value: unknown[]
    }
    expect(page.value).toHaveLength(1)

    expect((await emulator.admin('/config', json('PUT', { pageSize: 0 }))).status).toBe(400)
    expect((await emulator.admin('/config', json('PUT', { colour: 'red' }))).status).toBe(400)
    expect((await emulator.admin('/config', json('PUT', { submissionChecks: 'lax' }))).status).toBe(
      400
    )
    expect(
      (await emulator.admin('/config', json('PUT', { sasVersion: '2020-01-01' }))).status
    ).toBe(400)
    await emulator.admin(
      '/config',
      json('PUT', { pageSize: 3, tokenLifetimeSeconds: 3600, submissionChecks: 'basic' })
    )
  })

  it('answers 404 to an unknown admin path and 405 to a wrong method', async () => {
    expect((await emulator.admin('/nothing-here')).status).toBe(404)
    expect((await emulator.admin('/state', { method: 'DELETE' })).status).toBe(405)
  })
})

describe('--state-dir', () => {
  it('keeps the model across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-state-'))
    const first = await startEmulatorProcess(['--state-dir', dir])
    let snapshot: unknown
    try {
      const token = await v1Token(first.ready)
      const productId = first.ready.offers[1].productId
      expect(
        (await api(first.ready, token, `/products/${productId}`, { method: 'DELETE' })).status
      ).toBe(204)
      snapshot = await first.adminJson('/state')
    } finally {
      await first.stop()
    }
    const second = await startEmulatorProcess(['--state-dir', dir])
    try {
      expect(await second.adminJson('/state')).toEqual(snapshot)
      expect(second.ready.offers.map(o => o.offerId)).not.toContain('contoso-managed-ops')
    } finally {
      await second.stop()
    }
  })
})

async function defaultSeed(): Promise<unknown> {
  const { parse } = await import('yaml')
  const { readFileSync } = await import('node:fs')
  return parse(readFileSync(new URL('../../examples/emulator-seed.yml', import.meta.url), 'utf8'))
}
