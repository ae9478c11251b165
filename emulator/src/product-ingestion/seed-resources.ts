/**
 * The complete resource set of a seeded offer, as a publisher would have configured it: the
 * shapes of the catalogue §4 (cloudpub's VM tree) and the SaaS and containers docs. Every
 * resource validates against its schema (checked by __tests__/emulator/product-ingestion-seed).
 */
import { VERSIONS } from './resource-types.js'
import { schemaUri } from './schema-uri.js'
import type { PiSeedOffer, PiSeedPlan } from './seed.js'
import type { Json, Resources } from './store.js'

const { preview2: P2, preview3: P3, preview4: P4, preview5: P5 } = VERSIONS

/** Placeholder tenant and subscription of the seeded publisher (not the emulated Entra tenant). */
const PUBLISHER_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const PUBLISHER_SUBSCRIPTION = '0b1f6471-1bf0-4dda-aec3-cb9272f09590'

export function seedResources(offer: PiSeedOffer, pg: string, planGuids: string[]): Resources {
  const product = `product/${pg}`
  const resources: Json[] = []
  const add = (type: string, version: string, id: string, fields: Json): void => {
    resources.push({ $schema: schemaUri(type, version), id, ...fields })
  }
  const vm = offer.type === 'azureVirtualMachine'
  const kind = {
    softwareAsAService: 'azureSaaS',
    azureVirtualMachine: 'azureVM',
    azureContainer: 'azureContainer'
  }[offer.type]
  // VM offers use the published preview2 listing schemas; SaaS and containers need preview5.
  const listingVersion = vm ? P2 : P5

  add('product', P3, product, {
    identity: { externalId: offer.offerId },
    type: offer.type,
    alias: offer.alias
  })
  if (!vm) {
    add('commercial-marketplace-setup', P2, `commercial-marketplace-setup/${pg}`, {
      product,
      sellThroughMicrosoft: true
    })
  }
  add('property', listingVersion, `property/${pg}/public/main`, {
    product,
    kind,
    termsConditions: 'standardMicrosoft',
    categories: vm ? { 'it-and-management-tools': ['security'] } : { analytics: [] }
  })
  const listing = `listing/${pg}/public/main/default/en-us`
  add('listing', listingVersion, listing, {
    product,
    kind,
    languageId: 'en-us',
    title: offer.alias,
    searchResultSummary: `${offer.alias} for the commercial marketplace`,
    shortDescription: `${offer.alias}, seeded by the emulator.`,
    description: `<p>${offer.alias}, seeded by the emulator.</p>`,
    privacyPolicyLink: 'https://contoso.example/privacy',
    cloudSolutionProviderMarketingMaterials: '',
    supportContact: {
      name: 'Contoso Support',
      email: 'support@contoso.example',
      phone: '+1 425 555 0100'
    },
    engineeringContact: {
      name: 'Contoso Engineering',
      email: 'engineering@contoso.example',
      phone: '+1 425 555 0101'
    }
  })
  add(
    'listing-asset',
    listingVersion,
    `listing-asset/${pg}/public/main/default/en-us/azurelogolarge/1`,
    {
      product,
      listing,
      kind: 'azure',
      type: 'azureLogoLarge',
      languageId: 'en-us',
      fileName: 'logo-216x216.png',
      friendlyName: 'logo-216x216.png',
      description: '',
      displayOrder: 0,
      url: `https://contoso.example/marketplace/${offer.offerId}/logo-216x216.png`
    }
  )
  if (offer.type === 'softwareAsAService') {
    add(
      'software-as-a-service-technical-configuration',
      P3,
      `software-as-a-service-technical-configuration/${pg}`,
      {
        product,
        landingPageUrl: 'https://contoso.example/saas/landing',
        connectionWebhook: 'https://contoso.example/saas/webhook',
        azureAdTenantId: PUBLISHER_TENANT,
        azureAdAppId: '3c5a0f7e-2d1b-4e8f-9a6c-7b0d1e2f3a4b'
      }
    )
  }
  add('price-and-availability-offer', P3, `price-and-availability-offer/${pg}`, {
    product,
    previewAudiences: [
      { type: 'subscription', id: PUBLISHER_SUBSCRIPTION, label: 'Contoso test subscription' }
    ]
  })
  add('reseller', P2, `reseller/${pg}`, { product, resellerChannelState: 'notSet', audiences: [] })

  offer.plans.forEach((plan, index) => {
    const planId = `plan/${pg}/${planGuids[index]}`
    const planGuid = planGuids[index]
    add('plan', P2, planId, {
      product,
      identity: { externalId: plan.planId },
      alias: plan.alias,
      azureRegions: ['azureGlobal']
    })
    add('plan-listing', listingVersion, `plan-listing/${pg}/public/main/${planGuid}/en-us`, {
      product,
      plan: planId,
      kind: `${kind}-plan`,
      languageId: 'en-us',
      name: plan.alias,
      summary: `${plan.alias} plan`,
      description: `<p>The ${plan.alias} plan.</p>`
    })
    add('price-and-availability-plan', P4, `price-and-availability-plan/${pg}/${planGuid}`, {
      product,
      plan: planId,
      visibility: 'visible',
      audience: 'public',
      markets: ['us', 'gb', 'de'],
      ...pricing(offer)
    })
    if (vm) {
      add(
        'virtual-machine-plan-technical-configuration',
        P5,
        `virtual-machine-plan-technical-configuration/${pg}/${planGuid}`,
        {
          product,
          plan: planId,
          ...vmTechnicalConfiguration(plan)
        }
      )
    }
    if (offer.type === 'azureContainer') {
      add(
        'container-plan-technical-configuration',
        P3,
        `container-plan-technical-configuration/${pg}/${planGuid}`,
        {
          product,
          plan: planId,
          payloadType: 'cnab',
          clusterExtensionType: plan.clusterExtensionType,
          cnabReferences: [cnabReference(offer.offerId, '1.0.0')]
        }
      )
    }
  })
  return Object.fromEntries(resources.map(r => [String(r.id), r]))
}

function pricing(offer: PiSeedOffer): Json {
  if (offer.type === 'softwareAsAService') {
    return {
      pricing: {
        recurrentPrice: {
          priceInputOption: 'usd',
          recurrentPriceMode: 'flatRate',
          prices: [{ billingTerm: { type: 'month', value: 1 }, pricePerPaymentInUsd: 100 }]
        }
      }
    }
  }
  if (offer.type === 'azureVirtualMachine') return { pricing: { licenseModel: 'byol' } }
  return {
    pricing: {
      licenseModel: 'payAsYouGo',
      corePricing: { priceInputOption: 'perCore', pricePerCore: 0.05 }
    }
  }
}

function vmTechnicalConfiguration(plan: PiSeedPlan): Json {
  return {
    operatingSystem: { family: 'linux', type: 'ubuntu', friendlyName: 'Ubuntu 22.04 LTS' },
    recommendedVmSizes: ['Standard_D2s_v5'],
    openPorts: [],
    vmProperties: { supportsExtensions: true, supportsCloudInit: true },
    skus: [{ imageType: 'x64Gen2', skuId: plan.planId, securityType: ['trusted'] }],
    vmImageVersions: (plan.imageVersions ?? []).map(versionNumber => ({
      versionNumber,
      lifecycleState: 'generallyAvailable',
      vmImages: [
        {
          imageType: 'x64Gen2',
          source: {
            sourceType: 'sharedImageGallery',
            sharedImage: {
              tenantId: PUBLISHER_TENANT,
              resourceId: `/subscriptions/${PUBLISHER_SUBSCRIPTION}/resourceGroups/images/providers/Microsoft.Compute/galleries/contoso/images/${plan.planId}/versions/${versionNumber}`
            }
          }
        }
      ]
    }))
  }
}

function cnabReference(offerId: string, tag: string): Json {
  return {
    tenantId: PUBLISHER_TENANT,
    subscriptionId: PUBLISHER_SUBSCRIPTION,
    resourceGroupName: 'containers',
    registryName: 'contosoregistry',
    repositoryName: `${offerId}/bundle`,
    tag,
    digest: `sha256:${'0123456789abcdef'.repeat(4)}`
  }
}
