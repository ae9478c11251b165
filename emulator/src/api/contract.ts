/**
 * The seam between the emulator's server (routing, auth, spec validation, faults, admin, seed,
 * persistence: emulator/src/server*, main.ts) and its model of the Ingestion API v1 (resources,
 * drafts, state machines: emulator/src/api/). The server turns an HTTP request into an ApiRequest
 * and an ApiReply back into bytes; the model never touches sockets.
 */
import type { BlobStore } from '../blob/index.js'
import type { EntraApp } from '../entra/index.js'
import type { Faults } from '../faults.js'
import type { PiSeedOffer } from '../product-ingestion/seed.js'

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface ApiRequest {
  method: ApiMethod
  /** Path parameters by the spec's names (`productID`, `module`, `instanceID`, ...), decoded. */
  params: Record<string, string>
  query: URLSearchParams
  /** Lower-case header names. */
  headers: Record<string, string | undefined>
  /** Parsed JSON body with property names normalised to the spec's spelling; undefined when none. */
  body: unknown
}

export interface ApiReply {
  status: number
  /** Serialised as JSON (a string body becomes a JSON string literal, as the service sends errors). */
  body?: unknown
  headers?: Record<string, string>
}

export interface EmulatorConfig {
  /** Divides realistic durations (processing ~180 s, validation ~300 s, certification and live ~3600 s). */
  speed: number
  /** Items per page of collection replies. */
  pageSize: number
  /** Status for a stale If-Match (the real service's is undocumented: ingestion-v1.md §2.7). */
  etagMismatch: 412 | 409
  tokenLifetimeSeconds: number
  /** Give drafts new currentDraftInstanceIDs after each submission (ingestion-v1.md §3.2 [X]). */
  rotateDraftInstances: boolean
  /** With rotation, the old instances a submission lists stay readable, frozen (drafts.ts). */
  keepSubmittedInstances: boolean
  /** `sv` of issued upload SAS URLs. */
  sasVersion: string
  /** `strict`: submissions of incomplete offers fail validation (api/submission-completeness.ts). */
  submissionChecks: 'basic' | 'strict'
}

export interface ApiContext {
  /** e.g. `http://127.0.0.1:8645`; Location headers are `${origin}/v1.0/ingestion/...`. */
  origin(): string
  config: EmulatorConfig
  /** Real time in ms; simulated durations are realistic durations divided by `config.speed`. */
  now(): number
  blob: BlobStore
  faults: Faults
}

export type Handler = (request: ApiRequest, context: ApiContext) => ApiReply | Promise<ApiReply>

/**
 * The model's handlers by the spec operation they answer: `METHOD template` exactly as in the
 * spec's `paths`, e.g. `PUT /products/{productID}/packages/{packageID}`. The validator matches a
 * request to its operation once; the server then calls the handler of that key.
 */
export type Operations = Record<string, Handler>

export interface SeedPlan {
  planId: string
  name: string
  subType: 'solution-template' | 'managed-application'
}

export interface SeedOffer {
  offerId: string
  type: 'AzureApplication' | 'AzureDynamics365BusinessCentral'
  name: string
  plans: SeedPlan[]
  /** Business Central: `AddOn` (default) or `Connect`. */
  packageType?: 'AddOn' | 'Connect'
  /** Business Central: the current `appVersion` of the Property draft. */
  appVersion?: string
}

export interface Seed {
  tenantId: string
  apps: EntraApp[]
  /** Default `sub` of GitHub OIDC tokens minted by the test issuer. */
  oidcSubject: string
  offers: SeedOffer[]
  /** Offers of the Graph product-ingestion API (SaaS, VM, container); none when absent. */
  productIngestionOffers?: PiSeedOffer[]
}

export interface OfferSummary {
  offerId: string
  type: string
  productId: string
  planIds: string[]
}

/** Implemented by emulator/src/api/index.ts: `createIngestion(seed, context, persisted?)`. */
export interface IngestionModel {
  operations: Operations
  offers(): OfferSummary[]
  /** JSON-able view of everything (GET /_emulator/state), also what --state-dir saves. */
  snapshot(): unknown
  /** Called after every successful write, so the server can persist (--state-dir). */
  onChange(listener: () => void): void
}
