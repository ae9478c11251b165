/**
 * Both fault families on every write route of the model, seen from the wire of a spawned
 * emulator: a fault *before* effect (`500`) leaves the model as it was; a fault *after* effect
 * (`503-after`, `reset-after`) lets the write happen and then spoils its reply. "Took effect" is
 * read from the model's own snapshot (`GET /_emulator/state`), so no route needs its own probe.
 * The table must name every write route the model has: a new one fails the coverage test until
 * it gets a case.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startEmulatorProcess, type EmulatorProcess } from '../helpers/emulator.js'
import { createHarness } from './api-harness.js'
import { apiCaller, v1Token, type WireReply } from './wire-client.js'

type Wire = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
type Call = (
  method: string,
  target: string,
  body?: unknown,
  headers?: Record<string, string>
) => Promise<WireReply>

interface Write {
  method: string
  path: string
  body?: unknown
}

interface Ids {
  azure: string
  bc: string
  managed: string
}

let emulator: EmulatorProcess
let call: Call
let ids: Ids

beforeAll(async () => {
  // The promote case's submission of the bare seed offer is only the vehicle of the fault under
  // test: basic checks let it reach ReadyToPublish (completeness: api-submission-completeness).
  emulator = await startEmulatorProcess(['--speed', '100000', '--submission-checks', 'basic'])
  call = apiCaller(emulator.ready, await v1Token(emulator.ready))
})

afterAll(async () => {
  await emulator?.stop()
})

/** A fresh model for each case; its product ids are new ones. */
beforeEach(async () => {
  const { offers } = await emulator.adminJson<{
    offers: Array<{ offerId: string; productId: string }>
  }>('/reset', { method: 'POST' })
  const productOf = (offerId: string): string => offers.find(o => o.offerId === offerId)!.productId
  ids = {
    azure: productOf('contoso-analytics'),
    bc: productOf('contoso-bc-connector'),
    managed: productOf('contoso-managed-ops')
  }
})

async function ok(method: string, target: string, body?: unknown): Promise<Wire> {
  const reply = await call(method, target, body)
  if (reply.status >= 300) throw new Error(`${method} ${target} -> ${reply.status} ${reply.text}`)
  return reply.body as Wire
}

async function draft(productId: string, module: string, plan = false): Promise<string> {
  const branches = await ok('GET', `/products/${productId}/branches/getByModule(module=${module})`)
  const branch = (branches.value as Wire[]).find(b => (b.variantID !== undefined) === plan)
  return branch!.currentDraftInstanceID as string
}

async function byInstance(productId: string, segment: string, module: string, plan = false) {
  const instance = await draft(productId, module, plan)
  const found = await ok(
    'GET',
    `/products/${productId}/${segment}/getByInstanceID(instanceID=${instance})`
  )
  return found.value[0] as Wire
}

async function offerListing(): Promise<Wire> {
  return byInstance(ids.azure, 'listings', 'Listing')
}

async function newImage(): Promise<{ listingId: string; image: Wire }> {
  const listing = await offerListing()
  const image = await ok('POST', `/products/${ids.azure}/listings/${listing.id}/images`, {
    resourceType: 'ListingImage',
    fileName: 'logo.png',
    type: 'AzureLogoLarge',
    state: 'PendingUpload',
    order: 0
  })
  return { listingId: listing.id as string, image }
}

async function newPackage(): Promise<Wire> {
  return ok('POST', `/products/${ids.azure}/packages`, {
    resourceType: 'AzureApplicationPackage',
    fileName: 'app-1.0.0.zip'
  })
}

/** A submission of the BC offer's Package draft, the smallest a submission can be. */
async function submissionRequest(): Promise<Wire> {
  return {
    resourceType: 'SubmissionCreationRequest',
    targets: [{ type: 'Scope', value: 'preview' }],
    resources: [{ type: 'Package', value: await draft(ids.bc, 'Package') }]
  }
}

async function newSubmission(): Promise<Wire> {
  return ok('POST', `/products/${ids.bc}/submissions`, await submissionRequest())
}

/** Points the BC offer's configuration at a processed .app, so its submission can pass. */
async function configureBcPackage(): Promise<void> {
  const pkg = await ok('POST', `/products/${ids.bc}/packages`, {
    resourceType: 'Dynamics365BusinessCentralAddOnExtensionPackage',
    fileName: 'Contoso_Connector_1.2.3.0.app'
  })
  const blob = await fetch(pkg.fileSasUri as string, {
    method: 'PUT',
    headers: { 'x-ms-blob-type': 'BlockBlob', 'content-type': 'application/octet-stream' },
    body: Buffer.concat([Buffer.from('NAVX1.2.3.0'), Buffer.alloc(2048, 7)])
  })
  expect(blob.status).toBe(201)
  const uploaded = await send({
    method: 'PUT',
    path: `/products/${ids.bc}/packages/${pkg.id}`,
    body: { ...pkg, state: 'Uploaded' }
  })
  expect((uploaded.body as Wire).state).toBe('Processed')
  const config = await byInstance(ids.bc, 'packageConfigurations', 'Package')
  const written = await send({
    method: 'PUT',
    path: `/products/${ids.bc}/packageconfigurations/${config.id}`,
    body: {
      ...config,
      packageReferences: [
        { type: 'Dynamics365BusinessCentralAddOnExtensionPackage', value: pkg.id }
      ]
    }
  })
  expect(written.status).toBe(200)
}

async function readyToPublish(): Promise<Wire> {
  await configureBcPackage()
  const submission = await newSubmission()
  for (;;) {
    const now = await ok('GET', `/products/${ids.bc}/submissions/${submission.id}`)
    if (now.substate === 'ReadyToPublish') return now
    if (now.substate !== 'Submitted') throw new Error(`submission ended ${now.substate}`)
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

/** Every write route of the model → the write to send (after whatever it needs exists). */
const WRITES: Record<string, () => Promise<Write>> = {
  'POST /products': async () => ({
    method: 'POST',
    path: '/products',
    body: {
      resourceType: 'AzureApplication',
      name: 'New offer',
      externalIDs: [{ type: 'AzureOfferId', value: 'new-offer' }],
      isModularPublishing: true
    }
  }),
  'DELETE /products/{productID}': async () => ({
    method: 'DELETE',
    path: `/products/${ids.managed}`
  }),
  'POST /products/{productID}/setup': async () => ({
    method: 'POST',
    path: `/products/${ids.azure}/setup`,
    body: { resourceType: 'AzureProductSetup', sellingOption: 'ListingOnly' }
  }),
  'POST /products/{productID}/variants': async () => ({
    method: 'POST',
    path: `/products/${ids.azure}/variants`,
    body: {
      resourceType: 'AzureSkuVariant',
      friendlyName: 'Extra',
      externalID: 'extra',
      subType: 'solution-template'
    }
  }),
  'PUT /products/{productID}/variants/{variantID}': async () => {
    const variants = await ok('GET', `/products/${ids.azure}/variants`)
    const variant = variants.value[0] as Wire
    return {
      method: 'PUT',
      path: `/products/${ids.azure}/variants/${variant.id}`,
      body: { ...variant, friendlyName: 'Renamed' }
    }
  },
  'DELETE /products/{productID}/variants/{variantID}': async () => {
    const variants = await ok('GET', `/products/${ids.azure}/variants`)
    return {
      method: 'DELETE',
      path: `/products/${ids.azure}/variants/${variants.value[0].id}`
    }
  },
  'PUT /products/{productID}/listings/{listingID}': async () => {
    const listing = await offerListing()
    return {
      method: 'PUT',
      path: `/products/${ids.azure}/listings/${listing.id}`,
      body: { ...listing, title: 'Changed' }
    }
  },
  'POST /products/{productID}/listings/createWithInstanceID(instanceID={instanceID})':
    async () => ({
      method: 'POST',
      path: `/products/${ids.azure}/listings/createWithInstanceID(instanceID=${await draft(ids.azure, 'Listing')})`,
      body: { resourceType: 'AzureListing', languageCode: 'de-de', title: 'Neu' }
    }),
  'POST /products/{productID}/listings/{listingID}/images': async () => {
    const listing = await offerListing()
    return {
      method: 'POST',
      path: `/products/${ids.azure}/listings/${listing.id}/images`,
      body: {
        resourceType: 'ListingImage',
        fileName: 'logo.png',
        type: 'AzureLogoLarge',
        state: 'PendingUpload',
        order: 0
      }
    }
  },
  'PUT /products/{productID}/listings/{listingID}/images/{imageID}': async () => {
    const { listingId, image } = await newImage()
    return {
      method: 'PUT',
      path: `/products/${ids.azure}/listings/${listingId}/images/${image.id}`,
      body: { ...image, state: 'Uploaded' }
    }
  },
  'DELETE /products/{productID}/listings/{listingID}/images/{imageID}': async () => {
    const { listingId, image } = await newImage()
    return {
      method: 'DELETE',
      path: `/products/${ids.azure}/listings/${listingId}/images/${image.id}`
    }
  },
  'POST /products/{productID}/packages': async () => ({
    method: 'POST',
    path: `/products/${ids.azure}/packages`,
    body: { resourceType: 'AzureApplicationPackage', fileName: 'app-1.0.0.zip' }
  }),
  'PUT /products/{productID}/packages/{packageID}': async () => {
    const pkg = await newPackage()
    return {
      method: 'PUT',
      path: `/products/${ids.azure}/packages/${pkg.id}`,
      body: { ...pkg, state: 'Uploaded' }
    }
  },
  'DELETE /products/{productID}/packages/{packageID}': async () => {
    const pkg = await newPackage()
    return { method: 'DELETE', path: `/products/${ids.azure}/packages/${pkg.id}` }
  },
  'PUT /products/{productID}/packageconfigurations/{packageConfigurationID}': async () => {
    const config = await byInstance(ids.azure, 'packageConfigurations', 'Package', true)
    return {
      method: 'PUT',
      path: `/products/${ids.azure}/packageconfigurations/${config.id}`,
      body: { ...config, version: '9.9.9' }
    }
  },
  'PUT /products/{productID}/properties/{propertyID}': async () => {
    const property = await byInstance(ids.azure, 'properties', 'Property')
    return {
      method: 'PUT',
      path: `/products/${ids.azure}/properties/${property.id}`,
      body: { ...property, useEnterpriseContract: true }
    }
  },
  'PUT /products/{productID}/productavailabilities/{productAvailabilityID}': async () => {
    const availability = await byInstance(ids.azure, 'productAvailabilities', 'Availability')
    return {
      method: 'PUT',
      path: `/products/${ids.azure}/productavailabilities/${availability.id}`,
      body: { ...availability, visibility: 'Private' }
    }
  },
  'PUT /products/{productID}/featureavailabilities/{featureAvailabilityID}': async () => {
    const availability = await byInstance(ids.azure, 'featureAvailabilities', 'Availability', true)
    return {
      method: 'PUT',
      path: `/products/${ids.azure}/featureavailabilities/${availability.id}`,
      body: { ...availability, visibility: 'Private' }
    }
  },
  'POST /products/{productID}/resellerConfiguration': async () => ({
    method: 'POST',
    path: `/products/${ids.azure}/resellerConfiguration`,
    body: { resourceType: 'ResellerConfiguration', resellerChannelState: 'Enabled' }
  }),
  'POST /products/{productID}/submissions': async () => ({
    method: 'POST',
    path: `/products/${ids.bc}/submissions`,
    body: await submissionRequest()
  }),
  'DELETE /products/{productID}/submissions/{submissionID}': async () => {
    const submission = await newSubmission()
    return { method: 'DELETE', path: `/products/${ids.bc}/submissions/${submission.id}` }
  },
  'POST /products/{productID}/submissions/{submissionID}/promote': async () => {
    const submission = await readyToPublish()
    return {
      method: 'POST',
      path: `/products/${ids.bc}/submissions/${submission.id}/promote`
    }
  }
}

const ROUTES = Object.keys(WRITES)

it('the table names every write route of the model', () => {
  // The model's handlers are keyed by the spec operation they serve, `METHOD template`.
  const writeRoutes = Object.keys(createHarness().model.operations).filter(
    operation => !operation.startsWith('GET ')
  )
  expect([...writeRoutes].sort()).toEqual([...ROUTES].sort())
})

async function state(): Promise<string> {
  return JSON.stringify(await emulator.adminJson('/state'))
}

/** Sends a write as clients do: a PUT carries its body's etag in If-Match. */
function send(write: Write): Promise<WireReply> {
  const etag = (write.body as Wire | undefined)?.['@odata.etag']
  const headers: Record<string, string> = write.method === 'PUT' ? { 'If-Match': etag ?? '*' } : {}
  return call(write.method, write.path, write.body, headers)
}

/** Sends the write with one fault clause aimed at exactly it; its reply, or `dropped`. */
async function faulted(write: Write, kind: string): Promise<WireReply | 'dropped'> {
  const spec = `${write.method} ${write.path} -> ${kind} x1`
  const configured = await emulator.admin('/faults', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ spec })
  })
  expect(configured.status).toBe(200)
  return send(write).catch(() => 'dropped' as const)
}

/** Whether the write changed the model: compares snapshots (not shown: they are long). */
async function tookEffect(before: string): Promise<boolean> {
  return (await state()) !== before
}

describe.each(ROUTES)('%s', route => {
  it('without a fault: succeeds', async () => {
    const write = await WRITES[route]()
    const before = await state()
    const reply = await send(write)
    expect([200, 201, 204].includes(reply.status) ? 'ok' : reply.text).toBe('ok')
    expect(await tookEffect(before)).toBe(true)
  })

  it('500: fails before taking effect', async () => {
    const write = await WRITES[route]()
    const before = await state()
    const reply = await faulted(write, '500')
    expect(reply).toEqual(expect.objectContaining({ status: 500 }))
    expect(await tookEffect(before)).toBe(false)
  })

  it('503-after: takes effect, then answers 503', async () => {
    const write = await WRITES[route]()
    const before = await state()
    const reply = await faulted(write, '503-after')
    expect(reply).toEqual(expect.objectContaining({ status: 503 }))
    expect((reply as WireReply).text).toMatch(/^"ICH50503 - /)
    expect(await tookEffect(before)).toBe(true)
  })

  it('reset-after: takes effect, then drops the connection', async () => {
    const write = await WRITES[route]()
    const before = await state()
    const reply = await faulted(write, 'reset-after')
    expect(reply).toBe('dropped')
    expect(await tookEffect(before)).toBe(true)
  })
})
