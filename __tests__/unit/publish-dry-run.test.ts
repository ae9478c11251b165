/**
 * The dry run goes through the publish sequence with a client that records its writes: its plan
 * is compared with what the real run that follows writes, against the in-process emulator.
 */
import { describe, expect, it } from '@jest/globals'
import type { OfferSpec } from '../../src/manifest/model.js'
import { publishOffer } from '../../src/publish/offer.js'
import type { OfferResult } from '../../src/publish/result.js'
import { plannedShapes, sentShapes } from '../helpers/write-shapes.js'
import { useEmulator, type TestService } from './publish-emulator.js'
import {
  azureOffer,
  bcOffer,
  file,
  LISTING,
  offerRun,
  plan,
  SUBSCRIPTION
} from './publish-fixtures.js'

const emulator = useEmulator()

const TENANT = '8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f'
const PRINCIPAL = '5f0e6a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b'
const OWNER_ROLE = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'

const newTemplate = azureOffer({
  offerId: 'fabrikam-templates',
  name: 'Fabrikam Templates',
  images: [{ type: 'AzureLogoLarge', file: file('large.png'), order: 0 }],
  properties: {
    categories: ['analytics'],
    useEnterpriseContract: true,
    source: { file: '/work/marketplace.yml', line: 9 }
  },
  resellerChannelState: 'Enabled',
  plans: [
    plan('basic', {
      listing: { summary: 'Basic', description: '<p>Basic.</p>', source: { file: 'm', line: 1 } }
    }),
    plan('pro')
  ]
})

const newManaged = azureOffer({
  offerId: 'fabrikam-managed',
  type: 'azure-managed-app',
  name: 'Fabrikam Managed',
  plans: [
    plan('managed', {
      subType: 'managed-application',
      managedApp: {
        publicAzureTenantID: TENANT,
        publicAzureAuthorizations: [{ principalID: PRINCIPAL, roleDefinitionID: OWNER_ROLE }],
        allowJitAccess: true,
        canEnableCustomerActions: true,
        allowedCustomerActions: ['Microsoft.Compute/virtualMachines/restart/action'],
        policies: [
          {
            policyName: 'audit',
            policyDefinitionID:
              '/providers/Microsoft.Authorization/policyDefinitions/0a914e76-4921-4c19-b460-a2d36003525a'
          }
        ]
      },
      availability: {
        markets: ['us', 'gb'],
        pricing: { monthly: 49.99, byMarket: [{ market: 'gb', monthly: 39.99, currency: 'GBP' }] },
        source: { file: '/work/marketplace.yml', line: 25 }
      }
    })
  ]
})

const newBusinessCentral = bcOffer({
  offerId: 'fabrikam-bc',
  name: 'Fabrikam Connector',
  listing: { ...LISTING, summary: 'Connects Fabrikam' }
})

/** The dry run, then the real run, of the same offer; the service's writes of each. */
async function dryThenReal(service: TestService, offer: OfferSpec) {
  await service.clearLog()
  const planned = await publishOffer(offerRun(service, offer, { dryRun: true, target: 'live' }).run)
  const dryWrites = sentShapes(await service.log())
  const real = offerRun(service, offer, { target: 'live' })
  const published = await publishOffer(real.run)
  return { planned, published, dryWrites, realWrites: sentShapes(await service.log()), real }
}

function expectPlanMatches(planned: OfferResult, realWrites: string[], uploads: string[]): void {
  expect(planned.errors).toEqual([])
  expect(planned.status).toBe('planned')
  expect(plannedShapes(planned.requests ?? [])).toEqual(realWrites)
  expect(
    (planned.requests ?? []).filter(r => r.service === 'upload').map(r => r.values?.fileName)
  ).toEqual(expect.arrayContaining(uploads))
  expect(planned.requests?.filter(r => r.service === 'upload')).toHaveLength(uploads.length)
}

describe('a dry run of a new offer', () => {
  it.each([
    ['solution template', newTemplate],
    ['managed application', newManaged],
    ['Business Central app', newBusinessCentral]
  ])('plans exactly the writes the real run then makes (%s)', async (_kind, offer) => {
    const service = await emulator.fresh({ offers: [] })
    const { planned, published, dryWrites, realWrites, real } = await dryThenReal(service, offer)

    expect(dryWrites).toEqual([])
    expect(published.errors).toEqual([])
    expect(published.status).toBe('live')
    expect(realWrites.length).toBeGreaterThan(5)
    expectPlanMatches(planned, realWrites, real.uploads)
    // Nothing made up reaches the outputs.
    expect(planned.productId).toBeUndefined()
    expect(planned.partnerCenterUrl).toBeUndefined()
    expect(planned.packages.every(p => p.packageId === undefined)).toBe(true)
  })

  it('lists the plan creation and the managed application settings with their values', async () => {
    const service = await emulator.fresh({ offers: [] })
    const run = offerRun(service, newManaged, { dryRun: true, target: 'preview' })
    const { requests = [] } = await publishOffer(run.run)

    const variant = requests.find(r => r.method === 'POST' && r.path.endsWith('/variants'))
    expect(variant?.values).toEqual({
      resourceType: 'AzureSkuVariant',
      friendlyName: 'managed plan',
      externalID: 'managed',
      subType: 'managed-application'
    })
    const config = requests.find(r => r.path.includes('/packageconfigurations/'))
    expect(config?.values).toEqual(
      expect.objectContaining({
        version: '1.2.3',
        publicAzureTenantID: TENANT,
        publicAzureAuthorizations: [{ principalID: PRINCIPAL, roleDefinitionID: OWNER_ROLE }],
        allowJitAccess: true,
        canEnableCustomerActions: true,
        allowedCustomerActions: ['Microsoft.Compute/virtualMachines/restart/action'],
        policies: [expect.objectContaining({ policyName: 'audit' })]
      })
    )
    expect(requests.at(-1)).toEqual(
      expect.objectContaining({ method: 'POST', path: expect.stringMatching(/\/submissions$/) })
    )
    expect(run.lines).toContain('would create plan managed (managed-application, "managed plan")')
  })

  it("plans the preview audience and the plan's markets and prices the real run then writes", async () => {
    const service = await emulator.fresh({ offers: [] })
    const { planned, realWrites } = await dryThenReal(service, newManaged)
    const requests = planned.requests ?? []
    const availability = (collection: string) =>
      requests.filter(r => r.method === 'PUT' && r.path.includes(`/${collection}/`))

    expect(availability('productavailabilities').map(r => r.values)).toEqual([
      { audiences: [{ type: 'PreviewMarketplaceGroup', values: [SUBSCRIPTION] }] }
    ])
    const [plan] = availability('featureavailabilities').map(r => r.values)
    expect(plan?.marketStates).toEqual([
      { marketCode: 'US', state: 'Enabled' },
      { marketCode: 'GB', state: 'Enabled' }
    ])
    expect(plan?.priceSchedules).toEqual([
      expect.objectContaining({
        marketCodes: ['US'],
        schedules: [
          expect.objectContaining({ retailPrice: { openPrice: 49.99, currencyCode: 'USD' } })
        ]
      }),
      expect.objectContaining({
        marketCodes: ['GB'],
        schedules: [
          expect.objectContaining({ retailPrice: { openPrice: 39.99, currencyCode: 'GBP' } })
        ]
      })
    ])
    const products = '/v1.0/ingestion/products/{id}'
    expect(realWrites).toEqual(
      expect.arrayContaining([
        `PUT ${products}/productavailabilities/{id}`,
        `PUT ${products}/featureavailabilities/{id}`
      ])
    )
  })
})

describe('a dry run of an existing offer', () => {
  it('plans the changed listing and the submission, as the real run writes them', async () => {
    const service = await emulator.fresh()
    const offer = azureOffer({
      listing: { title: 'Contoso Analytics 2', source: { file: 'm', line: 1 } }
    })
    // Published once: the packages are processed, so only the listing changes.
    await publishOffer(offerRun(service, azureOffer(), { target: 'live' }).run)
    const { planned, published, dryWrites, realWrites, real } = await dryThenReal(service, offer)

    expect(dryWrites).toEqual([])
    expect(published.status).toBe('live')
    expect(real.uploads).toEqual([])
    expectPlanMatches(planned, realWrites, [])
    expect(planned.requests?.find(r => r.method === 'PUT')).toEqual(
      expect.objectContaining({
        path: expect.stringContaining('/listings/'),
        values: { title: 'Contoso Analytics 2' }
      })
    )
    expect(planned.productId).toBe(service.productId('contoso-analytics'))
  })

  it('plans the upload into a package left pending, without its upload URL', async () => {
    const service = await emulator.fresh()
    const productId = service.productId('contoso-analytics')
    const pending = await service.api.createPackage(productId, {
      resourceType: 'AzureApplicationPackage',
      fileName: 'standard-1.2.3.zip'
    })
    const { planned, realWrites, real } = await dryThenReal(service, azureOffer())

    expectPlanMatches(planned, realWrites, real.uploads)
    const upload = planned.requests?.find(r => r.values?.fileName === 'standard-1.2.3.zip')
    expect(upload?.path).toBe(new URL(pending.fileSasUri!).pathname)
    expect(planned.changes).toContainEqual({
      action: 'upload',
      subject: `package standard (standard-1.2.3.zip, 1000 B, into the pending package ${pending.id})`
    })
    // The upload URL's signature is a secret: nowhere in the plan.
    const signature = new URL(pending.fileSasUri!).searchParams.get('sig')!
    expect(signature.length).toBeGreaterThan(10)
    expect(JSON.stringify(planned)).not.toContain(signature)
    expect(JSON.stringify(planned)).not.toContain('sig=')
  })

  it('plans a new plan with its drafts beside the existing ones', async () => {
    const service = await emulator.fresh()
    const offer = azureOffer({ plans: [plan('standard'), plan('premium'), plan('enterprise')] })
    const { planned, published, realWrites, real } = await dryThenReal(service, offer)

    expect(published.status).toBe('live')
    expectPlanMatches(planned, realWrites, real.uploads)
    expect(planned.changes).toContainEqual({
      action: 'create',
      subject: 'plan enterprise (solution-template, "enterprise plan")'
    })
    const config = (planned.requests ?? []).filter(r => r.path.includes('/packageconfigurations/'))
    expect(config).toHaveLength(3)
  })
})
