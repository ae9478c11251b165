/**
 * The service's lenient binding, rule by rule (validate/deviations.ts LENIENCIES): each test sends
 * the lenient form, reads back what was stored, and finds the rule named in the request log. Then
 * every spec correction of the same file, each with its case.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { LENIENCIES, DEVIATIONS } from '../../emulator/src/validate/deviations.js'
import { createSpecValidator, type SpecValidator } from '../../emulator/src/validate/spec.js'
import { startEmulatorProcess, type EmulatorProcess } from '../helpers/emulator.js'
import { SPEC_FILE } from './recordings-fixture.js'
import { ichDetail, json, type LogEntry } from './server-fixtures.js'
import { absoluteNextLink, apiCaller, v1Token, type WireReply } from './wire-client.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Wire = any

let emulator: EmulatorProcess
let call: ReturnType<typeof apiCaller>
/** Product ids change on every reset. */
let offers: { offerId: string; productId: string }[] = []

beforeAll(async () => {
  emulator = await startEmulatorProcess(['--check-replies'])
  call = apiCaller(emulator.ready, await v1Token(emulator.ready))
})
afterAll(async () => {
  await emulator.stop()
})
beforeEach(async () => {
  offers = (await emulator.adminJson('/reset', { method: 'POST' })).offers
})
afterEach(async () => {
  // Every reply of the emulator matches the corrected spec.
  const entries = await emulator.adminJson<LogEntry[]>('/requests')
  const mismatches = entries.filter(e => e.validation === 'ok' && e.errors !== undefined)
  expect(mismatches.map(e => [e.method, e.path, e.errors])).toEqual([])
})

const productId = (offerId: string): string => offers.find(o => o.offerId === offerId)!.productId

async function ok(reply: Promise<WireReply>): Promise<Wire> {
  const { status, body } = await reply
  if (status >= 300) throw new Error(`${status}: ${JSON.stringify(body)}`)
  return body
}

/** The leniencies the log records for the last request with this method. */
async function leniencies(method: string): Promise<LogEntry['leniencies']> {
  const entries = await emulator.adminJson<LogEntry[]>('/requests')
  return entries.filter(e => e.method === method).at(-1)?.leniencies
}

/** The one resource of `kind` in the module's draft (offer level, or the first plan's). */
async function draftResource(pid: string, module: string, kind: string, plan = false) {
  const branches = await ok(call('GET', `/products/${pid}/branches/getByModule(module=${module})`))
  const branch = branches.value.find((b: Wire) => (b.variantID !== undefined) === plan)
  const list = await ok(
    call(
      'GET',
      `/products/${pid}/${kind}/getByInstanceID(instanceID=${branch.currentDraftInstanceID})`
    )
  )
  return list.value[0]
}

describe('leniency rules', () => {
  it('each has a deviation entry with its evidence', () => {
    for (const rule of LENIENCIES) {
      expect(DEVIATIONS.find(d => d.id === rule)?.evidence).toMatch(/\S{10}/)
    }
  })

  it('null-as-absent: a null property is not stored', async () => {
    const pid = productId('contoso-analytics')
    const listing = await draftResource(pid, 'Listing', 'listings')
    const put = { ...listing, summary: null, title: 'Kept' }
    await ok(call('PUT', `/products/${pid}/listings/${listing.id}`, put, { 'If-Match': '*' }))
    expect(await leniencies('PUT')).toEqual([{ rule: 'null-as-absent', at: 'body /summary' }])
    const stored = await ok(call('GET', `/products/${pid}/listings/${listing.id}`))
    expect(stored.title).toBe('Kept')
    expect(stored).not.toHaveProperty('summary')
  })

  it('string-as-boolean: "true" and "FALSE" are stored as booleans', async () => {
    const pid = productId('contoso-managed-ops')
    const config = await draftResource(pid, 'Package', 'packageConfigurations', true)
    const put = { ...config, allowJitAccess: 'true', canEnableCustomerActions: 'FALSE' }
    await ok(
      call('PUT', `/products/${pid}/packageconfigurations/${config.id}`, put, { 'If-Match': '*' })
    )
    expect(await leniencies('PUT')).toEqual([
      { rule: 'string-as-boolean', at: 'body /allowJitAccess' },
      { rule: 'string-as-boolean', at: 'body /canEnableCustomerActions' }
    ])
    const stored = await ok(call('GET', `/products/${pid}/packageconfigurations/${config.id}`))
    expect(stored).toMatchObject({ allowJitAccess: true, canEnableCustomerActions: false })
  })

  it('string-as-number: numeric strings are stored as numbers, integers only from integers', async () => {
    const pid = productId('contoso-managed-ops')
    const availability = await draftResource(pid, 'Availability', 'featureAvailabilities', true)
    const put = {
      ...availability,
      priceSchedules: [{ schedules: [{ retailPrice: { currencyCode: 'USD', openPrice: '1.5' } }] }],
      customMeters: [{ ID: 'm', priceInUsd: '0.25' }]
    }
    const path = `/products/${pid}/featureavailabilities/${availability.id}`
    await ok(call('PUT', path, put, { 'If-Match': '*' }))
    expect((await leniencies('PUT'))?.map(l => l.rule)).toEqual([
      'string-as-number',
      'string-as-number'
    ])
    const stored = await ok(call('GET', `${path}?$expand=PriceSchedules`))
    expect(stored.priceSchedules[0].schedules[0].retailPrice.openPrice).toBe(1.5)
    expect(stored.customMeters[0].priceInUsd).toBe(0.25)

    const listing = await draftResource(pid, 'Listing', 'listings')
    const images = `/products/${pid}/listings/${listing.id}/images`
    const image = { resourceType: 'ListingImage', fileName: 'a.png', type: 'AzureLogoLarge' }
    expect((await ok(call('POST', images, { ...image, order: '2' }))).order).toBe(2)
    expect((await call('POST', images, { ...image, order: '2.5' })).status).toBe(400)
  })

  it('case-insensitive-input and -enums: names and enum values bind to the spec spelling', async () => {
    const pid = productId('contoso-analytics')
    const created = await ok(
      call('POST', `/products/${pid}/variants`, {
        resourceType: 'azureskuvariant',
        FriendlyName: 'Gold',
        externalID: 'gold'
      })
    )
    expect(await leniencies('POST')).toEqual([
      { rule: 'case-insensitive-enums', at: 'body /resourceType' },
      { rule: 'case-insensitive-input', at: 'body /FriendlyName' }
    ])
    const stored = await ok(call('GET', `/products/${pid}/variants/${created.id}`))
    expect(stored).toMatchObject({ resourceType: 'AzureSkuVariant', friendlyName: 'Gold' })
  })

  it('case-insensitive-routes and -enums in the path, and a missing If-Match on configurations', async () => {
    const pid = productId('contoso-analytics')
    await ok(call('GET', `/Products/${pid}/branches/getByModule(module=listing)`))
    expect(await leniencies('GET')).toEqual([
      { rule: 'case-insensitive-routes', at: 'path' },
      { rule: 'case-insensitive-enums', at: 'path module' }
    ])
    const config = await draftResource(pid, 'Package', 'packageConfigurations', true)
    await ok(call('PUT', `/products/${pid}/packageconfigurations/${config.id}`, config))
    expect(await leniencies('PUT')).toEqual([
      { rule: 'package-configuration-if-match', at: 'header If-Match' }
    ])
  })

  it('a request in the spec spelling needs none', async () => {
    const pid = productId('contoso-analytics')
    const listing = await draftResource(pid, 'Listing', 'listings')
    await ok(call('PUT', `/products/${pid}/listings/${listing.id}`, listing, { 'If-Match': '*' }))
    const entries = await emulator.adminJson<LogEntry[]>('/requests')
    expect(entries.filter(e => e.leniencies !== undefined)).toEqual([])
  })
})

/**
 * Each spec correction of deviations.ts (every deviation that is not a leniency): the form the
 * service really takes or sends, read back from the emulator, and where the correction patches
 * the spec, proof that the spec without it would refuse that form or not check it. Replies are
 * checked against the corrected spec throughout (`--check-replies`, see afterEach).
 */
describe('spec corrections', () => {
  const full = createSpecValidator(SPEC_FILE)
  const validators = new Map<string, SpecValidator>()
  /** The spec with every deviation but `id`. */
  const without = (id: string): SpecValidator => {
    if (!validators.has(id))
      validators.set(
        id,
        createSpecValidator(SPEC_FILE, { deviations: DEVIATIONS.filter(d => d.id !== id) })
      )
    return validators.get(id)!
  }
  const request = (method: string, path: string, body?: unknown, query = '') => ({
    method,
    path,
    query: new URLSearchParams(query),
    headers: { 'if-match': '*' },
    body
  })
  /** A form the service takes: the corrected spec accepts it, the spec without `id` does not. */
  const acceptedOnlyWith = (
    id: string,
    method: string,
    path: string,
    body?: unknown,
    query = ''
  ) => {
    const sent = request(method, path, body, query)
    expect([full.validate(sent).ok, without(id).validate(sent).ok]).toEqual([true, false])
  }
  /** What the correction narrows (a typed property, an enum): refused only with it. */
  const refusedOnlyWith = (id: string, method: string, path: string, body: unknown) => {
    const sent = request(method, path, body)
    expect([full.validate(sent).ok, without(id).validate(sent).ok]).toEqual([false, true])
  }
  const replyOk = (v: SpecValidator, method: string, path: string, body: unknown, status = 200) =>
    v.validateReply({ method, path }, { status, body }).ok
  /** A reply the service sends: the corrected spec accepts it, the spec without `id` does not. */
  const replyOnlyWith = (id: string, method: string, path: string, body: unknown, status = 200) =>
    expect([
      replyOk(full, method, path, body, status),
      replyOk(without(id), method, path, body, status)
    ]).toEqual([true, false])
  /** A reply property the correction types: a wrong value is refused only with it. */
  const replyTypedOnlyWith = (id: string, method: string, path: string, body: unknown) =>
    expect([replyOk(full, method, path, body), replyOk(without(id), method, path, body)]).toEqual([
      false,
      true
    ])
  const newProduct = (resourceType: string, offerId: string) => ({
    resourceType,
    name: offerId,
    externalIDs: [{ type: 'AzureOfferId', value: offerId }]
  })
  const image = { resourceType: 'ListingImage', fileName: 'a.png', type: 'AzureLogoLarge' }
  const listingDraft = async (offerId: string) => {
    const pid = productId(offerId)
    return (await ok(call('GET', `/products/${pid}/branches/getByModule(module=Listing)`))).value[0]
      .currentDraftInstanceID as string
  }
  const withPageSize = async (size: number, run: () => Promise<void>) => {
    await emulator.adminJson('/config', json('PUT', { pageSize: size }))
    try {
      await run()
    } finally {
      await emulator.adminJson('/config', json('PUT', { pageSize: 3 }))
    }
  }

  const CASES: Record<string, () => Promise<void>> = {
    'product-types': async () => {
      const body = newProduct('SoftwareAsAService', 'contoso-saas-v1')
      const created = await ok(call('POST', '/products', body))
      const stored = await ok(call('GET', `/products/${created.id}`))
      expect(stored.resourceType).toBe('SoftwareAsAService')
      acceptedOnlyWith('product-types', 'POST', '/products', body)
    },
    'azure-product-types': async () => {
      const body = newProduct('SoftwareAsAService', 'contoso-saas-v2')
      await ok(call('POST', '/products', body))
      acceptedOnlyWith('azure-product-types', 'POST', '/products', body)
    },
    'variant-subtype': async () => {
      const pid = productId('contoso-analytics')
      // [PCC] spells it SubType: bound to the spec's subType only once the spec has it.
      const body = {
        resourceType: 'AzureSkuVariant',
        friendlyName: 'Ops',
        externalID: 'ops',
        SubType: 'managed-application'
      }
      const created = await ok(call('POST', `/products/${pid}/variants`, body))
      const stored = await ok(call('GET', `/products/${pid}/variants/${created.id}`))
      expect(stored).toMatchObject({ subType: 'managed-application' })
      expect(stored).not.toHaveProperty('SubType')
      expect(stored.certificationsAzureGovernment).toEqual([])
      const sent = request('POST', `/products/${pid}/variants`, body)
      expect(full.validate(sent).body).toMatchObject({ subType: 'managed-application' })
      expect(without('variant-subtype').validate(sent).body).toMatchObject({
        SubType: 'managed-application'
      })
    },
    'reseller-module': async () => {
      const path = `/products/${productId('contoso-analytics')}/branches/getByModule(module=ResellerConfiguration)`
      const branches = await ok(call('GET', path))
      expect(branches.value.map((b: Wire) => b.module)).toEqual(['ResellerConfiguration'])
      replyOnlyWith('reseller-module', 'GET', path, branches)
    },
    'get-by-module-values': async () => {
      const pid = productId('contoso-analytics')
      const path = (module: string) => `/products/${pid}/branches/getByModule(module=${module})`
      for (const module of ['Cosell', 'SupplementalContent'])
        expect((await ok(call('GET', path(module)))).value).toEqual([])
      expect((await call('GET', path('Pricing'))).status).toBe(400)
      refusedOnlyWith('get-by-module-values', 'GET', path('Pricing'), undefined)
    },
    'paging-next-link': async () => {
      await withPageSize(1, async () => {
        const first = await ok(call('GET', '/products'))
        expect(first.nextLink).toMatch(/^v1\.0\/ingestion\/products\?/)
        expect(first).not.toHaveProperty('@odata.nextLink')
        const next = await ok(call('GET', absoluteNextLink(emulator.ready, first.nextLink)))
        expect(next.value[0].id).not.toBe(first.value[0].id)
        replyTypedOnlyWith('paging-next-link', 'GET', '/products', { ...first, nextLink: 7 })
      })
    },
    'skip-token-everywhere': async () => {
      // Only products and variants page in the emulator; a token sent to another collection, as
      // clients that follow any nextLink send it, is accepted and the whole list comes back.
      const path = `/products/${productId('contoso-analytics')}/branches/getByModule(module=Listing)`
      expect((await ok(call('GET', `${path}?$skipToken=e30`))).value).toHaveLength(3)
      acceptedOnlyWith('skip-token-everywhere', 'GET', path, undefined, '$skipToken=e30')
    },
    'setup-post-200': async () => {
      const path = `/products/${productId('contoso-analytics')}/setup`
      const body = { resourceType: 'AzureProductSetup', sellingOption: 'ListingOnly' }
      const posted = await call('POST', path, body)
      expect(posted.status).toBe(200)
      expect((await ok(call('GET', path))).sellingOption).toBe('ListingOnly')
      replyOnlyWith('setup-post-200', 'POST', path, posted.body)
    },
    'package-put-if-match': async () => {
      const pid = productId('contoso-bc-connector')
      const pkg = await ok(
        call('POST', `/products/${pid}/packages`, {
          resourceType: 'Dynamics365BusinessCentralAddOnExtensionPackage',
          fileName: 'Contoso_1.0.0.0.app'
        })
      )
      const path = `/products/${pid}/packages/${pkg.id}`
      const uploaded = { ...pkg, state: 'Uploaded' }
      expect((await call('PUT', path, uploaded, { 'If-Match': '"stale"' })).status).toBe(412)
      const put = await call('PUT', path, uploaded, { 'If-Match': pkg['@odata.etag'] })
      expect(put.status).toBe(200)
      expect(await leniencies('PUT')).toBeUndefined()
      expect((await ok(call('GET', path))).state).not.toBe('PendingUpload')
    },
    'publisher-id-header': async () => {
      const reply = await call('GET', '/products', undefined, { 'x-ms-publisherId': 'contoso' })
      expect(reply.status).toBe(200)
      expect(await leniencies('GET')).toBeUndefined()
    },
    'external-ids-spelling': async () => {
      const { externalIDs, ...rest } = newProduct('AzureApplication', 'contoso-spelled')
      const created = await ok(call('POST', '/products', { ...rest, externalIds: externalIDs }))
      const stored = await ok(call('GET', `/products/${created.id}`))
      expect(stored.externalIDs).toEqual(externalIDs)
      expect(stored).not.toHaveProperty('externalIds')
      expect(await leniencies('POST')).toBeUndefined()
    },
    'expand-values-unchecked': async () => {
      const pid = productId('contoso-analytics')
      const listing = await draftResource(pid, 'Listing', 'listings')
      const images = `/products/${pid}/listings/${listing.id}/images`
      await ok(call('POST', images, image))
      const listed = await ok(call('GET', `${images}?$expand=$expand%3DFileSasUri`))
      expect(listed.value).toHaveLength(1)
      expect(listed.value[0]).not.toHaveProperty('fileSasUri')
    },
    'client-id-ignored': async () => {
      const created = await ok(
        call('POST', '/products', {
          ...newProduct('AzureApplication', 'offertest-000001'),
          externalIDs: [{ type: 'AzureOfferID', value: 'offertest-000001' }],
          ID: 'offertest-000001'
        })
      )
      expect(created.id).toMatch(/^[0-9a-f-]{36}$/)
      expect(created.externalIDs).toEqual([{ type: 'AzureOfferId', value: 'offertest-000001' }])
    },
    'preview-scope-casing': async () => {
      const pid = productId('contoso-bc-connector')
      const posted = await call('POST', `/products/${pid}/submissions`, {
        resourceType: 'SubmissionCreationRequest',
        targets: [{ type: 'Scope', value: 'Preview' }],
        resources: [{ type: 'Listing', value: await listingDraft('contoso-bc-connector') }]
      })
      expect(posted.status).toBe(201)
      const id = (posted.body as Wire).id
      const stored = await ok(call('GET', `/products/${pid}/submissions/${id}`))
      expect(stored.targets).toEqual([{ type: 'Scope', value: 'Preview' }])
    },
    'submission-post-202': async () => {
      // The emulator answers the spec's 201 with a Location; the action's client takes a 202 too
      // (client-replies.test.ts), as azure-docs#93203 reports the service sending one.
      const pid = productId('contoso-bc-connector')
      const posted = await call('POST', `/products/${pid}/submissions`, {
        resourceType: 'SubmissionCreationRequest',
        targets: [{ type: 'Scope', value: 'preview' }],
        resources: [{ type: 'Listing', value: await listingDraft('contoso-bc-connector') }]
      })
      expect(posted.status).toBe(201)
      expect(posted.headers.get('location')).toContain(`/submissions/${(posted.body as Wire).id}`)
    },
    'reply-spellings': async () => {
      const pid = productId('contoso-analytics')
      const reply = await call('GET', `/products/${pid}/branches/getByModule(module=Listing)`)
      expect(reply.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/)
      const plan = (reply.body as Wire).value.find((b: Wire) => b.variantID !== undefined)
      expect(Object.keys(plan)).toEqual(
        expect.arrayContaining(['variantID', 'currentDraftInstanceID'])
      )
      expect((await ok(call('GET', `/products/${pid}/variants`))).value[0]).toHaveProperty(
        'externalID'
      )
      expect(await ok(call('GET', `/products/${pid}`))).toHaveProperty('externalIDs')
    },
    'etag-headers': async () => {
      const created = await call(
        'POST',
        '/products',
        newProduct('AzureApplication', 'contoso-etag')
      )
      expect(created.headers.get('location')).toContain(`/products/${(created.body as Wire).id}`)
      expect(created.headers.get('etag')).toBeNull()
      const pid = productId('contoso-analytics')
      const variant = await call('POST', `/products/${pid}/variants`, {
        resourceType: 'AzureSkuVariant',
        friendlyName: 'Gold',
        externalID: 'gold'
      })
      expect(variant.headers.get('etag')).toBe((variant.body as Wire)['@odata.etag'])
      expect(variant.headers.get('location')).toContain(`/variants/${(variant.body as Wire).id}`)
    },
    'delete-204-empty': async () => {
      const pid = productId('contoso-analytics')
      const listing = await draftResource(pid, 'Listing', 'listings')
      const images = `/products/${pid}/listings/${listing.id}/images`
      const created = await ok(call('POST', images, image))
      const deleted = await call('DELETE', `${images}/${created.id}`)
      expect([deleted.status, deleted.text, deleted.headers.get('content-length')]).toEqual([
        204,
        '',
        '0'
      ])
      expect((await ok(call('GET', images))).value).toEqual([])
    },
    'error-bodies': async () => {
      const refused = await call('POST', '/products', { resourceType: 'NoSuchProduct', name: 'x' })
      expect(refused.status).toBe(400)
      expect(refused.body).toMatch(/^ICH50400 - Unable to complete request\. \{/)
      expect(ichDetail(refused.body).data['body /resourceType']).toEqual(
        expect.arrayContaining([expect.stringMatching(/must be one of/)])
      )
    },
    'variant-put-conflicts': async () => {
      const pid = productId('contoso-analytics')
      const [variant] = (await ok(call('GET', `/products/${pid}/variants`))).value
      const path = `/products/${pid}/variants/${variant.id}`
      expect((await call('PUT', path, variant, { 'If-Match': '"stale"' })).status).toBe(412)
      expect((await ok(call('GET', path)))['@odata.etag']).toBe(variant['@odata.etag'])
    },
    'unset-omitted': async () => {
      const pid = productId('contoso-analytics')
      const listing = await draftResource(pid, 'Listing', 'listings')
      expect(listing).not.toHaveProperty('summary')
      expect(Object.values(listing)).not.toContain(null)
      const variants = await ok(call('GET', `/products/${pid}/variants`))
      for (const variant of variants.value) expect(Object.values(variant)).not.toContain(null)
    },
    'preview-audience-shape': async () => {
      const pid = productId('contoso-analytics')
      const availability = await draftResource(pid, 'Availability', 'productAvailabilities')
      const path = `/products/${pid}/productavailabilities/${availability.id}`
      const audiences = [{ type: 'PreviewMarketplaceGroup', values: ['0f6c8a9e-subscription'] }]
      await ok(call('PUT', path, { ...availability, audiences }, { 'If-Match': '*' }))
      expect((await ok(call('GET', path))).audiences).toEqual(audiences)
      const specShaped = { ...availability, audiences: [['x']] }
      expect((await call('PUT', path, specShaped, { 'If-Match': '*' })).status).toBe(400)
      acceptedOnlyWith('preview-audience-shape', 'PUT', path, { ...availability, audiences })
    },
    'managed-app-configuration-fields': async () => {
      const pid = productId('contoso-managed-ops')
      const config = await draftResource(pid, 'Package', 'packageConfigurations', true)
      const path = `/products/${pid}/packageconfigurations/${config.id}`
      const fields = {
        allowedDataActions: [
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'
        ],
        deploymentMode: 'Complete',
        publisherManagementMode: 'Managed',
        customerAccessEnableState: 'Enabled'
      }
      await ok(call('PUT', path, { ...config, ...fields }, { 'If-Match': '*' }))
      expect(await ok(call('GET', path))).toMatchObject(fields)
      refusedOnlyWith('managed-app-configuration-fields', 'PUT', path, {
        ...config,
        deploymentMode: 7
      })
    },
    'bc-setup-package-type': async () => {
      const path = `/products/${productId('contoso-bc-connector')}/setup`
      const setup = await ok(call('GET', path))
      expect(setup.packageType).toBe('AddOn')
      replyTypedOnlyWith('bc-setup-package-type', 'GET', path, { ...setup, packageType: 'Other' })
    },
    'submission-cancelled': async () => {
      // The emulator never cancels a submission; the service's replies may say so.
      const path = `/products/${productId('contoso-bc-connector')}/submissions/1152921505697735001`
      replyOnlyWith('submission-cancelled', 'GET', path, {
        resourceType: 'Submission',
        id: '1152921505697735001',
        state: 'InProgress',
        substate: 'Cancelled'
      })
    }
  }

  it('each correction of deviations.ts has a case', () => {
    const corrections = DEVIATIONS.map(d => d.id).filter(
      id => !(LENIENCIES as readonly string[]).includes(id)
    )
    expect(Object.keys(CASES).sort()).toEqual(corrections.sort())
  })

  it.each(Object.keys(CASES))('%s', async id => {
    await CASES[id]()
  })
})
