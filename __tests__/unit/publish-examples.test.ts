/**
 * The example manifest (examples/marketplace.yml, loaded by the real loader) published to the
 * in-process emulator seeded with its offers: every field the manifest states reaches the drafts,
 * and all six offers (three through the Ingestion API, three through the Graph product-ingestion
 * API) reach preview side by side, through the emulator's default (strict) submission checks.
 */
import { describe, expect, it } from '@jest/globals'
import { fileURLToPath } from 'node:url'
import { loadManifest } from '../../src/manifest/load.js'
import type { Module } from '../../src/ingestion/types.js'
import type { Resource } from '../../src/product-ingestion/types.js'
import { publishAll } from '../../src/publish/index.js'
import { ingestionOffers } from './manifest-fixture.js'
import { useEmulator } from './publish-emulator.js'
import { offerRun } from './publish-fixtures.js'

const examples = fileURLToPath(new URL('../../examples', import.meta.url))
const emulator = useEmulator()

describe('publishing examples/marketplace.yml', () => {
  it('writes listings, images, packages, technical configurations, image versions and CNAB bundles and reaches preview', async () => {
    const manifest = await loadManifest(`${examples}/marketplace.yml`, {
      version: '1.2.3',
      workspace: examples
    })
    const service = await emulator.fresh()
    // One offer's test dependencies serve the whole run: the same service, clock and uploader.
    const { run, uploads } = offerRun(service, ingestionOffers(manifest)[0])
    const results = await publishAll(run.deps, manifest.offers)

    expect(results.map(r => [r.offerId, r.status, r.errors])).toEqual([
      ['contoso-analytics', 'preview', []],
      ['contoso-managed-ops', 'preview', []],
      ['contoso-bc-connector', 'preview', []],
      ['contoso-saas', 'preview', []],
      ['contoso-vm', 'preview', []],
      ['contoso-container', 'preview', []]
    ])
    const { api } = service
    const analytics = service.productId('contoso-analytics')
    const [listing] = await api.getListings(analytics, await draftOf(analytics, 'Listing'))
    expect(listing.title).toBe('Contoso Analytics')
    expect(listing.keywords).toEqual(['analytics', 'cost', 'dashboards'])
    expect(listing.listingContacts?.map(c => c.type).sort()).toEqual([
      'CustomerSupport',
      'Engineering'
    ])
    expect(uploads).toEqual(
      expect.arrayContaining([
        'logo-48x48.png',
        'logo-216x216.png',
        'contoso-analytics-standard-1.2.3.zip',
        'Contoso_ConnectorLibrary_1.2.3.0.app'
      ])
    )

    const ops = service.productId('contoso-managed-ops')
    const [managed] = await api.listVariants(ops)
    const [opsConfig] = await api.getPackageConfigurations(
      ops,
      await draftOf(ops, 'Package', managed.id)
    )
    expect(opsConfig.publicAzureTenantID).toBe('8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f')
    expect(opsConfig.allowJitAccess).toBe(true)
    expect(opsConfig.version).toBe('1.2.3')

    const [audience] = await api.getProductAvailabilities(
      analytics,
      await draftOf(analytics, 'Availability')
    )
    expect(audience.audiences).toEqual([
      { type: 'PreviewMarketplaceGroup', values: ['0b1f6471-1bf0-4dda-aec3-cb9272f09590'] }
    ])
    const [opsPlan] = await api.getFeatureAvailabilities(
      ops,
      await draftOf(ops, 'Availability', managed.id)
    )
    expect(opsPlan.marketStates).toEqual(
      ['US', 'CA', 'GB'].map(marketCode => ({ marketCode, state: 'Enabled' }))
    )
    const monthly = (openPrice: number, currencyCode: string) => [
      {
        retailPrice: { openPrice, currencyCode },
        priceCadence: { type: 'Month', value: 1 },
        pricingModel: 'Recurring'
      }
    ]
    expect(opsPlan.priceSchedules?.map(s => [s.marketCodes, s.schedules])).toEqual([
      [['US', 'CA'], monthly(49.99, 'USD')],
      [['GB'], monthly(39.99, 'GBP')]
    ])

    const bc = service.productId('contoso-bc-connector')
    const [bcConfig] = await api.getPackageConfigurations(bc, await draftOf(bc, 'Package'))
    expect(bcConfig.packageReferences?.map(r => r.type).sort()).toEqual([
      'Dynamics365BusinessCentralAddOnExtensionPackage',
      'Dynamics365BusinessCentralAddOnLibraryExtensionPackage'
    ])

    const saas = await piDraft('contoso-saas')
    expect(ofType(saas, 'software-as-a-service-technical-configuration')).toMatchObject([
      { landingPageUrl: 'https://contoso.example.com/insights/landing' }
    ])
    const vm = await piDraft('contoso-vm')
    const [vmConfig] = ofType(vm, 'virtual-machine-plan-technical-configuration')
    expect(
      (vmConfig.vmImageVersions as { versionNumber: string }[]).map(v => v.versionNumber)
    ).toEqual(['1.0.0', '1.2.3'])
    const container = await piDraft('contoso-container')
    expect(ofType(container, 'container-plan-technical-configuration')).toMatchObject([
      {
        cnabReferences: [
          {
            tag: '1.2.3',
            digest: 'sha256:3b1e9f0c7d2a5e8b4f6c1a9d0e7b3c5f2a8d6e4b1c9f7a0d3e5b8c2f6a4d1e9b'
          }
        ]
      }
    ])

    /** The current draft instance of a module, offer level or the plan's. */
    async function draftOf(productId: string, module: Module, variantID?: string) {
      const branches = await api.getBranches(productId, module)
      return branches.find(b => b.variantID === variantID)!.currentDraftInstanceID
    }

    /** The draft resources of a product-ingestion offer, read through the Graph client. */
    async function piDraft(offerId: string) {
      const pi = service.productIngestion({})
      const product = await pi.findProduct(offerId)
      return (await pi.getResourceTree(product!.id!, 'draft')).resources
    }
  })
})

function ofType(resources: Resource[], type: string): Resource[] {
  return resources.filter(r => r.$schema.includes(`/schema/${type}/`))
}
