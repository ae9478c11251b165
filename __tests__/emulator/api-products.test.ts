/** The Ingestion model's products: $filter, paging, create/delete, setup, seeded drafts and branches. */
import { describe, expect, it } from '@jest/globals'
import { ORIGIN, createHarness, errorDetail, type Wire } from './api-harness.js'

const byOffer = (offerId: string, casing: 'pascal' | 'camel' = 'pascal'): string =>
  casing === 'pascal'
    ? `ExternalIDs/Any(i:i/Type eq 'AzureOfferId' and i/Value eq '${offerId}')`
    : `externalIDs/any(i:i/type eq 'AzureOfferId' and i/value eq '${offerId}')`

const filtered = (filter: string): string => `/products?$filter=${encodeURIComponent(filter)}`

describe('GET /products $filter', () => {
  it('finds an offer by ExternalIDs/Any in either property casing', async () => {
    const h = createHarness()
    for (const casing of ['pascal', 'camel'] as const) {
      const body = await h.ok('GET', filtered(byOffer('contoso-managed-ops', casing)))
      expect(body.value.map((p: Wire) => p.externalIDs[0].value)).toEqual(['contoso-managed-ops'])
      expect(body).not.toHaveProperty('nextLink')
    }
  })

  it('filters by ResourceType, combined with and / or', async () => {
    const h = createHarness({ pageSize: 10 })
    const azure = await h.ok('GET', filtered("ResourceType eq 'AzureApplication'"))
    expect(azure.value).toHaveLength(2)
    const both = await h.ok(
      'GET',
      filtered(`resourceType eq 'AzureApplication' and ${byOffer('contoso-analytics')}`)
    )
    expect(both.value.map((p: Wire) => p.name)).toEqual(['Contoso Analytics'])
    const either = await h.ok(
      'GET',
      filtered(
        "ResourceType eq 'AzureDynamics365BusinessCentral' or (resourceType eq 'AzureApplication')"
      )
    )
    expect(either.value).toHaveLength(3)
    const none = await h.ok('GET', filtered(byOffer('nope')))
    expect(none).toEqual({ value: [] })
  })

  it.each(["name eq 'x'", "ResourceType ne 'x'", "ResourceType eq 'x' and", "ResourceType eq 'x"])(
    'answers 400 with the service error body for unsupported %s',
    async filter => {
      const h = createHarness()
      const reply = await h.call('GET', filtered(filter))
      expect(reply.status).toBe(400)
      expect(reply.body as string).toMatch(/^ICH50400 - Unable to complete request\. \{/)
      expect(errorDetail(reply).data.$filter[0]).toMatch(/Invalid \$filter/)
    }
  )
})

describe('GET /products paging', () => {
  it('serves pages with a host-relative nextLink, absent on the last page', async () => {
    const h = createHarness({ pageSize: 2 })
    const first = await h.ok('GET', '/products?$skipToken=')
    expect(Object.keys(first)).toEqual(['nextLink', 'value'])
    expect(first.value).toHaveLength(2)
    expect(first.nextLink).toMatch(/^v1\.0\/ingestion\/products\?\$skipToken=[A-Za-z0-9+/=]+$/)
    const token = first.nextLink.split('$skipToken=')[1]
    expect(JSON.parse(Buffer.from(token, 'base64').toString())).toEqual({
      LastId: expect.any(String),
      Source: 'DocDB'
    })
    const second = await h.ok('GET', `/products?$skipToken=${encodeURIComponent(token)}`)
    expect(second).not.toHaveProperty('nextLink')
    const offers = [...first.value, ...second.value].map((p: Wire) => p.externalIDs[0].value)
    expect(offers).toEqual(['contoso-analytics', 'contoso-managed-ops', 'contoso-bc-connector'])
  })

  it('answers 404 on a follow-up page when the nextlink-404 fault is armed', async () => {
    const h = createHarness({ pageSize: 1 })
    const first = await h.ok('GET', '/products')
    h.faults.configure('nextlink-404 x1')
    const token = first.nextLink.split('$skipToken=')[1]
    expect((await h.call('GET', `/products?$skipToken=${token}`)).status).toBe(404)
    expect((await h.call('GET', `/products?$skipToken=${token}`)).status).toBe(200)
  })

  it('keeps later pages stable when an item of an earlier page is deleted', async () => {
    const h = createHarness({ pageSize: 2 })
    const first = await h.ok('GET', '/products')
    await h.ok('DELETE', `/products/${h.productId('contoso-analytics')}`)
    const token = first.nextLink.split('$skipToken=')[1]
    const second = await h.ok('GET', `/products?$skipToken=${token}`)
    expect(second.value.map((p: Wire) => p.externalIDs[0].value)).toEqual(['contoso-bc-connector'])
  })

  it('pages variants the same way', async () => {
    const h = createHarness({ pageSize: 1 })
    const pid = h.productId('contoso-analytics')
    const first = await h.ok('GET', `/products/${pid}/variants`)
    expect(first.nextLink).toMatch(
      new RegExp(`^v1\\.0/ingestion/products/${pid}/variants\\?\\$skipToken=`)
    )
    const second = await h.ok(
      'GET',
      `/products/${pid}/variants?$skipToken=${first.nextLink.split('=')[1]}`
    )
    expect([first.value[0].externalID, second.value[0].externalID]).toEqual(['standard', 'premium'])
    expect(second).not.toHaveProperty('nextLink')
  })
})

describe('POST / GET / DELETE /products', () => {
  it('creates a product like the recording: GUID id, normalised offer id type, no etag', async () => {
    const h = createHarness()
    const reply = await h.call('POST', '/products', {
      resourceType: 'AzureApplication',
      name: 'New Offer',
      externalIDs: [{ type: 'AzureOfferID', value: 'new-offer' }],
      isModularPublishing: true,
      id: 'client-chosen'
    })
    expect(reply.status).toBe(201)
    const body = reply.body as Wire
    expect(Object.keys(body)).toEqual([
      'resourceType',
      'name',
      'externalIDs',
      'isModularPublishing',
      'id'
    ])
    expect(body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(body.externalIDs).toEqual([{ type: 'AzureOfferId', value: 'new-offer' }])
    expect(reply.headers).toEqual({ Location: `${ORIGIN}/v1.0/ingestion/products/${body.id}` })

    const listingBranch = await h.ok(
      'GET',
      `/products/${body.id}/branches/getByModule(module=Listing)`
    )
    const instance = listingBranch.value[0].currentDraftInstanceID
    const listings = await h.ok(
      'GET',
      `/products/${body.id}/listings/getByInstanceID(instanceID=${instance})`
    )
    expect(listings.value[0]).toMatchObject({
      languageCode: 'en-us',
      title: 'New Offer',
      keywords: []
    })
    expect(listings.value[0]).not.toHaveProperty('summary')

    expect((await h.call('DELETE', `/products/${body.id}`)).status).toBe(204)
    expect((await h.call('GET', `/products/${body.id}`)).status).toBe(404)
  })

  it('rejects a second product with the same offer id', async () => {
    const h = createHarness()
    const reply = await h.call('POST', '/products', {
      resourceType: 'AzureApplication',
      name: 'Dup',
      externalIDs: [{ type: 'AzureOfferId', value: 'contoso-analytics' }]
    })
    expect(reply.status).toBe(409)
  })
})

describe('setup', () => {
  it('answers POST with 200 and the stored setup; Business Central setup carries packageType', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-analytics')
    const setup = await h.ok('GET', `/products/${pid}/setup`)
    expect(setup).not.toHaveProperty('packageType')
    const reply = await h.call('POST', `/products/${pid}/setup`, {
      ...setup,
      channelStates: [{ type: 'Reseller', value: 'Disabled' }]
    })
    expect(reply.status).toBe(200)
    expect(reply.headers).toBeUndefined()
    expect((await h.ok('GET', `/products/${pid}/setup`)).channelStates[0].value).toBe('Disabled')
    const testDrive = await h.call('POST', `/products/${pid}/setup`, {
      ...setup,
      enableTestDrive: true,
      testDriveType: 'AzureResourceManager'
    })
    expect(testDrive.status).toBe(400)
    expect(errorDetail(testDrive).data).toEqual({
      FeatureName: ['The field FeatureName is invalid.']
    })
    const bc = await h.ok('GET', `/products/${h.productId('contoso-bc-connector')}/setup`)
    expect(bc.packageType).toBe('AddOn')
  })
})

describe('branches', () => {
  it('lists the offer-level branch without variantID and one per plan', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-analytics')
    const variants = (await h.ok('GET', `/products/${pid}/variants`)).value
    for (const module of ['Listing', 'package', 'AVAILABILITY']) {
      const branches = (
        await h.ok('GET', `/products/${pid}/branches/getByModule(module=${module})`)
      ).value
      expect(branches).toHaveLength(3)
      expect(Object.keys(branches[0])).toEqual([
        'resourceType',
        'friendlyName',
        'type',
        'module',
        'currentDraftInstanceID'
      ])
      expect(branches.slice(1).map((b: Wire) => b.variantID)).toEqual(
        variants.map((v: Wire) => v.id)
      )
    }
    for (const module of ['Property', 'ResellerConfiguration']) {
      const branches = (
        await h.ok('GET', `/products/${pid}/branches/getByModule(module=${module})`)
      ).value
      expect(branches).toHaveLength(1)
    }
    expect(
      (await h.call('GET', `/products/${pid}/branches/getByModule(module=Pricing)`)).status
    ).toBe(400)
  })

  it('has no reseller branch for Business Central and answers 405 on its reseller configuration', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-bc-connector')
    const reseller = await h.ok(
      'GET',
      `/products/${pid}/branches/getByModule(module=ResellerConfiguration)`
    )
    expect(reseller.value).toEqual([])
    expect((await h.call('GET', `/products/${pid}/resellerConfiguration`)).status).toBe(405)
  })
})

describe('offers and snapshot', () => {
  it('summarises the seeded offers and restores from a snapshot', async () => {
    const h = createHarness()
    expect(h.model.offers().map(o => [o.offerId, o.type, o.planIds])).toEqual([
      ['contoso-analytics', 'AzureApplication', ['standard', 'premium']],
      ['contoso-managed-ops', 'AzureApplication', ['managed']],
      ['contoso-bc-connector', 'AzureDynamics365BusinessCentral', []]
    ])
    let changes = 0
    h.model.onChange(() => changes++)
    await h.ok('POST', `/products/${h.productId('contoso-analytics')}/variants`, {
      resourceType: 'AzureSkuVariant',
      friendlyName: 'Gold',
      externalID: 'gold'
    })
    expect(changes).toBe(1)
    const restored = createHarness(
      {},
      { persisted: JSON.parse(JSON.stringify(h.model.snapshot())) }
    )
    expect(restored.model.offers()).toEqual(h.model.offers())
  })
})
