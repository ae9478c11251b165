/** Every request a real client sent in the recordings must pass the emulator's spec validation. */
import { describe, expect, it } from '@jest/globals'
import { createSpecValidator } from '../../emulator/src/validate/spec.js'
import { allInteractions, SPEC_FILE, type Interaction } from './recordings-fixture.js'

const validator = createSpecValidator(SPEC_FILE)
const apiInteractions = allInteractions().filter(i => i.api)

function validate(i: Interaction) {
  return validator.validate({
    method: i.method,
    path: i.path,
    query: i.url.searchParams,
    headers: i.headers,
    body: i.body
  })
}

describe('spec validation of the recorded requests', () => {
  it('covers the 189 recorded Ingestion API requests', () => {
    expect(apiInteractions).toHaveLength(189)
  })

  it.each(apiInteractions.map(i => [`${i.cassette}#${i.index} ${i.method} ${i.path}`, i] as const))(
    '%s validates',
    (_name, interaction) => {
      const result = validate(interaction)
      expect(result.errors).toEqual([])
      expect(result.ok).toBe(true)
      expect(result.operation).toMatch(/^(GET|PUT|POST|DELETE) \/products/)
    }
  )

  it('binds the recorded casings to the spec spelling', () => {
    const bodies = apiInteractions.filter(i => i.body !== undefined).map(i => validate(i).body)
    const product = bodies.find(b => (b as { name?: string }).name === 'offertest-000001-alias')
    expect(product).toMatchObject({
      externalIDs: [{ type: 'AzureOfferID' }],
      id: 'offertest-000001'
    })
    expect(product).not.toHaveProperty('externalIds')
    expect(product).not.toHaveProperty('ID')

    const managedPlan = bodies.find(
      b => (b as { externalID?: string }).externalID === 'plantest-000003'
    )
    expect(managedPlan).toEqual({
      resourceType: 'AzureSkuVariant',
      friendlyName: 'plantest-000003name',
      externalID: 'plantest-000003',
      subType: 'managed-application'
    })

    for (const body of bodies) expect(Object.keys(body as object)).not.toContain('ID')
  })

  it('keeps listing URI subtype lower-case while variant subType stays camel-case', () => {
    const withUri = apiInteractions.find(
      i => i.method === 'PUT' && JSON.stringify(i.body).includes('SubTypeUri')
    ) as Interaction
    expect(validate(withUri).body).toMatchObject({
      listingUris: [{ type: 'PrivacyUri', subtype: 'SubTypeUri' }]
    })
  })

  it('accepts the recorded paging walk, filters and the malformed $expand', () => {
    const queried = apiInteractions.filter(i => i.url.search)
    expect(new Set(queried.flatMap(i => [...i.url.searchParams.keys()]))).toEqual(
      new Set(['$filter', '$skipToken', '$expand'])
    )
    expect(queried.filter(i => !validate(i).ok)).toEqual([])
  })
})

describe('spec validation of the recorded replies', () => {
  const raw = createSpecValidator(SPEC_FILE, { deviations: [] })
  const reply = (v: typeof validator, i: Interaction) =>
    v.validateReply({ method: i.method, path: i.path }, { status: i.status, body: i.response })

  it.each(apiInteractions.map(i => [`${i.cassette}#${i.index} ${i.status} ${i.path}`, i] as const))(
    '%s conforms to the patched spec',
    (_name, interaction) => {
      expect(reply(validator, interaction).errors).toEqual([])
    }
  )

  it('needs the deviations: the raw spec rejects what the service really sends', () => {
    const rejected = apiInteractions.filter(i => !reply(raw, i).ok)
    const operations = new Set(rejected.map(i => reply(raw, i).operation))
    // SoftwareAsAService products in the walk, and the setup POST's undeclared 200.
    expect(operations).toEqual(new Set(['GET /products', 'POST /products/{productID}/setup']))
  })
})
