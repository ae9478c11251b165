/**
 * The service's lenient binding, rule by rule (validate/deviations.ts LENIENCIES): each test sends
 * the lenient form, reads back what was stored, and finds the rule named in the request log.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { LENIENCIES, DEVIATIONS } from '../../emulator/src/validate/deviations.js'
import { startEmulatorProcess, type EmulatorProcess } from '../helpers/emulator.js'
import type { LogEntry } from './server-fixtures.js'
import { apiCaller, v1Token, type WireReply } from './wire-client.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Wire = any

let emulator: EmulatorProcess
let call: ReturnType<typeof apiCaller>
/** Product ids change on every reset. */
let offers: { offerId: string; productId: string }[] = []

beforeAll(async () => {
  emulator = await startEmulatorProcess()
  call = apiCaller(emulator.ready, await v1Token(emulator.ready))
})
afterAll(async () => {
  await emulator.stop()
})
beforeEach(async () => {
  offers = (await emulator.adminJson('/reset', { method: 'POST' })).offers
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

describe('spec corrections', () => {
  it('preview-audience-shape: the audience is {type, values}, and string[] is refused', async () => {
    const pid = productId('contoso-analytics')
    const availability = await draftResource(pid, 'Availability', 'productAvailabilities')
    const path = `/products/${pid}/productavailabilities/${availability.id}`
    const audiences = [{ type: 'PreviewMarketplaceGroup', values: ['0f6c8a9e-subscription'] }]
    await ok(call('PUT', path, { ...availability, audiences }, { 'If-Match': '*' }))
    expect((await ok(call('GET', path))).audiences).toEqual(audiences)
    const specShaped = await call(
      'PUT',
      path,
      { ...availability, audiences: [['x']] },
      {
        'If-Match': '*'
      }
    )
    expect(specShaped.status).toBe(400)
  })
})
