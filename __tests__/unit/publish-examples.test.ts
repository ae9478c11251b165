/**
 * The example manifest (examples/marketplace.yml, loaded by the real loader) published to the
 * in-memory API: every field the manifest states reaches the drafts, and all three offers reach
 * preview side by side.
 */
import { describe, expect, it } from '@jest/globals'
import { fileURLToPath } from 'node:url'
import { loadManifest } from '../../src/manifest/load.js'
import { publishAll } from '../../src/publish/index.js'
import { ingestionOffers } from './manifest-fixture.js'
import { FakeIngestion } from './publish-fake-api.js'
import { offerRun } from './publish-fixtures.js'

const examples = fileURLToPath(new URL('../../examples', import.meta.url))

describe('publishing examples/marketplace.yml', () => {
  it('writes listings, images, packages and technical configurations and reaches preview', async () => {
    const manifest = await loadManifest(`${examples}/marketplace.yml`, {
      version: '1.2.3',
      workspace: examples
    })
    const api = new FakeIngestion()
    const analytics = api.addProduct('contoso-analytics', 'AzureApplication', [
      { planId: 'standard', subType: 'solution-template' },
      { planId: 'premium', subType: 'solution-template' }
    ])
    const ops = api.addProduct('contoso-managed-ops', 'AzureApplication', [
      { planId: 'managed', subType: 'managed-application' }
    ])
    const bc = api.addProduct('contoso-bc-connector', 'AzureDynamics365BusinessCentral')
    // One offer's test dependencies serve the whole run: the same fake API, clock and uploader.
    // The offers of the product-ingestion API are published in publish-pi-examples.test.ts.
    const offers = ingestionOffers(manifest)
    const { run, uploads } = offerRun(api, offers[0])
    const results = await publishAll(run.deps, offers)

    expect(results.map(r => [r.offerId, r.status, r.errors])).toEqual([
      ['contoso-analytics', 'preview', []],
      ['contoso-managed-ops', 'preview', []],
      ['contoso-bc-connector', 'preview', []]
    ])
    const [listing] = api.listings.get(api.branchOf(analytics.id, 'Listing'))!
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

    const managed = api.variants.get(ops.id)![0]
    const [opsConfig] = api.configs.get(api.branchOf(ops.id, 'Package', managed.id))!
    expect(opsConfig.publicAzureTenantID).toBe('8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f')
    expect(opsConfig.allowJitAccess).toBe(true)
    expect(opsConfig.version).toBe('1.2.3')

    const [bcConfig] = api.configs.get(api.branchOf(bc.id, 'Package'))!
    expect(bcConfig.packageReferences?.map(r => r.type).sort()).toEqual([
      'Dynamics365BusinessCentralAddOnExtensionPackage',
      'Dynamics365BusinessCentralAddOnLibraryExtensionPackage'
    ])
  })
})
