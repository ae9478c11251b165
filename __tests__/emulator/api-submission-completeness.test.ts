/**
 * The emulator's default submission checks (`strict`; `--submission-checks basic` is the way
 * back): a submission of an offer with an incomplete module fails validation with the service's
 * items. Each rule is broken alone on an otherwise complete offer.
 */
import { describe, expect, it } from '@jest/globals'
import { RULES } from '../../emulator/src/api/submission-completeness.js'
import { DEFAULT_OPTIONS } from '../../emulator/src/server/options.js'
import {
  createHarness,
  creationRequest,
  readyPackages,
  type Harness,
  type Wire
} from './api-harness.js'

const GUID = '3f2e1d0c-4b5a-4968-8776-a5b4c3d2e1f0'

/** A model with the emulator's default submission checks. */
const withDefaults = (): Harness =>
  createHarness({ submissionChecks: DEFAULT_OPTIONS.submissionChecks })

/** The first resource of a module's draft (offer level, or the plan's) and its PUT path. */
async function draft(h: Harness, pid: string, module: string, kind: string, plan?: string) {
  const branches = (await h.ok('GET', `/products/${pid}/branches/getByModule(module=${module})`))
    .value
  const branch = branches.find((b: Wire) => b.variantID === plan)
  const list = `/products/${pid}/${kind}/getByInstanceID(instanceID=${branch.currentDraftInstanceID})`
  const resource = (await h.ok('GET', `${list}?$expand=MarketStates,PriceSchedules`)).value[0]
  return { resource, path: `/products/${pid}/${kind.toLowerCase()}/${resource.id}` }
}

type Edit = (h: Harness, pid: string) => Promise<void>

async function update(
  h: Harness,
  pid: string,
  where: [string, string, string?],
  change: (resource: Wire) => Wire
): Promise<void> {
  const { resource, path } = await draft(h, pid, ...where)
  await h.ok('PUT', path, change(resource), { 'If-Match': '*' })
}

/** Everything Partner Center asks of an Azure Application (both plan kinds) or a BC app. */
async function complete(h: Harness, pid: string, skip?: Edit): Promise<void> {
  const plans = (await h.ok('GET', `/products/${pid}/variants`)).value as Wire[]
  const azure = plans.length > 0
  if (azure) await readyPackages(h, pid)
  else await readyAppPackage(h, pid)
  const edits: Edit[] = [
    (h, pid) =>
      update(h, pid, ['Listing', 'listings'], l => ({
        ...l,
        summary: 'Summary',
        description: '<p>Description</p>',
        listingUris: [{ type: 'PrivacyUri', uri: 'https://contoso.example.com/privacy' }],
        listingContacts: [
          { type: 'CustomerSupport', name: 'Support', email: 's@contoso.example.com' },
          { type: 'Engineering', name: 'Engineering', email: 'e@contoso.example.com' }
        ]
      })),
    async (h, pid) => {
      const { resource } = await draft(h, pid, 'Listing', 'listings')
      const images = `/products/${pid}/listings/${resource.id}/images`
      const image = await h.ok('POST', images, {
        resourceType: 'ListingImage',
        fileName: 'logo.png',
        type: 'AzureLogoLarge'
      })
      await h.ok('PUT', `${images}/${image.id}`, { ...image, state: 'Uploaded' })
    },
    (h, pid) =>
      update(h, pid, ['Property', 'properties'], p => ({
        ...p,
        categories: ['analytics'],
        useEnterpriseContract: true
      }))
  ]
  if (azure) {
    edits.push((h, pid) =>
      update(h, pid, ['Availability', 'productAvailabilities'], a => ({
        ...a,
        audiences: [{ type: 'PreviewMarketplaceGroup', values: [GUID] }]
      }))
    )
    for (const plan of plans) {
      edits.push((h, pid) =>
        update(h, pid, ['Listing', 'listings', plan.id], l => ({
          ...l,
          summary: 'Plan summary',
          description: 'Plan description'
        }))
      )
      if (plan.subType !== 'managed-application') continue
      edits.push(
        (h, pid) =>
          update(h, pid, ['Availability', 'featureAvailabilities', plan.id], a => ({
            ...a,
            marketStates: [{ marketCode: 'US', state: 'Enabled' }],
            priceSchedules: [
              {
                isBaseSchedule: true,
                marketCodes: ['US'],
                schedules: [{ retailPrice: { openPrice: 10, currencyCode: 'USD' } }]
              }
            ]
          })),
        (h, pid) =>
          update(h, pid, ['Package', 'packageConfigurations', plan.id], c => ({
            ...c,
            publicAzureTenantID: GUID,
            publicAzureAuthorizations: [{ principalID: GUID, roleDefinitionID: GUID }]
          }))
      )
    }
  }
  for (const edit of edits) if (edit !== skip) await edit(h, pid)
}

/** A processed Business Central app, referenced by the offer's package configuration. */
async function readyAppPackage(h: Harness, pid: string): Promise<void> {
  const app = await h.ok('POST', `/products/${pid}/packages`, {
    resourceType: 'Dynamics365BusinessCentralAddOnExtensionPackage',
    fileName: 'Contoso_Connector_1.2.3.0.app'
  })
  await h.ok('PUT', `/products/${pid}/packages/${app.id}`, { ...app, state: 'Uploaded' })
  await update(h, pid, ['Package', 'packageConfigurations'], c => ({
    ...c,
    packageReferences: [{ type: app.resourceType, value: app.id }]
  }))
}

/** Submits every draft and returns the validation items once validation has run. */
async function validations(h: Harness, pid: string): Promise<Wire[]> {
  const created = await h.ok('POST', `/products/${pid}/submissions`, await creationRequest(h, pid))
  h.advance(301)
  return (await h.ok('GET', `/products/${pid}/submissions/${created.id}/validations`)).value
}

const codes = (items: Wire[]): string[] => items.map(i => i.errorCode)

describe('strict submission checks', () => {
  it.each(['contoso-analytics', 'contoso-managed-ops', 'contoso-bc-connector'])(
    'pass a complete %s',
    async offerId => {
      const h = withDefaults()
      const pid = h.productId(offerId)
      await complete(h, pid)
      expect(await validations(h, pid)).toEqual([])
    }
  )

  it('are on by default: a managed app without audience, markets or price fails with their items', async () => {
    const items = await broken('contoso-managed-ops', async (h, pid) => {
      const plan = (await h.ok('GET', `/products/${pid}/variants`)).value[0]
      await update(h, pid, ['Availability', 'productAvailabilities'], a => ({
        ...a,
        audiences: []
      }))
      await update(h, pid, ['Availability', 'featureAvailabilities', plan.id], a => ({
        ...a,
        marketStates: [],
        priceSchedules: []
      }))
    })
    expect(items).toEqual([
      {
        errorCode: 'Availability-20101',
        severity: 'Error',
        message: 'Preview audience is required.',
        resource: 'Availability'
      },
      {
        errorCode: 'Availability-20102',
        severity: 'Error',
        message: 'Plan managed has no market.',
        resource: 'Availability'
      },
      {
        errorCode: 'Availability-20103',
        severity: 'Error',
        message: 'Plan managed has no price.',
        resource: 'Availability'
      }
    ])
  })

  it('basic, the way back, lets the incomplete seed offers pass', async () => {
    const h = createHarness({ submissionChecks: 'basic' })
    const pid = h.productId('contoso-managed-ops')
    await readyPackages(h, pid)
    expect(await validations(h, pid)).toEqual([])
  })

  it('mark every rule evidenced or inferred, with why', () => {
    for (const rule of Object.values(RULES)) {
      expect(['evidenced', 'inferred']).toContain(rule.basis)
      expect(rule.why.length).toBeGreaterThan(40)
    }
  })

  /** A complete managed app with one thing undone, and the items that must name it. */
  async function broken(offerId: string, breakIt: Edit): Promise<Wire[]> {
    const h = withDefaults()
    const pid = h.productId(offerId)
    await complete(h, pid)
    await breakIt(h, pid)
    return validations(h, pid)
  }

  it('preview-audience: an Azure Application needs a preview audience', async () => {
    const items = await broken('contoso-analytics', (h, pid) =>
      update(h, pid, ['Availability', 'productAvailabilities'], a => ({ ...a, audiences: [] }))
    )
    expect(items).toEqual([
      {
        errorCode: 'Availability-20101',
        severity: 'Error',
        message: 'Preview audience is required.',
        resource: 'Availability'
      }
    ])
  })

  it('plan-markets-and-price: a managed-app plan needs an enabled market and a price', async () => {
    const items = await broken('contoso-managed-ops', async (h, pid) => {
      const plan = (await h.ok('GET', `/products/${pid}/variants`)).value[0]
      await update(h, pid, ['Availability', 'featureAvailabilities', plan.id], a => ({
        ...a,
        marketStates: [{ marketCode: 'US', state: 'Disabled' }],
        priceSchedules: []
      }))
    })
    expect(items.map(i => [i.errorCode, i.message])).toEqual([
      ['Availability-20102', 'Plan managed has no market.'],
      ['Availability-20103', 'Plan managed has no price.']
    ])
  })

  it('listing-fields: the offer and plan listings need their text, privacy link and contacts', async () => {
    const items = await broken('contoso-analytics', async (h, pid) => {
      await update(h, pid, ['Listing', 'listings'], l => ({
        ...l,
        description: '',
        listingUris: [],
        listingContacts: l.listingContacts.slice(1)
      }))
      const plan = (await h.ok('GET', `/products/${pid}/variants`)).value[0]
      await update(h, pid, ['Listing', 'listings', plan.id], l => ({ ...l, summary: '' }))
    })
    expect(items.map(i => i.message)).toEqual([
      "The listing's description is required.",
      "The listing's privacy policy is required.",
      "The listing's CustomerSupport contact is required.",
      'The listing summary of plan standard is required.'
    ])
    expect(new Set(codes(items))).toEqual(new Set(['Listing-20101', 'Listing-20102']))
  })

  it('listing-images: the offer listing needs an uploaded large logo', async () => {
    const items = await broken('contoso-bc-connector', async (h, pid) => {
      const { resource } = await draft(h, pid, 'Listing', 'listings')
      const images = `/products/${pid}/listings/${resource.id}/images`
      for (const image of (await h.ok('GET', images)).value)
        await h.ok('DELETE', `${images}/${image.id}`)
    })
    expect(codes(items)).toEqual(['Listing-20103'])
  })

  it('plan-technical-configuration: a version, and valid GUIDs for the managed-app tenant and authorizations', async () => {
    const items = await broken('contoso-managed-ops', async (h, pid) => {
      const plan = (await h.ok('GET', `/products/${pid}/variants`)).value[0]
      await update(h, pid, ['Package', 'packageConfigurations', plan.id], c => ({
        ...c,
        version: '',
        publicAzureTenantID: 'contoso',
        publicAzureAuthorizations: []
      }))
    })
    expect(items.map(i => [i.errorCode, i.message])).toEqual([
      ['Package-20101', 'Plan managed: the version is required.'],
      ['Package-20101', 'Plan managed: Enter a valid GUID for the tenant ID.'],
      [
        'Package-20101',
        'Plan managed: Enter a valid GUID for each authorization (principal and role).'
      ]
    ])
  })

  it('property-fields: categories and legal terms for Azure Applications, the app version for Business Central', async () => {
    const azure = await broken('contoso-managed-ops', (h, pid) =>
      update(h, pid, ['Property', 'properties'], p => ({
        ...p,
        categories: [],
        useEnterpriseContract: false
      }))
    )
    expect(azure.map(i => i.message)).toEqual([
      'At least one category is required.',
      'Terms of use or the Standard Contract are required.'
    ])
    const bc = await broken('contoso-bc-connector', (h, pid) =>
      update(h, pid, ['Property', 'properties'], p => ({ ...p, appVersion: '' }))
    )
    expect(bc.map(i => [i.errorCode, i.message])).toEqual([
      ['Property-20101', 'The app version is required.']
    ])
  })
})
