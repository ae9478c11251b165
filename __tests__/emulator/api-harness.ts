/**
 * Drives the emulator's Ingestion model (emulator/src/api) without a server: the spec validator finds
 * each request's operation and the model's handler for it answers, a fake blob store whose validation results the test sets, real faults and a clock
 * the test moves.
 */
import type { BlobStore, FileKind, ValidationItem } from '../../emulator/src/blob/index.js'
import { createIngestion } from '../../emulator/src/api/index.js'
import type {
  ApiMethod,
  ApiReply,
  EmulatorConfig,
  IngestionModel,
  Seed
} from '../../emulator/src/api/contract.js'
import { createFaults, type Faults } from '../../emulator/src/faults.js'
import { createSpecValidator } from '../../emulator/src/validate/spec.js'
import { SPEC_FILE } from './recordings-fixture.js'

export const ORIGIN = 'http://127.0.0.1:8645'

/** Wire bodies are read loosely in these tests; their assertions check the shapes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Wire = any

export const SEED: Seed = {
  tenantId: '8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f',
  apps: [],
  oidcSubject: 'repo:contoso/marketplace-offers:ref:refs/tags/v1.2.3',
  offers: [
    {
      offerId: 'contoso-analytics',
      type: 'AzureApplication',
      name: 'Contoso Analytics',
      plans: [
        { planId: 'standard', name: 'Standard', subType: 'solution-template' },
        { planId: 'premium', name: 'Premium', subType: 'solution-template' }
      ]
    },
    {
      offerId: 'contoso-managed-ops',
      type: 'AzureApplication',
      name: 'Contoso Managed Ops',
      plans: [{ planId: 'managed', name: 'Managed', subType: 'managed-application' }]
    },
    {
      offerId: 'contoso-bc-connector',
      type: 'AzureDynamics365BusinessCentral',
      name: 'Contoso BC Connector',
      plans: [],
      appVersion: '1.0.0.0'
    }
  ]
}

/** A blob store that issues predictable URIs and reports what the test put in `failures`. */
export class FakeBlobStore implements BlobStore {
  frontOrigin = 'http://127.0.0.1:9999'
  azuritePid = 0
  issued = 0
  /** Validation items per blob name; absent → the file is fine. */
  failures = new Map<string, ValidationItem[]>()
  validated: { blobName: string; kind: FileKind }[] = []

  issueUpload(): { blobName: string; uri: string } {
    const blobName = `blob-${++this.issued}`
    return { blobName, uri: `${this.frontOrigin}/file/${blobName}?sv=2018-03-28&sr=b&sig=w&sp=rwl` }
  }
  readOnlyUri(blobName: string): string {
    return `${this.frontOrigin}/file/${blobName}?sv=2018-03-28&sr=b&sig=r&sp=rl`
  }
  async validate(blobName: string, kind: FileKind): Promise<ValidationItem[]> {
    this.validated.push({ blobName, kind })
    return this.failures.get(blobName) ?? []
  }
  issuedSignatures(): string[] {
    return ['w', 'r']
  }
  async stop(): Promise<void> {}
}

export interface Harness {
  model: IngestionModel
  blob: FakeBlobStore
  faults: Faults
  config: EmulatorConfig
  /** Moves the clock forward by realistic seconds (divided by speed like the model does). */
  advance(realisticSeconds: number): void
  call(
    method: ApiMethod,
    url: string,
    body?: unknown,
    headers?: Record<string, string>
  ): Promise<ApiReply>
  /** `call` that expects a 2xx and returns the body as an object. */
  ok<T = Wire>(
    method: ApiMethod,
    url: string,
    body?: unknown,
    headers?: Record<string, string>
  ): Promise<T>
  productId(offerId: string): string
}

const validator = createSpecValidator(SPEC_FILE)

export function createHarness(
  overrides: Partial<EmulatorConfig> = {},
  options: { persisted?: unknown; startMs?: number } = {}
): Harness {
  let now = options.startMs ?? Date.UTC(2026, 10, 24, 12, 0, 0)
  const config: EmulatorConfig = {
    speed: 1,
    pageSize: 2,
    etagMismatch: 412,
    tokenLifetimeSeconds: 3600,
    rotateDraftInstances: false,
    keepSubmittedInstances: true,
    sasVersion: '2018-03-28',
    submissionChecks: 'basic',
    ...overrides
  }
  const blob = new FakeBlobStore()
  const faults = createFaults('')
  const context = { origin: () => ORIGIN, config, now: () => now, blob, faults }
  const model = createIngestion(SEED, context, options.persisted)

  async function call(
    method: ApiMethod,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {}
  ): Promise<ApiReply> {
    const [path, search = ''] = url.split('?')
    const query = new URLSearchParams(search)
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
    // The server's own matching: the validator finds the operation. Its verdict on the body is
    // not applied here, so the model's own checks can be tested with bodies the spec refuses.
    const checked = validator.validate({ method, path, query, headers: lower, body })
    const handle = checked.operation ? model.operations[checked.operation] : undefined
    if (!handle) throw new Error(`the model has no operation for ${method} ${path}`)
    const request = {
      method,
      params: checked.params ?? {},
      query,
      headers: lower,
      body: checked.body
    }
    return handle(request, context)
  }

  return {
    model,
    blob,
    faults,
    config,
    advance: seconds => {
      now += (seconds * 1000) / config.speed
    },
    call,
    async ok(method, url, body, headers) {
      const reply = await call(method, url, body, headers)
      if (reply.status >= 300)
        throw new Error(`${method} ${url} → ${reply.status} ${String(reply.body)}`)
      return reply.body as never
    },
    productId(offerId) {
      const offer = model.offers().find(o => o.offerId === offerId)
      if (!offer) throw new Error(`no offer ${offerId}`)
      return offer.productId
    }
  }
}

/** The embedded JSON of a service error string. */
export function errorDetail(reply: ApiReply): {
  faultCode: number
  data: Record<string, string[]>
} {
  const text = reply.body as string
  return JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1))
}

const OFFER_MODULES = ['Availability', 'Listing', 'Package', 'Property', 'ResellerConfiguration']

/** Uploads and processes a package, then points every plan's configuration at it. */
export async function readyPackages(h: Harness, pid: string): Promise<void> {
  const pkg = await h.ok('POST', `/products/${pid}/packages`, {
    resourceType: 'AzureApplicationPackage',
    fileName: 'app.zip'
  })
  await h.ok('PUT', `/products/${pid}/packages/${pkg.id}`, { ...pkg, state: 'Uploaded' })
  h.advance(180)
  const branches = (await h.ok('GET', `/products/${pid}/branches/getByModule(module=Package)`))
    .value
  for (const branch of branches.filter((b: Wire) => 'variantID' in b)) {
    const url = `/products/${pid}/packageConfigurations/getByInstanceID(instanceID=${branch.currentDraftInstanceID})`
    const cfg = (await h.ok('GET', url)).value[0]
    await h.ok('PUT', `/products/${pid}/packageconfigurations/${cfg.id}`, {
      ...cfg,
      version: '1.0.0',
      packageReferences: [{ type: 'AzureApplicationPackage', value: pkg.id }]
    })
  }
}

/** The §4.1 creation request from the current branches, leaving out `skip` modules. */
export async function creationRequest(h: Harness, pid: string, skip: string[] = []): Promise<Wire> {
  const resources: Wire[] = []
  const plans = new Map<string, Wire[]>()
  for (const module of OFFER_MODULES) {
    const branches = (await h.ok('GET', `/products/${pid}/branches/getByModule(module=${module})`))
      .value
    for (const b of branches) {
      if (skip.includes(module)) continue
      const ref = { type: module, value: b.currentDraftInstanceID }
      if (b.variantID === undefined) resources.push(ref)
      else plans.set(b.variantID, [...(plans.get(b.variantID) ?? []), ref])
    }
  }
  return {
    resourceType: 'SubmissionCreationRequest',
    targets: [{ type: 'Scope', value: 'preview' }],
    resources,
    variantResources: [...plans].map(([variantID, list]) => ({ variantID, resources: list }))
  }
}
