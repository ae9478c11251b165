/** Manifest offers and settings for the publish unit tests. */
import type { OfferSpec, PlanSpec, ResolvedFile } from '../../src/manifest/model.js'
import type { Settings } from '../../src/settings.js'
import { OfferRun, type PublishDeps } from '../../src/publish/context.js'
import type { FakeClock } from './fake-clock.js'
import type { TestService } from './publish-emulator.js'

export function file(name: string, size = 1000): ResolvedFile {
  return {
    path: `/work/files/${name}`,
    name,
    size,
    source: { file: '/work/marketplace.yml', line: 10 }
  }
}

/** A subscription of the preview audience. */
export const SUBSCRIPTION = '0b1f6471-1bf0-4dda-aec3-cb9272f09590'

/**
 * A plan with what its first submission needs (the emulator checks it, as Partner Center does):
 * a listing summary and description.
 */
export function plan(planId: string, overrides: Partial<PlanSpec> = {}): PlanSpec {
  return {
    planId,
    name: `${planId} plan`,
    subType: 'solution-template',
    listing: {
      summary: `The ${planId} plan`,
      description: `<p>Everything in ${planId}.</p>`,
      source: { file: '/work/marketplace.yml', line: 21 }
    },
    package: file(`${planId}-1.2.3.zip`),
    version: '1.2.3',
    source: { file: '/work/marketplace.yml', line: 20 },
    ...overrides
  }
}

/** The offer listing's text, privacy link and contacts a first submission needs. */
export const LISTING = {
  summary: 'Analytics',
  description: '<p>Cost and usage analytics.</p>',
  links: [
    {
      type: 'PrivacyUri',
      displayText: 'Privacy policy',
      uri: 'https://contoso.example.com/privacy'
    }
  ],
  source: { file: '/work/marketplace.yml', line: 5 }
}

/** The large logo every listing needs; the uploader makes up its PNG. */
export const LOGO = { type: 'AzureLogoLarge' as const, file: file('logo-216x216.png'), order: 0 }

/** A solution template with everything its submissions need, plus its preview audience. */
export function azureOffer(overrides: Partial<OfferSpec> = {}): OfferSpec {
  return {
    offerId: 'contoso-analytics',
    type: 'azure-solution-template',
    listing: {
      title: 'Contoso Analytics',
      ...LISTING,
      contacts: [
        { type: 'CustomerSupport', name: 'Contoso Support', email: 'support@contoso.example.com' },
        { type: 'Engineering', name: 'Contoso Engineering', email: 'eng@contoso.example.com' }
      ]
    },
    images: [LOGO],
    properties: {
      categories: ['analytics'],
      useEnterpriseContract: true,
      source: { file: '/work/marketplace.yml', line: 12 }
    },
    previewAudience: [SUBSCRIPTION],
    plans: [plan('standard'), plan('premium')],
    source: { file: '/work/marketplace.yml', line: 3 },
    ...overrides
  }
}

/** A Business Central app with everything its submissions need. */
export function bcOffer(overrides: Partial<OfferSpec> = {}): OfferSpec {
  return {
    offerId: 'contoso-bc-connector',
    type: 'business-central',
    listing: { title: 'Contoso Connector', ...LISTING },
    images: [LOGO],
    properties: {
      useEnterpriseContract: true,
      source: { file: '/work/marketplace.yml', line: 42 }
    },
    plans: [],
    businessCentral: { app: file('Contoso_Connector_1.2.3.0.app'), appVersion: '1.2.3.0' },
    source: { file: '/work/marketplace.yml', line: 40 },
    ...overrides
  }
}

export function settings(overrides: Partial<Settings> = {}): Settings {
  return {
    mode: 'publish',
    tenantId: 't',
    clientId: 'c',
    clientSecret: 's',
    oidcAudience: 'api://AzureADTokenExchange',
    manifestPath: '/work/marketplace.yml',
    target: 'preview',
    offers: [],
    dryRun: false,
    wait: true,
    timeoutMinutes: 60,
    onConflict: 'fail',
    authorityHost: 'https://login.microsoftonline.com',
    apiBaseUrl: 'https://api.partner.microsoft.com/v1.0/ingestion',
    productIngestionUrl: 'https://graph.microsoft.com/rp/product-ingestion',
    concurrency: 2,
    checkExisting: 'auto',
    ...overrides
  }
}

export interface TestRun {
  run: OfferRun
  /** Names of the files uploaded, in order. */
  uploads: string[]
  lines: string[]
  clock: FakeClock
  controller: AbortController
}

/** One offer's run against the test's service, with its own clients, cancellation and budget. */
export function offerRun(
  service: Pick<TestService, 'clock' | 'client' | 'uploader'> &
    Partial<Pick<TestService, 'productIngestion'>>,
  offer: OfferSpec,
  overrides: Partial<Settings> = {}
): TestRun {
  const uploads: string[] = []
  const lines: string[] = []
  const { clock } = service
  const controller = new AbortController()
  const deadline = clock.now() + 60 * 60_000
  const deps: PublishDeps = {
    api: service.client({ signal: controller.signal, deadline }),
    productIngestion: service.productIngestion?.({ signal: controller.signal, deadline }),
    settings: settings(overrides),
    clock,
    signal: controller.signal,
    deadline,
    upload: service.uploader(uploads),
    progress: (_offer, message) => lines.push(message),
    warn: (_offer, message) => lines.push(`warning: ${message}`),
    debug: () => undefined,
    uploadConcurrency: 2
  }
  return { run: new OfferRun(deps, offer), uploads, lines, clock, controller }
}

/** The seed's managed app, with its plan's markets and monthly prices. */
export function managedOffer(overrides: Partial<OfferSpec> = {}): OfferSpec {
  return azureOffer({
    offerId: 'contoso-managed-ops',
    type: 'azure-managed-app',
    plans: [
      plan('managed', {
        subType: 'managed-application',
        managedApp: {
          publicAzureTenantID: '8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f',
          publicAzureAuthorizations: [
            {
              principalID: '3f2e1d0c-4b5a-4968-8776-a5b4c3d2e1f0',
              roleDefinitionID: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
            }
          ]
        },
        availability: {
          markets: ['us', 'gb'],
          pricing: {
            monthly: 49.99,
            byMarket: [{ market: 'gb', monthly: 39.99, currency: 'GBP' }]
          },
          source: { file: '/work/marketplace.yml', line: 25 }
        }
      })
    ],
    ...overrides
  })
}

/** A setting a new offer or plan lacks, as the manifest loader reports it. */
export function gap(field: string, what: string, line: number) {
  return {
    field,
    message: `it has no ${what}, which Partner Center requires before a first submission`,
    hint: `Add ${field.split('.').at(-1)}.`,
    source: { file: '/work/marketplace.yml', line }
  }
}
