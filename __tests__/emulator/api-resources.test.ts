/** The Ingestion model's draft resources: variants, listings, images, packages, configurations, etags. */
import { describe, expect, it } from '@jest/globals'
import { ORIGIN, createHarness, errorDetail, type Harness, type Wire } from './api-harness.js'

const ETAG = /^"[0-9a-f]{8}-0000-0800-0000-[0-9a-f]{8}0000"$/

async function draft(h: Harness, pid: string, module: string, variantID?: string): Promise<string> {
  const branches = (await h.ok('GET', `/products/${pid}/branches/getByModule(module=${module})`))
    .value
  const branch = branches.find((b: Wire) => b.variantID === variantID)
  return branch.currentDraftInstanceID
}

async function offerListing(h: Harness, pid: string): Promise<Wire> {
  const instance = await draft(h, pid, 'Listing')
  return (await h.ok('GET', `/products/${pid}/listings/getByInstanceID(instanceID=${instance})`))
    .value[0]
}

describe('variants', () => {
  it('creates a plan with the recorded reply shape and plan-level drafts', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-analytics')
    const reply = await h.call('POST', `/products/${pid}/variants`, {
      resourceType: 'AzureSkuVariant',
      friendlyName: 'Gold plan',
      externalID: 'gold',
      subType: 'managed-application'
    })
    expect(reply.status).toBe(201)
    const v = reply.body as Wire
    expect(Object.keys(v)).toEqual([
      'resourceType',
      'state',
      'friendlyName',
      'conversionPaths',
      'externalID',
      'certificationsAzureGovernment',
      'cloudAvailabilities',
      'subType',
      'extendedProperties',
      '@odata.etag',
      'id'
    ])
    expect(v).toMatchObject({
      state: 'Active',
      conversionPaths: '*',
      cloudAvailabilities: ['public-azure']
    })
    expect(v['@odata.etag']).toMatch(ETAG)
    expect(reply.headers).toEqual({
      Location: `${ORIGIN}/v1.0/ingestion/products/${pid}/variants/${v.id}`,
      ETag: v['@odata.etag']
    })
    const listing = await h.ok(
      'GET',
      `/products/${pid}/listings/getByInstanceID(instanceID=${await draft(h, pid, 'Listing', v.id)})`
    )
    expect(listing.value[0].title).toBe('Gold plan')
    const config = await h.ok(
      'GET',
      `/products/${pid}/packageConfigurations/getByInstanceID(instanceID=${await draft(h, pid, 'Package', v.id)})`
    )
    expect(config.value[0].resourceType).toBe('AzureManagedApplicationPackageConfiguration')

    expect((await h.call('DELETE', `/products/${pid}/variants/${v.id}`)).status).toBe(204)
    const branches = (await h.ok('GET', `/products/${pid}/branches/getByModule(module=Listing)`))
      .value
    expect(branches.some((b: Wire) => b.variantID === v.id)).toBe(false)
  })

  it('defaults an AzureApplication plan without subType to solution-template', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-analytics')
    const v = await h.ok('POST', `/products/${pid}/variants`, {
      resourceType: 'AzureSkuVariant',
      friendlyName: 'Basic',
      externalID: 'basic'
    })
    expect(v.subType).toBe('solution-template')
    const config = await h.ok(
      'GET',
      `/products/${pid}/packageConfigurations/getByInstanceID(instanceID=${await draft(h, pid, 'Package', v.id)})`
    )
    expect(config.value[0].resourceType).toBe('AzureSolutionTemplatePackageConfiguration')
  })
})

describe('listings and etags', () => {
  it('PUT replaces the whole listing; id and languageCode survive', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-analytics')
    const listing = await offerListing(h, pid)
    const reply = await h.call(
      'PUT',
      `/products/${pid}/listings/${listing.id}`,
      {
        resourceType: 'AzureListing',
        title: 'New title',
        summary: 'S',
        listingUris: [],
        listingContacts: []
      },
      { 'If-Match': listing['@odata.etag'] }
    )
    expect(reply.status).toBe(200)
    const body = reply.body as Wire
    expect(body).toMatchObject({
      title: 'New title',
      summary: 'S',
      languageCode: 'en-us',
      id: listing.id
    })
    expect(body).not.toHaveProperty('keywords')
    expect(body).not.toHaveProperty('gettingStartedInstructions')
    expect(body['@odata.etag']).not.toBe(listing['@odata.etag'])
    expect(reply.headers).toEqual({ ETag: body['@odata.etag'] })
    expect(await h.ok('GET', `/products/${pid}/listings/${listing.id}`)).toEqual(body)
  })

  it('answers a stale If-Match with 412 (or the configured 409); * and no If-Match are accepted', async () => {
    for (const status of [412, 409] as const) {
      const h = createHarness({ etagMismatch: status })
      const pid = h.productId('contoso-analytics')
      const listing = await offerListing(h, pid)
      const url = `/products/${pid}/listings/${listing.id}`
      await h.ok('PUT', url, { ...listing, title: 'one' }, { 'If-Match': listing['@odata.etag'] })
      const stale = await h.call(
        'PUT',
        url,
        { ...listing, title: 'two' },
        { 'If-Match': listing['@odata.etag'] }
      )
      expect(stale.status).toBe(status)
      expect(errorDetail(stale).faultCode).toBe(50000 + status)
      expect(
        (await h.ok('PUT', url, { ...listing, title: 'three' }, { 'If-Match': '*' })).title
      ).toBe('three')
      expect((await h.ok('PUT', url, { ...listing, title: 'four' })).title).toBe('four')
    }
  })

  it('creates another language with createWithInstanceID', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-analytics')
    const instance = await draft(h, pid, 'Listing')
    const url = `/products/${pid}/listings/createWithInstanceID(instanceID=${instance})`
    const reply = await h.call('POST', url, {
      resourceType: 'AzureListing',
      languageCode: 'de-de',
      title: 'Hallo'
    })
    expect(reply.status).toBe(201)
    const all = await h.ok(
      'GET',
      `/products/${pid}/listings/getByInstanceID(instanceID=${instance})`
    )
    expect(all.value.map((l: Wire) => l.languageCode)).toEqual(['en-us', 'de-de'])
    expect(
      (await h.call('POST', url, { resourceType: 'AzureListing', languageCode: 'de-de' })).status
    ).toBe(400)
  })
})

describe('listing images', () => {
  it('goes PendingUpload → Uploaded (read-only URI) → InProcessing → Processed', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-analytics')
    const listing = await offerListing(h, pid)
    const base = `/products/${pid}/listings/${listing.id}/images`
    const reply = await h.call('POST', base, {
      resourceType: 'ListingImage',
      fileName: 'large.png',
      type: 'AzureLogoLarge',
      state: 'PendingUpload',
      order: 0
    })
    expect(reply.status).toBe(201)
    const image = reply.body as Wire
    expect(Object.keys(image)).toEqual([
      'resourceType',
      'fileName',
      'type',
      'fileSasUri',
      'state',
      'order',
      '@odata.etag',
      'id'
    ])
    expect(image.fileSasUri).toContain('sp=rwl')
    expect(reply.headers?.Location).toBe(`${ORIGIN}/v1.0/ingestion${base}/${image.id}`)

    const uploaded = await h.ok(
      'PUT',
      `${base}/${image.id}`,
      { ...image, state: 'Uploaded' },
      { 'If-Match': '*' }
    )
    expect(uploaded.state).toBe('Uploaded')
    expect(uploaded.fileSasUri).toContain('sp=rl')
    expect(h.blob.validated).toEqual([{ blobName: 'blob-1', kind: 'image' }])
    expect((await h.ok('GET', `${base}/${image.id}`)).state).toBe('InProcessing')
    h.advance(60)
    const listed = await h.ok('GET', base)
    expect(listed.value[0].state).toBe('Processed')
    expect(listed.value[0]).not.toHaveProperty('fileSasUri')
    expect((await h.ok('GET', `${base}?$expand=FileSasUri`)).value[0].fileSasUri).toContain('sp=rl')

    expect((await h.call('DELETE', `${base}/${image.id}`)).status).toBe(204)
    expect(await h.ok('GET', base)).toEqual({ value: [] })
  })

  it('ends in ProcessFailed when the uploaded image does not validate', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-analytics')
    const listing = await offerListing(h, pid)
    const base = `/products/${pid}/listings/${listing.id}/images`
    const image = await h.ok('POST', base, {
      resourceType: 'ListingImage',
      fileName: 'x.png',
      type: 'AzureLogoSmall'
    })
    h.blob.failures.set('blob-1', [
      { errorCode: 'Image-1', severity: 'Error', message: 'not a PNG', resource: 'Image' }
    ])
    await h.ok('PUT', `${base}/${image.id}`, { ...image, state: 'Uploaded' })
    h.advance(60)
    expect((await h.ok('GET', `${base}/${image.id}`)).state).toBe('ProcessFailed')
  })
})

describe('packages', () => {
  const post = (h: Harness, pid: string, resourceType: string, fileName: string) =>
    h.call('POST', `/products/${pid}/packages`, { resourceType, fileName })

  it('processes an Azure app package after ~180 s: InProcessing, then Processed', async () => {
    const h = createHarness({ speed: 10 })
    const pid = h.productId('contoso-analytics')
    const reply = await post(h, pid, 'AzureApplicationPackage', 'app.zip')
    expect(reply.status).toBe(201)
    const pkg = reply.body as Wire
    expect(Object.keys(pkg)).toEqual([
      'resourceType',
      'fileName',
      'fileSasUri',
      'state',
      '@odata.etag',
      'id'
    ])
    expect(pkg.state).toBe('PendingUpload')
    const put = await h.ok('PUT', `/products/${pid}/packages/${pkg.id}`, {
      ...pkg,
      state: 'Uploaded'
    })
    expect(put.state).toBe('InProcessing')
    expect(h.blob.validated).toEqual([{ blobName: 'blob-1', kind: 'azure-app-zip' }])
    h.advance(179)
    expect((await h.ok('GET', `/products/${pid}/packages/${pkg.id}`)).state).toBe('InProcessing')
    h.advance(1)
    const done = await h.ok('GET', `/products/${pid}/packages/${pkg.id}`)
    expect(done).toMatchObject({ state: 'Processed', validationItems: [] })
    expect(h.blob.validated).toHaveLength(1)
  })

  it('fails processing with the blob store’s items or when process-failed is injected', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-analytics')
    const bad = (await post(h, pid, 'AzureApplicationPackage', 'bad.zip')).body as Wire
    const item = {
      errorCode: 'Package-1',
      severity: 'Error' as const,
      message: 'no mainTemplate',
      resource: 'Package' as const
    }
    h.blob.failures.set('blob-1', [item])
    await h.ok('PUT', `/products/${pid}/packages/${bad.id}`, { ...bad, state: 'Uploaded' })
    const forced = (await post(h, pid, 'AzureApplicationPackage', 'ok.zip')).body as Wire
    h.faults.configure('process-failed x1')
    await h.ok('PUT', `/products/${pid}/packages/${forced.id}`, { ...forced, state: 'Uploaded' })
    h.advance(180)
    const all = (await h.ok('GET', `/products/${pid}/packages`)).value
    expect(all.map((p: Wire) => p.state)).toEqual(['ProcessFailed', 'ProcessFailed'])
    expect(all[0].validationItems).toEqual([item])
    expect(all[1].validationItems[0].message).toMatch(/process-failed/)
  })

  it('processes Business Central packages synchronously: the PUT reply is final', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-bc-connector')
    const app = (await post(h, pid, 'Dynamics365BusinessCentralAddOnExtensionPackage', 'a.app'))
      .body as Wire
    const put = await h.ok(
      'PUT',
      `/products/${pid}/packages/${app.id}`,
      { ...app, state: 'Uploaded' },
      { 'If-Match': app['@odata.etag'] }
    )
    expect(put.state).toBe('Processed')
    const lib = (
      await post(h, pid, 'Dynamics365BusinessCentralAddOnLibraryExtensionPackage', 'l.app')
    ).body as Wire
    h.blob.failures.set('blob-2', [
      { errorCode: 'X', severity: 'Error', message: 'bad', resource: 'Package' }
    ])
    expect(
      (await h.ok('PUT', `/products/${pid}/packages/${lib.id}`, { ...lib, state: 'Uploaded' }))
        .state
    ).toBe('ProcessFailed')
    expect(h.blob.validated.map(v => v.kind)).toEqual(['bc-app', 'bc-library'])
    expect((await h.call('DELETE', `/products/${pid}/packages/${lib.id}`)).status).toBe(204)
    expect((await post(h, pid, 'NotAPackage', 'x')).status).toBe(400)
  })
})

describe('package configurations, properties, availabilities, reseller', () => {
  it('replaces a configuration and rejects references to unknown packages', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-analytics')
    const vid = (await h.ok('GET', `/products/${pid}/variants`)).value[0].id
    const instance = await draft(h, pid, 'package', vid)
    const cfg = (
      await h.ok(
        'GET',
        `/products/${pid}/packageconfigurations/getByInstanceID(instanceID=${instance})`
      )
    ).value[0]
    const pkg = await h.ok('POST', `/products/${pid}/packages`, {
      resourceType: 'AzureApplicationPackage',
      fileName: 'a.zip'
    })
    const url = `/products/${pid}/packageConfigurations/${cfg.id}`
    const body = {
      resourceType: cfg.resourceType,
      version: '1.2.3',
      packageReferences: [{ type: 'AzureApplicationPackage', value: pkg.id }],
      id: cfg.id
    }
    const put = await h.ok('PUT', url, body)
    expect(put).toMatchObject({ version: '1.2.3', id: cfg.id })
    const unknown = await h.call('PUT', url, {
      ...body,
      packageReferences: [{ type: 'AzureApplicationPackage', value: 'nope' }]
    })
    expect(unknown.status).toBe(400)
    expect(errorDetail(unknown).data.PackageReferences[0]).toMatch(/nope/)
  })

  it('reads and writes properties and availabilities by draft instance', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-bc-connector')
    const prop = (
      await h.ok(
        'GET',
        `/products/${pid}/properties/getByInstanceID(instanceID=${await draft(h, pid, 'Property')})`
      )
    ).value[0]
    expect(prop.appVersion).toBe('1.0.0.0')
    const put = await h.ok(
      'PUT',
      `/products/${pid}/properties/${prop.id}`,
      { ...prop, appVersion: '1.2.3.4' },
      { 'If-Match': prop['@odata.etag'] }
    )
    expect(put.appVersion).toBe('1.2.3.4')

    const az = h.productId('contoso-analytics')
    const avail = (
      await h.ok(
        'GET',
        `/products/${az}/productAvailabilities/getByInstanceID(instanceID=${await draft(h, az, 'Availability')})`
      )
    ).value[0]
    expect(avail.resourceType).toBe('ProductAvailability')
    const audiences = [{ type: 'PreviewMarketplaceGroup', values: ['sub-1'] }]
    expect(
      (
        await h.ok('PUT', `/products/${az}/productavailabilities/${avail.id}`, {
          ...avail,
          audiences
        })
      ).audiences
    ).toEqual(audiences)

    const vid = (await h.ok('GET', `/products/${az}/variants`)).value[0].id
    const byInstance = `/products/${az}/featureAvailabilities/getByInstanceID(instanceID=${await draft(h, az, 'Availability', vid)})`
    const plain = (await h.ok('GET', byInstance)).value[0]
    expect(plain).not.toHaveProperty('marketStates')
    const expanded = (await h.ok('GET', `${byInstance}?$expand=MarketStates,PriceSchedules,Trial`))
      .value[0]
    expect(expanded).toHaveProperty('marketStates', [])
    const put2 = await h.ok(
      'PUT',
      `/products/${az}/featureavailabilities/${plain.id}?$expand=MarketStates`,
      { ...expanded, visibility: 'Private' }
    )
    expect(put2).toMatchObject({ visibility: 'Private', marketStates: [] })
  })

  it('stores the reseller configuration', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-analytics')
    expect((await h.ok('GET', `/products/${pid}/resellerConfiguration`)).resellerChannelState).toBe(
      'Disabled'
    )
    const reply = await h.call('POST', `/products/${pid}/resellerConfiguration`, {
      resourceType: 'ResellerConfiguration',
      resellerChannelState: 'Enabled',
      tenantIds: []
    })
    expect(reply.status).toBe(200)
    expect((await h.ok('GET', `/products/${pid}/resellerConfiguration`)).resellerChannelState).toBe(
      'Enabled'
    )
  })
})
