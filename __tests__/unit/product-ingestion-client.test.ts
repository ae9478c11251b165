/**
 * The product-ingestion client on the wire (a local server stands for the service): `$version`
 * on every call, the configure envelope, durable ids as paths, `@nextLink` paging, the phases
 * the requests count in, and a refused request's per-resource details.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { isPublishError } from '../../src/errors.js'
import { createTransport } from '../../src/http/transport.js'
import { createProductIngestionClient } from '../../src/product-ingestion/client.js'
import { stubTokens } from './client-test-kit.js'
import { reply, startServer, testClock, type Handler, type TestServer } from './http-test-kit.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function client(handler: Handler) {
  server = await startServer(handler)
  const transport = createTransport({ clock: testClock(), random: () => 0, maxAttempts: 2 })
  const tokens = stubTokens()
  const api = createProductIngestionClient({
    baseUrl: `${server.origin}/rp/product-ingestion/`,
    transport,
    tokens
  })
  return { api, transport, tokens, received: server.received }
}

const STATUS = {
  $schema: 'https://schema.mp.microsoft.com/schema/configure-status/2022-07-01',
  jobId: 'f1e2d3c4-0000-4000-8000-000000000001',
  jobStatus: 'notStarted',
  jobResult: 'pending',
  errors: []
}

describe('product-ingestion client', () => {
  it('sends $version on every call, the configure envelope, and durable ids as paths', async () => {
    const { api, transport, received } = await client((request, res) => {
      if (request.url.startsWith('/rp/product-ingestion/configure?')) return reply(res, 202, STATUS)
      if (request.url.includes('/status'))
        return reply(res, 200, { ...STATUS, jobStatus: 'running' })
      if (request.url.startsWith('/rp/product-ingestion/resource-tree/'))
        return reply(res, 200, { root: 'product/p1', resources: [] })
      if (request.url.startsWith('/rp/product-ingestion/submission/'))
        return reply(res, 200, {
          value: [{ id: 'submission/p1/0', target: { targetType: 'draft' } }]
        })
      return reply(res, 200, {
        $schema:
          'https://schema.mp.microsoft.com/schema/virtual-machine-plan-technical-configuration/2022-03-01-preview5',
        id: 'virtual-machine-plan-technical-configuration/p1/q1'
      })
    })
    const resources = [
      {
        $schema: 'https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2',
        product: 'product/p1',
        target: { targetType: 'preview' }
      }
    ]
    expect(await api.configure(resources)).toMatchObject({ jobId: STATUS.jobId })
    await api.getJobStatus(STATUS.jobId)
    await api.getResourceTree('product/p1', 'preview')
    await api.getResource('virtual-machine-plan-technical-configuration/p1/q1')
    await api.listSubmissions('product/p1', 'live')

    expect(received.map(r => `${r.method} ${r.url}`)).toEqual([
      'POST /rp/product-ingestion/configure?$version=2022-07-01',
      `GET /rp/product-ingestion/configure/${STATUS.jobId}/status?$version=2022-07-01`,
      'GET /rp/product-ingestion/resource-tree/product/p1?targetType=preview&$version=2022-07-01',
      'GET /rp/product-ingestion/virtual-machine-plan-technical-configuration/p1/q1?$version=2022-07-01',
      'GET /rp/product-ingestion/submission/p1?targetType=live&$version=2022-07-01'
    ])
    expect(JSON.parse(received[0].body)).toEqual({
      $schema: 'https://schema.mp.microsoft.com/schema/configure/2022-07-01',
      resources
    })
    expect(received[0].headers.authorization).toBe('Bearer token-1')
    expect(transport.counts()).toMatchObject({ write: 1, poll: 1, lookup: 3 })
  })

  it('follows @nextLink and matches the external id itself', async () => {
    const { api, received } = await client((request, res) => {
      const url = new URL(request.url, server!.origin)
      if (!url.searchParams.has('continuationToken')) {
        const next = new URL(url)
        next.searchParams.set('continuationToken', 'b2Zmc2V0')
        return reply(res, 200, {
          value: [{ $schema: 'x', id: 'product/other', identity: { externalId: 'contoso-saasy' } }],
          '@nextLink': next.href
        })
      }
      return reply(res, 200, {
        value: [{ $schema: 'x', id: 'product/p1', identity: { externalId: 'contoso-saas' } }]
      })
    })
    expect((await api.findProduct('contoso-saas'))?.id).toBe('product/p1')
    expect(received).toHaveLength(2)
    expect(received[0].url).toBe(
      '/rp/product-ingestion/product?externalId=contoso-saas&$version=2022-07-01'
    )
  })

  it('never repeats a configure POST, and hands the refused resources over as details', async () => {
    const { api, received } = await client((_request, res) =>
      reply(res, 400, {
        error: {
          code: 'badRequest',
          message: 'Invalid configuration: schema validation failed',
          details: [
            {
              code: 'schemaValidationError',
              message:
                'Schema validation failed for schema …: String does not match pattern #/cnabReferences/0/registryName',
              resourceId: 'container-plan-technical-configuration/p1/q1'
            }
          ]
        }
      })
    )
    const error = await api.configure([]).catch((e: unknown) => e)
    expect(isPublishError(error) && error.details).toMatchObject({
      status: 400,
      serviceCode: 'badRequest',
      serviceDetails: [
        {
          code: 'schemaValidationError',
          resourceId: 'container-plan-technical-configuration/p1/q1',
          message: expect.stringMatching(/registryName/)
        }
      ]
    })
    expect(received).toHaveLength(1)
  })

  it('finds a plan by its plan ID and reads one submission', async () => {
    const { api, received } = await client((request, res) =>
      request.url.startsWith('/rp/product-ingestion/plan?')
        ? reply(res, 200, {
            value: [{ $schema: 'x', id: 'plan/p1/q1', identity: { externalId: 'starter' } }]
          })
        : reply(res, 200, {
            id: 'submission/p1/7',
            target: { targetType: 'preview' },
            status: 'running'
          })
    )
    expect((await api.findPlan('product/p1', 'starter'))?.id).toBe('plan/p1/q1')
    expect((await api.getSubmission('submission/p1/7')).status).toBe('running')
    expect(received.map(r => `${r.method} ${r.url}`)).toEqual([
      'GET /rp/product-ingestion/plan?product=product%2Fp1&externalId=starter&$version=2022-07-01',
      'GET /rp/product-ingestion/submission/p1/7?$version=2022-07-01'
    ])
  })

  it('cancels a job and reads what a job did', async () => {
    const { api, received } = await client((request, res) =>
      request.method === 'POST'
        ? reply(res, 200, { ...STATUS, jobStatus: 'completed', jobResult: 'cancelled' })
        : reply(res, 200, { resources: [{ $schema: 'x', id: 'product/p1' }] })
    )
    expect((await api.cancelJob(STATUS.jobId)).jobResult).toBe('cancelled')
    expect(await api.getJobDetail(STATUS.jobId)).toEqual([{ $schema: 'x', id: 'product/p1' }])
    expect(received.map(r => `${r.method} ${r.url}`)).toEqual([
      `POST /rp/product-ingestion/configure/${STATUS.jobId}/cancel?$version=2022-07-01`,
      `GET /rp/product-ingestion/configure/${STATUS.jobId}?$version=2022-07-01`
    ])
  })
})
