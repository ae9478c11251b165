import { afterEach, describe, expect, it } from '@jest/globals'
import { isPublishError } from '../../src/errors.js'
import { startServer, reply, type Handler, type TestServer } from './http-test-kit.js'
import { startClient, type ClientSetup } from './client-test-kit.js'

let setup: ClientSetup | undefined
let other: TestServer | undefined
afterEach(async () => {
  await setup?.server.close()
  await other?.close()
  setup = other = undefined
})

async function start(handler: Handler, prefix = ''): Promise<ClientSetup> {
  setup = await startClient(handler, prefix)
  return setup
}

const variant = (n: number) => ({
  resourceType: 'AzureSkuVariant',
  id: `v${n}`,
  externalID: `plan-${n}`,
  friendlyName: `Plan ${n}`
})

/** Three pages of variants; `link(n)` says how page n points at page n+1. */
function threePages(link: (next: number) => Record<string, string>): Handler {
  return (q, res) => {
    const page = Number(new URL(q.url, 'http://x').searchParams.get('$skipToken') ?? '1')
    reply(res, 200, { ...(page < 3 ? link(page + 1) : {}), value: [variant(page)] })
  }
}

describe('nextLink', () => {
  it('follows the service form: host-relative, no leading slash', async () => {
    const s = await start(
      threePages(n => ({ nextLink: `v1.0/ingestion/products/p1/variants?$skipToken=${n}` }))
    )
    const plans = await s.api.listVariants('p1')
    expect(plans.map(p => p.externalID)).toEqual(['plan-1', 'plan-2', 'plan-3'])
    expect(s.server.received.map(r => r.url)).toEqual([
      '/v1.0/ingestion/products/p1/variants',
      '/v1.0/ingestion/products/p1/variants?$skipToken=2',
      '/v1.0/ingestion/products/p1/variants?$skipToken=3'
    ])
    expect(s.server.received.every(r => r.headers.authorization === 'Bearer token-1')).toBe(true)
    expect(s.transport.counts().lookup).toBe(3)
  })

  it('keeps a path prefix in front of v1.0/ingestion when resolving host-relative links', async () => {
    const s = await start(
      threePages(n => ({ nextLink: `v1.0/ingestion/products/p1/variants?$skipToken=${n}` })),
      '/proxy'
    )
    await s.api.listVariants('p1')
    expect(s.server.received[1]!.url).toBe(
      '/proxy/v1.0/ingestion/products/p1/variants?$skipToken=2'
    )
  })

  it('follows a link with a leading slash', async () => {
    const s = await start(
      threePages(n => ({ nextLink: `/v1.0/ingestion/products/p1/variants?$skipToken=${n}` }))
    )
    expect(await s.api.listVariants('p1')).toHaveLength(3)
  })

  it('follows an absolute link to the same origin', async () => {
    const s = await start(
      threePages(n => ({
        nextLink: `${setup!.server.origin}/v1.0/ingestion/products/p1/variants?$skipToken=${n}`
      }))
    )
    expect(await s.api.listVariants('p1')).toHaveLength(3)
  })

  it('follows @odata.nextLink, the swagger spelling', async () => {
    const s = await start(
      threePages(n => ({
        '@odata.nextLink': `v1.0/ingestion/products/p1/variants?$skipToken=${n}`
      }))
    )
    expect(await s.api.listVariants('p1')).toHaveLength(3)
  })

  it('refuses an absolute link to another host and sends it no token', async () => {
    other = await startServer((_q, res) => reply(res, 200, { value: [] }))
    const s = await start(
      threePages(n => ({
        nextLink: `${other!.origin}/v1.0/ingestion/products/p1/variants?$skipToken=${n}`
      }))
    )
    const error = await s.api.listVariants('p1').catch((e: unknown) => e)
    expect(isPublishError(error) && error.code).toBe('HTTP_BAD_REPLY')
    expect(isPublishError(error) && error.message).toMatch(/another host/)
    expect(other.received).toHaveLength(0)
  })

  it('reads the list again from the start after a 404 on a follow-up page (navcontainerhelper#3151)', async () => {
    let notFound = 1
    const s = await start((q, res) =>
      q.url.includes('$skipToken=2') && notFound-- > 0
        ? reply(res, 404, '"Not found"')
        : q.url.includes('$skipToken=2')
          ? reply(res, 200, { value: [variant(2)] })
          : reply(res, 200, {
              nextLink: 'v1.0/ingestion/products/p1/variants?$skipToken=2',
              value: [variant(1)]
            })
    )
    const plans = await s.api.listVariants('p1')
    expect(plans.map(p => p.id)).toEqual(['v1', 'v2'])
    expect(s.logs.join('\n')).toMatch(/404: reading the list again from the start/)
  })

  it('fails on a follow-up page that keeps answering 404 instead of cutting the list short', async () => {
    const s = await start((q, res) =>
      q.url.includes('$skipToken=2')
        ? reply(res, 404, '"Not found"')
        : reply(res, 200, {
            nextLink: 'v1.0/ingestion/products/p1/variants?$skipToken=2',
            value: [variant(1)]
          })
    )
    const error = await s.api.listVariants('p1').catch((e: unknown) => e)
    expect(isPublishError(error) && error.details.status).toBe(404)
    // The first page and its follow-up, read four times: once, then three restarts.
    expect(s.server.received).toHaveLength(8)
  })

  it('still fails on a 404 for the first page', async () => {
    const s = await start((_q, res) => reply(res, 404, '"Product not found"'))
    const error = await s.api.listVariants('p1').catch((e: unknown) => e)
    expect(isPublishError(error) && error.details.status).toBe(404)
  })

  it('stops when a link points back at a page already read', async () => {
    const s = await start((_q, res) =>
      reply(res, 200, {
        nextLink: 'v1.0/ingestion/products/p1/variants?$skipToken=same',
        value: [variant(1)]
      })
    )
    const plans = await s.api.listVariants('p1')
    expect(plans).toHaveLength(2)
    expect(s.server.received).toHaveLength(2)
    expect(s.logs.join('\n')).toMatch(/already read/)
  })

  it('gives up with a clear error after 1000 pages', async () => {
    // Every page links to a new one: the list never ends.
    const s = await start((q, res) => {
      const page = Number(new URL(q.url, 'http://x').searchParams.get('$skipToken') ?? '1')
      reply(res, 200, {
        nextLink: `v1.0/ingestion/products/p1/variants?$skipToken=${page + 1}`,
        value: []
      })
    })
    const error = await s.api.listVariants('p1').catch((e: unknown) => e)
    expect(isPublishError(error) && error.code).toBe('HTTP_BAD_REPLY')
    expect(isPublishError(error) && error.message).toMatch(/more than 1000 pages/)
    expect(s.server.received).toHaveLength(1000)
  })

  it('fails with HTTP_BAD_REPLY on a nextLink that is not a string', async () => {
    const s = await start((_q, res) => reply(res, 200, { nextLink: 42, value: [] }))
    const error = await s.api.listVariants('p1').catch((e: unknown) => e)
    expect(isPublishError(error) && error.code).toBe('HTTP_BAD_REPLY')
  })
})

describe('findProductByOfferId', () => {
  const product = (offerId: string, id = `id-${offerId}`, type = 'AzureOfferId') => ({
    resourceType: 'AzureApplication',
    name: offerId,
    externalIDs: [{ type, value: offerId }],
    isModularPublishing: true,
    id
  })

  it('sends one filtered request encoded like the recorded clients', async () => {
    const s = await start((_q, res) => reply(res, 200, { value: [product('contoso-analytics')] }))
    const found = await s.api.findProductByOfferId('contoso-analytics')
    expect(found?.id).toBe('id-contoso-analytics')
    expect(s.server.received).toHaveLength(1)
    expect(s.server.received[0]!.url).toBe(
      '/v1.0/ingestion/products?%24filter=ExternalIDs%2FAny%28i%3Ai%2FType+eq+%27AzureOfferId%27+and+i%2FValue+eq+%27contoso-analytics%27%29'
    )
    const filter = new URL(s.server.received[0]!.url, 'http://x').searchParams.get('$filter')
    expect(filter).toBe(
      "ExternalIDs/Any(i:i/Type eq 'AzureOfferId' and i/Value eq 'contoso-analytics')"
    )
  })

  it('doubles quotes and encodes special characters in the offer ID', async () => {
    const s = await start((_q, res) => reply(res, 200, { value: [] }))
    await s.api.findProductByOfferId("o'brien & co+1")
    const filter = new URL(s.server.received[0]!.url, 'http://x').searchParams.get('$filter')
    expect(filter).toBe(
      "ExternalIDs/Any(i:i/Type eq 'AzureOfferId' and i/Value eq 'o''brien & co+1')"
    )
  })

  it('checks externalIDs itself: a filter that matches loosely finds nothing wrong', async () => {
    const s = await start((_q, res) =>
      reply(res, 200, {
        value: [
          product('Contoso-Analytics', 'wrong-case'),
          product('contoso-analytics', 'other-type', 'StoreID'),
          product('contoso-analytics-2')
        ]
      })
    )
    expect(await s.api.findProductByOfferId('contoso-analytics')).toBeUndefined()
  })

  it('matches the type case-insensitively (POST normalises AzureOfferID)', async () => {
    const s = await start((_q, res) =>
      reply(res, 200, { value: [product('contoso-analytics', 'right', 'AzureOfferID')] })
    )
    expect((await s.api.findProductByOfferId('contoso-analytics'))?.id).toBe('right')
  })

  it('returns undefined when nothing matches', async () => {
    const s = await start((_q, res) => reply(res, 200, { value: [] }))
    expect(await s.api.findProductByOfferId('missing')).toBeUndefined()
  })
})
