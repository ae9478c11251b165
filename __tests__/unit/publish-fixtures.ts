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

export function plan(planId: string, overrides: Partial<PlanSpec> = {}): PlanSpec {
  return {
    planId,
    name: `${planId} plan`,
    subType: 'solution-template',
    package: file(`${planId}-1.2.3.zip`),
    version: '1.2.3',
    source: { file: '/work/marketplace.yml', line: 20 },
    ...overrides
  }
}

export function azureOffer(overrides: Partial<OfferSpec> = {}): OfferSpec {
  return {
    offerId: 'contoso-analytics',
    type: 'azure-solution-template',
    listing: {
      title: 'Contoso Analytics',
      summary: 'Analytics',
      source: { file: '/work/marketplace.yml', line: 5 }
    },
    images: [],
    plans: [plan('standard'), plan('premium')],
    source: { file: '/work/marketplace.yml', line: 3 },
    ...overrides
  }
}

export function bcOffer(overrides: Partial<OfferSpec> = {}): OfferSpec {
  return {
    offerId: 'contoso-bc-connector',
    type: 'business-central',
    images: [],
    plans: [],
    businessCentral: { app: file('Contoso_Connector_1.2.3.0.app'), appVersion: '1.2.3.0' },
    source: { file: '/work/marketplace.yml', line: 40 },
    ...overrides
  }
}

export function settings(overrides: Partial<Settings> = {}): Settings {
  return {
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
