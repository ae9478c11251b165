/**
 * The read side of the product-ingestion model: resource trees (after a configure too), one
 * resource by durable id, product and plan queries with paging, submissions, and the habits of
 * the real service a client must cope with (random order, the retired schema host on some types,
 * asset URLs that change between reads, `$version` as a ceiling).
 */
import { describe, expect, it } from '@jest/globals'
import { createPiHarness, ORIGIN, SCHEMA, V, type Wire } from './product-ingestion-harness.js'

const byId = (resources: Wire[]): Wire[] => [...resources].sort((a, b) => a.id.localeCompare(b.id))

describe('resource tree', () => {
  it('lists every resource of a seeded VM offer under durable ids, with $version as a ceiling', () => {
    const h = createPiHarness()
    const vm = h.offer('contoso-vm')
    const pg = vm.durableId.slice('product/'.length)
    const plg = vm.plans[0].durableId.split('/')[2]
    const tree = h.call('GET', `/resource-tree/${vm.durableId}?${V}`).body
    expect(tree.$schema).toBe(`${SCHEMA}/resource-tree/2022-03-01-preview2`)
    expect(tree.root).toBe(vm.durableId)
    expect(tree.target).toEqual({ targetType: 'draft' })
    expect(
      byId(tree.resources).map((r: Wire) => [r.id, r.$schema.replace(/^.*\/schema\//, '')])
    ).toEqual([
      [
        `listing-asset/${pg}/public/main/default/en-us/azurelogolarge/1`,
        'listing-asset/2022-03-01-preview5'
      ],
      [`listing/${pg}/public/main/default/en-us`, 'listing/2022-03-01-preview5'],
      [`plan-listing/${pg}/public/main/${plg}/en-us`, 'plan-listing/2022-03-01-preview5'],
      [`plan/${pg}/${plg}`, 'plan/2022-07-01'],
      [`price-and-availability-offer/${pg}`, 'price-and-availability-offer/2022-03-01-preview3'],
      [
        `price-and-availability-plan/${pg}/${plg}`,
        'price-and-availability-plan/2022-03-01-preview4'
      ],
      [`product/${pg}`, 'product/2022-07-01'],
      [`property/${pg}/public/main`, 'property/2022-03-01-preview5'],
      [`reseller/${pg}`, 'reseller/2022-03-01-preview2'],
      [`submission/${pg}/0`, 'submission/2022-03-01-preview7'],
      [
        `virtual-machine-plan-technical-configuration/${pg}/${plg}`,
        'virtual-machine-plan-technical-configuration/2022-03-01-preview5'
      ]
    ])
    // A lower ceiling brings each type down to its newest version at or below it.
    const older = h.call('GET', `/resource-tree/${vm.durableId}?$version=2022-03-01-preview3`).body
    const schemaOf = (id: string): string => older.resources.find((r: Wire) => r.id === id).$schema
    expect(schemaOf(`product/${pg}`)).toBe(`${SCHEMA}/product/2022-03-01-preview3`)
    expect(schemaOf(`submission/${pg}/0`)).toBe(`${SCHEMA}/submission/2022-03-01-preview2`)
  })

  it('reads property on the retired schema host (as cloudpub saw in 2025), unless configured otherwise', () => {
    const h = createPiHarness()
    const saas = h.offer('contoso-saas')
    const property = (): Wire =>
      h
        .call('GET', `/resource-tree/${saas.durableId}?${V}`)
        .body.resources.find((r: Wire) => r.id.startsWith('property/'))
    expect(property().$schema).toBe(
      'https://product-ingestion.azureedge.net/schema/property/2022-03-01-preview5'
    )
    h.config.legacySchemaHostTypes = []
    expect(property().$schema).toBe(`${SCHEMA}/property/2022-03-01-preview5`)
  })

  it('returns listing asset URLs on Microsoft storage, with a SAS that changes between reads', () => {
    const h = createPiHarness()
    const saas = h.offer('contoso-saas')
    const url = (): string =>
      h
        .call('GET', `/resource-tree/${saas.durableId}?${V}`)
        .body.resources.find((r: Wire) => r.id.startsWith('listing-asset/')).url
    const first = url()
    expect(first).toMatch(
      /^https:\/\/ingestionpackagesprod1\.blob\.core\.windows\.net\/file\/[0-9a-f]{32}\/logo-216x216\.png\?sv=2018-03-28&sr=b&sig=/
    )
    expect(url()).not.toBe(first)
    const sig = new URL(first).searchParams.get('sig')
    expect(h.model.issuedSignatures()).toContain(sig)
  })

  it('shows a created product after its job, and preview only once published', () => {
    const h = createPiHarness()
    h.finish(
      h.configure([
        {
          $schema: `${SCHEMA}/product/2022-07-01`,
          identity: { externalId: 'contoso-new' },
          type: 'azureVirtualMachine',
          alias: 'New'
        }
      ])
    )
    const product = h.call('GET', `/product?externalID=contoso-new&${V}`).body.value[0]
    const tree = h.call('GET', `/resource-tree/${product.id}?${V}`).body
    expect(tree.resources.map((r: Wire) => r.id).sort()).toEqual(
      [`${product.id}`, `submission/${product.id.slice(8)}/0`].sort()
    )
    const preview = h.call('GET', `/resource-tree/${product.id}?targetType=preview&${V}`)
    expect(preview.status).toBe(404)
    expect(preview.body.error.code).toBe('notFound')
    expect(h.call('GET', `/resource-tree/${product.id}?targetType="preview"&${V}`).status).toBe(400)
  })
})

describe('queries', () => {
  it('finds a product by external id (either spelling), and its plans by product', () => {
    const h = createPiHarness()
    const vm = h.offer('contoso-vm')
    for (const name of ['externalId', 'externalID']) {
      const found = h.call('GET', `/product?${name}=contoso-vm&${V}`).body
      expect(found).toEqual({
        value: [
          {
            $schema: `${SCHEMA}/product/2022-07-01`,
            id: vm.durableId,
            identity: { externalId: 'contoso-vm' },
            type: 'azureVirtualMachine',
            alias: 'Contoso Hardened Ubuntu'
          }
        ]
      })
    }
    expect(h.call('GET', `/product?externalId=nothing-here&${V}`).body).toEqual({ value: [] })
    const plans = h.call('GET', `/plan?product=${vm.durableId}&externalId=ubuntu-22-04&${V}`).body
      .value
    expect(plans.map((p: Wire) => p.id)).toEqual([vm.plans[0].durableId])
    expect(h.call('GET', `/plan?${V}`).body.error.message).toBe(
      'The product query parameter is required: plan?product=product/<id>.'
    )
  })

  it('pages products with an absolute @nextLink carrying continuationToken, absent on the last page', () => {
    const h = createPiHarness()
    const first = h.call('GET', `/product?$maxpagesize=2&${V}`).body
    expect(first.value).toHaveLength(2)
    const next = new URL(first['@nextLink'])
    expect(`${next.origin}${next.pathname}`).toBe(`${ORIGIN}/rp/product-ingestion/product`)
    expect(next.searchParams.get('$maxpagesize')).toBe('2')
    expect(next.searchParams.get('continuationToken')).toBeTruthy()
    const second = h.call('GET', `/product${next.search}`).body
    expect(second.value).toHaveLength(1)
    expect(second['@nextLink']).toBeUndefined()
    const ids = [...first.value, ...second.value].map((p: Wire) => p.identity.externalId).sort()
    expect(ids).toEqual(['contoso-container', 'contoso-saas', 'contoso-vm'])
    expect(h.call('GET', `/product?type=azureContainer&${V}`).body.value).toHaveLength(1)
  })

  it('reads one draft resource by durable id, and 404s an unknown one', () => {
    const h = createPiHarness()
    const container = h.offer('contoso-container')
    const id = `container-plan-technical-configuration/${container.plans[0].durableId.slice(5)}`
    const config = h.call('GET', `/${id}?${V}`)
    expect(config.status).toBe(200)
    expect(config.body).toMatchObject({
      id,
      payloadType: 'cnab',
      clusterExtensionType: 'Contoso.EdgeAnalytics'
    })
    const missing = h.call(
      'GET',
      `/plan/${container.durableId.slice(8)}/4db792e6-8e10-439d-9db2-a0e98fa7e174?${V}`
    )
    expect(missing.status).toBe(404)
    expect(missing.body).toEqual({
      error: {
        code: 'notFound',
        message: `Resource not found: plan/${container.durableId.slice(8)}/4db792e6-8e10-439d-9db2-a0e98fa7e174`,
        details: []
      }
    })
  })

  it('lists submissions of a seeded live offer: the draft, and one submission as preview and live', () => {
    const h = createPiHarness()
    const saas = h.offer('contoso-saas')
    const pg = saas.durableId.slice(8)
    const list = h.call('GET', `/submission/${pg}?${V}`).body.value as Wire[]
    expect(list.map(s => s.target.targetType)).toEqual(['draft', 'preview', 'live'])
    expect(list[1].id).toBe(list[2].id)
    expect(list[2]).toMatchObject({
      status: 'completed',
      result: 'succeeded',
      created: expect.stringMatching(/\.\d{7}Z$/)
    })
    const one = h.call('GET', `/submission/${pg}/${list[1].id.split('/')[2]}?${V}`).body
    expect(one.id).toBe(list[1].id)
  })
})
