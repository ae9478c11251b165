/**
 * The product-ingestion API on a running emulator, over HTTP: its ready line, Graph tokens and the
 * audience check both ways, a release published to live at the --speed factor, faults, the request
 * log, and the admin endpoints (state, config, reset, seed, secrets). Needs `npm run build:emulator`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulatorProcess, type EmulatorProcess, type ReadyInfo } from '../helpers/emulator.js'
import { SEED } from './product-ingestion-harness.js'
import { json as admin, type LogEntry } from './server-fixtures.js'
import { read, v1Token, type WireReply } from './wire-client.js'

const GRAPH = 'https://graph.microsoft.com'
const SCHEMA = 'https://schema.mp.microsoft.com/schema'
const V = '$version=2022-07-01'

/** The v2 form (scope) as dstarr asks for it; the v1 form is wire-client's v1Token. */
async function v2GraphToken(ready: ReadyInfo): Promise<string> {
  const reply = await fetch(`${ready.authorityHost}/${ready.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: ready.clientId,
      client_secret: ready.clientSecret,
      scope: `${GRAPH}/.default`
    })
  })
  expect(reply.status).toBe(200)
  return String(((await reply.json()) as { access_token: string }).access_token)
}

function audience(token: string): unknown {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).aud
}

describe('product-ingestion API on the wire', () => {
  let emulator: EmulatorProcess
  let ready: ReadyInfo
  let token: string
  const pi = async (
    method: string,
    path: string,
    body?: unknown,
    bearer = token
  ): Promise<WireReply> =>
    read(
      await fetch(`${ready.productIngestionUrl}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${bearer}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' })
        },
        body: body === undefined ? undefined : JSON.stringify(body)
      })
    )
  const waitForJob = async (jobId: string): Promise<Record<string, unknown>> => {
    for (;;) {
      const status = (await pi('GET', `/configure/${jobId}/status?${V}`)).body as Record<
        string,
        unknown
      >
      if (status.jobStatus === 'completed') return status
      await new Promise(resolve => setTimeout(resolve, 20))
    }
  }

  beforeAll(async () => {
    emulator = await startEmulatorProcess(['--speed', '3600000'])
    ready = emulator.ready
    token = await v1Token(ready, GRAPH)
  })

  afterAll(async () => {
    await emulator?.stop()
  })

  it('announces the API and the seeded offers in its ready line', () => {
    expect(ready.productIngestionUrl).toBe(`${ready.origin}/rp/product-ingestion`)
    expect(ready.productIngestionOffers.map(o => [o.offerId, o.type])).toEqual([
      ['contoso-saas', 'softwareAsAService'],
      ['contoso-vm', 'azureVirtualMachine'],
      ['contoso-container', 'azureContainer']
    ])
    for (const offer of ready.productIngestionOffers) {
      expect(offer.durableId).toMatch(/^product\/[0-9a-f-]{36}$/)
      expect(offer.plans[0].durableId).toMatch(
        new RegExp(`^plan/${offer.durableId.slice(8)}/[0-9a-f-]{36}$`)
      )
    }
  })

  it('issues Graph tokens from the v1 (resource, trailing slash too) and v2 (scope) endpoints', async () => {
    expect(audience(token)).toBe(GRAPH)
    expect(audience(await v1Token(ready, `${GRAPH}/`))).toBe(GRAPH)
    const v2 = await v2GraphToken(ready)
    expect(audience(v2)).toBe(GRAPH)
    expect((await pi('GET', `/product?${V}`, undefined, v2)).status).toBe(200)
  })

  it('refuses an Ingestion API token here, and a Graph token at the Ingestion API, each in its error shape', async () => {
    const partnerToken = await v1Token(ready)
    const refused = await pi('GET', `/product?${V}`, undefined, partnerToken)
    expect(refused.status).toBe(401)
    expect(refused.body).toEqual({
      error: {
        code: 'unauthorized',
        message: `The bearer token audience is not ${GRAPH}.`,
        details: []
      }
    })
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/)

    const atV1 = await read(
      await fetch(`${ready.apiBaseUrl}/products`, { headers: { Authorization: `Bearer ${token}` } })
    )
    expect(atV1.status).toBe(401)
    expect(String(atV1.body)).toMatch(/^ICH50401 - Unable to complete request\./)
    expect(atV1.headers.get('www-authenticate')).toContain(
      'audience is not https://api.partner.microsoft.com'
    )

    expect((await pi('GET', `/product?${V}`, undefined, '')).status).toBe(401)
  })

  it('publishes a new VM image version to preview and live at the --speed factor', async () => {
    const vm = ready.productIngestionOffers.find(o => o.offerId === 'contoso-vm')!
    const found = await pi('GET', `/product?externalId=contoso-vm&${V}`)
    expect((found.body as { value: { id: string }[] }).value[0].id).toBe(vm.durableId)
    const id = `virtual-machine-plan-technical-configuration/${vm.plans[0].durableId.slice(5)}`
    const config = (await pi('GET', `/${id}?${V}`)).body as Record<string, unknown> & {
      vmImageVersions: unknown[]
    }
    config.vmImageVersions.push({
      versionNumber: '1.1.0',
      vmImages: [
        {
          imageType: 'x64Gen2',
          source: {
            sourceType: 'sharedImageGallery',
            sharedImage: {
              tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
              resourceId:
                '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/images/providers/Microsoft.Compute/galleries/contoso/images/ubuntu-22-04/versions/1.1.0'
            }
          }
        }
      ]
    })
    const preview = await pi('POST', `/configure?${V}`, {
      $schema: `${SCHEMA}/configure/2022-07-01`,
      resources: [
        config,
        {
          $schema: `${SCHEMA}/submission/2022-03-01-preview2`,
          product: vm.durableId,
          target: { targetType: 'preview' }
        }
      ]
    })
    expect(preview.status).toBe(202)
    expect(await waitForJob((preview.body as { jobId: string }).jobId)).toMatchObject({
      jobResult: 'succeeded',
      errors: []
    })

    const submissions = (
      await pi('GET', `/submission/${vm.durableId.slice(8)}?targetType=preview&${V}`)
    ).body as {
      value: { id: string }[]
    }
    const live = await pi('POST', `/configure?${V}`, {
      $schema: `${SCHEMA}/configure/2022-07-01`,
      resources: [
        {
          $schema: `${SCHEMA}/submission/2022-03-01-preview2`,
          id: submissions.value[0].id,
          product: vm.durableId,
          target: { targetType: 'live' }
        }
      ]
    })
    expect(await waitForJob((live.body as { jobId: string }).jobId)).toMatchObject({
      jobResult: 'succeeded'
    })
    const tree = (await pi('GET', `/resource-tree/${vm.durableId}?targetType=live&${V}`)).body as {
      resources: { id: string; vmImageVersions?: { versionNumber: string }[] }[]
    }
    const liveConfig = tree.resources.find(r => r.id === id)
    expect(liveConfig?.vmImageVersions?.map(v => v.versionNumber)).toEqual(['1.0.0', '1.1.0'])
  })

  it('logs its requests without the query, a refused body as failed validation with the reasons', async () => {
    await emulator.admin('/requests', { method: 'DELETE' })
    const bad = await pi('POST', `/configure?${V}`, {
      $schema: `${SCHEMA}/configure/2022-07-01`,
      resources: [
        {
          $schema: `${SCHEMA}/plan/2022-03-01-preview2`,
          product: 'product/x-1',
          alias: 'No identity'
        }
      ]
    })
    expect(bad.status).toBe(400)
    const notJson = await read(
      await fetch(`${ready.productIngestionUrl}/configure?${V}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: '{"resources": ['
      })
    )
    expect(notJson.status).toBe(400)
    expect(notJson.body).toMatchObject({ error: { code: 'badRequest', details: [] } })
    const log = await emulator.adminJson<LogEntry[]>('/requests')
    expect(log.map(e => e.validation)).toEqual(['failed', 'failed'])
    expect(log.slice(0, 1)).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/rp/product-ingestion/configure',
        status: 400,
        validation: 'failed',
        errors: [
          `Schema validation failed for schema ${SCHEMA}/plan/2022-03-01-preview2: Required properties ["identity"] were not present #`
        ]
      })
    ])
  })

  it('throttles and fails through fault rules on /rp/product-ingestion paths, in the Graph error shape', async () => {
    await emulator.admin(
      '/faults',
      admin('PUT', {
        spec: 'GET /rp/product-ingestion/product -> 429:retry-after=7 x1; POST /rp/product-ingestion/configure -> 503 x1'
      })
    )
    const throttled = await pi('GET', `/product?${V}`)
    expect(throttled.status).toBe(429)
    expect(throttled.headers.get('retry-after')).toBe('7')
    expect(throttled.body).toEqual({
      error: {
        code: 'tooManyRequests',
        message: 'Rate limit is exceeded. Try again later.',
        details: []
      }
    })
    expect((await pi('GET', `/product?${V}`)).status).toBe(200)
    const unavailable = await pi('POST', `/configure?${V}`, {
      $schema: `${SCHEMA}/configure/2022-07-01`,
      resources: []
    })
    expect(unavailable.status).toBe(503)
    expect(unavailable.body).toEqual({
      error: { code: 'serviceUnavailable', message: 'Unable to complete the request.', details: [] }
    })
    const log = await emulator.adminJson<LogEntry[]>('/requests')
    expect(log.filter(e => e.fault).map(e => e.status)).toEqual([429, 503])
    await emulator.admin('/faults', { method: 'DELETE' })
  })

  it('shows its state and config through the admin endpoints, and lists minted SAS signatures as secrets', async () => {
    const state = await emulator.adminJson<{
      products: unknown[]
      productIngestion: { products: { externalId: string }[]; jobs: unknown[] }
    }>('/state')
    expect(state.products).toHaveLength(3)
    expect(state.productIngestion.products.map(p => p.externalId)).toEqual([
      'contoso-saas',
      'contoso-vm',
      'contoso-container'
    ])
    expect(state.productIngestion.jobs.length).toBeGreaterThan(0)

    const config = await emulator.adminJson<Record<string, unknown>>('/config')
    expect(config).toMatchObject({
      failedJobDetail: 'resources',
      concurrentConfigure: 'conflict',
      legacySchemaHostTypes: ['property']
    })
    expect(
      (await emulator.admin('/config', admin('PUT', { concurrentConfigure: 'sometimes' }))).status
    ).toBe(400)
    expect(
      await emulator.adminJson('/config', admin('PUT', { failedJobDetail: 'not-found' }))
    ).toMatchObject({
      failedJobDetail: 'not-found'
    })
    await emulator.admin('/config', admin('PUT', { failedJobDetail: 'resources' }))

    const saas = ready.productIngestionOffers[0]
    const tree = (await pi('GET', `/resource-tree/${saas.durableId}?${V}`)).body as {
      resources: { id: string; url?: string }[]
    }
    const url = new URL(tree.resources.find(r => r.id.startsWith('listing-asset/'))!.url!)
    const secrets = await emulator.adminJson<{ sasSignatures: string[] }>('/secrets')
    expect(secrets.sasSignatures).toContain(url.searchParams.get('sig'))
  })

  it('lets a configure take effect, then spoils its reply, for the -after kinds', async () => {
    const jobs = async () =>
      (await emulator.adminJson<{ productIngestion: { jobs: unknown[] } }>('/state'))
        .productIngestion.jobs.length
    /** A configure job that creates a product: the job is the effect. */
    const configure = (externalId: string) =>
      fetch(`${ready.productIngestionUrl}/configure?${V}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          $schema: `${SCHEMA}/configure/2022-07-01`,
          resources: [
            {
              $schema: `${SCHEMA}/product/2022-03-01-preview3`,
              identity: { externalId },
              type: 'softwareAsAService',
              alias: externalId
            }
          ]
        })
      })
    await emulator.admin(
      '/faults',
      admin('PUT', {
        spec: 'POST /rp/product-ingestion/configure -> 503-after x1; POST /rp/product-ingestion/configure -> reset-after x1'
      })
    )
    await emulator.admin('/requests', { method: 'DELETE' })
    const before = await jobs()
    const unavailable = await read(await configure('contoso-after-503'))
    expect(unavailable.status).toBe(503)
    expect(unavailable.body).toEqual({
      error: { code: 'serviceUnavailable', message: 'Unable to complete the request.', details: [] }
    })
    expect(await jobs()).toBe(before + 1)
    await expect(configure('contoso-after-reset')).rejects.toThrow()
    expect(await jobs()).toBe(before + 2)
    const log = await emulator.adminJson<LogEntry[]>('/requests')
    expect(log.filter(e => e.fault).map(e => e.status)).toEqual([503, 0])
    await emulator.admin('/faults', { method: 'DELETE' })
  })

  it('reseeds: reset gives fresh durable ids, POST /seed takes a productIngestionOffers section or names its bad field', async () => {
    const reset = await emulator.adminJson<{
      productIngestionOffers: { offerId: string; durableId: string }[]
    }>('/reset', {
      method: 'POST'
    })
    expect(reset.productIngestionOffers.map(o => o.offerId)).toEqual([
      'contoso-saas',
      'contoso-vm',
      'contoso-container'
    ])
    expect(reset.productIngestionOffers[0].durableId).not.toBe(
      ready.productIngestionOffers[0].durableId
    )
    expect(
      (await emulator.adminJson<{ productIngestion: { jobs: unknown[] } }>('/state'))
        .productIngestion.jobs
    ).toEqual([])

    const seed = {
      ...SEED,
      productIngestionOffers: [
        {
          offerId: 'fabrikam-saas',
          type: 'softwareAsAService',
          alias: 'Fabrikam',
          state: 'draft',
          plans: [{ planId: 'pro', alias: 'Pro' }]
        }
      ]
    }
    const seeded = await emulator.adminJson<{
      productIngestionOffers: { offerId: string; durableId: string }[]
    }>('/seed', admin('POST', seed))
    expect(seeded.productIngestionOffers.map(o => o.offerId)).toEqual(['fabrikam-saas'])
    // A new seed is a new directory: tokens issued before it no longer verify.
    token = await v1Token(ready, GRAPH)
    const pg = seeded.productIngestionOffers[0].durableId.slice(8)
    const subs = (await pi('GET', `/submission/${pg}?${V}`)).body as { value: unknown[] }
    expect(subs.value).toHaveLength(1)

    const bad = await emulator.admin(
      '/seed',
      admin('POST', {
        ...seed,
        productIngestionOffers: [{ ...seed.productIngestionOffers[0], type: 'azureApplication' }]
      })
    )
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toBe(
      'seed: productIngestionOffers[0].type must be one of softwareAsAService, azureVirtualMachine, azureContainer, got "azureApplication"'
    )
    await emulator.admin('/seed', admin('POST', SEED))
  })
})
