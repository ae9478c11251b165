/**
 * The product-ingestion model's whole state as plain JSON (what `snapshot()` returns and
 * --state-dir saves). What moves with time (jobs, submissions) is stored as timestamps and
 * outcomes decided once, and read as a function of the clock; the preview and live views of a
 * product are the snapshots of its newest finished submissions, so nothing is copied on a timer.
 */
import type { JobError } from './errors.js'
import type { ProductType } from './resource-types.js'

export type Json = Record<string, unknown>

export const PI_STORE_VERSION = 2

/** A product's resources by durable id, in the stored form (references as durable ids). */
export type Resources = Record<string, Json>

export interface SubmissionRecord {
  /** The number in `submission/<pg>/<n>`: a 19-digit integer as a string. */
  number: string
  /** The job that published it to preview. */
  jobId: string
  /** When the preview publish started (its job was processed). */
  createdAt: number
  /**
   * Realistic seconds its validation and certification take (0 for a seeded one), divided by the
   * speed when read: its phases are a function of time, as the Ingestion API's lifecycle is, so
   * PUT /_emulator/config `speed` holds or releases submissions already running.
   */
  previewSeconds: number
  /** Decided at creation (the `cert-failed` fault). */
  certificationFails: boolean
  /** What it publishes: the product's resources as they will read in preview and live. */
  resources: Resources
  /** Going live from `startedAt`, for `seconds` realistic seconds (divided by the speed when read). */
  live?: { jobId: string; startedAt: number; seconds: number }
}

export interface ProductRecord {
  guid: string
  externalId: string
  type: ProductType | string
  /** The draft: every resource of the product but the submission, by durable id. */
  draft: Resources
  submissions: SubmissionRecord[]
  /** Last number given to a listing asset or trailer, for new ids. */
  mediaCount: number
}

export interface JobRecord {
  jobId: string
  createdAt: number
  /** When it turns from notStarted to running. */
  startAt: number
  /** When the draft changes apply (`processingSeconds / speed` after creation). */
  processAt: number
  /** The configure `$schema` version, echoed by the status replies. */
  version: string
  resources: Json[]
  /** Products (guids) the job holds until `processAt`: one job at a time per product. */
  products: string[]
  /** The job that held one of those products when this one arrived (`concurrentConfigure`). */
  blockedBy?: string
  /** Decided at creation (the `job-failed` fault). */
  forcedFailure: boolean
  cancelledAt?: number
  /** Set when processed. */
  outcome?: {
    errors: JobError[]
    /** The resources processed successfully, as configure-detail lists them. */
    applied: Json[]
    /** The submission the job publishes, whose end is the job's end. */
    publishes?: { product: string; number: string; target: 'preview' | 'live' }
  }
}

export interface PiStore {
  version: typeof PI_STORE_VERSION
  nextSubmission: number
  products: ProductRecord[]
  jobs: JobRecord[]
}

export function emptyPiStore(): PiStore {
  return { version: PI_STORE_VERSION, nextSubmission: 1, products: [], jobs: [] }
}

export function isPiStore(value: unknown): value is PiStore {
  const v = value as Partial<PiStore> | null
  return (
    typeof v === 'object' &&
    v !== null &&
    v.version === PI_STORE_VERSION &&
    Array.isArray(v.products) &&
    Array.isArray(v.jobs)
  )
}

/**
 * A deep copy of JSON data. Not structuredClone: its copies come from the host realm, which under
 * a test runner's VM context makes equal values compare unequal (deep-equal checks prototypes).
 */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}
