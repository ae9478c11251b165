/**
 * The model's whole state as plain JSON, so `snapshot()` can return it and `createIngestion(...,
 * persisted)` can restore it. Resources are kept as their wire objects (property order as the
 * service emits them); states that move with time (package, image, submission) are stored as
 * timestamps and decided outcomes and computed when read.
 */
import type { ValidationItem } from '../blob/index.js'

export type Json = Record<string, unknown>

export const STORE_VERSION = 1

/** Draft modules; the spec's enum also has SupplementalContent and Cosell, not modelled here. */
export const MODULES = [
  'Listing',
  'Package',
  'Property',
  'Availability',
  'ResellerConfiguration'
] as const
export type Module = (typeof MODULES)[number]

/** Resources read by draft instance (`…/getByInstanceID(instanceID=…)`). */
export type InstanceKind =
  'listing' | 'packageConfiguration' | 'property' | 'productAvailability' | 'featureAvailability'

export interface Draft {
  module: Module
  /** Absent on offer-level drafts, as on the wire. */
  variantID?: string
  instanceID: string
}

export interface InstanceResource {
  kind: InstanceKind
  instanceID: string
  body: Json
  /** Set on the copy a submission keeps of a draft it was made from (drafts.ts): read-only. */
  submissionId?: string
}

export interface VariantRecord {
  ordinal: number
  body: Json
}

export interface UploadRecord {
  blobName: string
  /** Wire object; its `state` is `PendingUpload` or `Uploaded` (later states are computed). */
  body: Json
  /** When the client set `Uploaded`. */
  uploadedAt?: number
  /** How long processing takes after `uploadedAt` (already divided by speed). */
  processingMs?: number
  /** Decided once, at the `Uploaded` transition. */
  validationItems?: ValidationItem[]
}

export interface ImageRecord extends UploadRecord {
  listingId: string
}

export interface SubmissionRecord {
  id: string
  releaseNumber: number
  createdAt: number
  targets: Json[]
  resources: Json[]
  variantResources: Json[]
  publishOption?: Json
  /** Decided at creation: non-empty → the submission fails validation. */
  validationItems: Json[]
  certificationFails: boolean
  promotedAt?: number
}

export interface ProductRecord {
  ordinal: number
  productId: string
  offerId: string
  resourceType: string
  product: Json
  setup: Json
  variants: VariantRecord[]
  drafts: Draft[]
  resources: InstanceResource[]
  images: ImageRecord[]
  packages: UploadRecord[]
  reseller: Json
  submissions: SubmissionRecord[]
  releaseCount: number
}

export interface Store {
  version: typeof STORE_VERSION
  nextOrdinal: number
  nextSubmissionNumber: number
  products: ProductRecord[]
}

export function emptyStore(): Store {
  return { version: STORE_VERSION, nextOrdinal: 1, nextSubmissionNumber: 1, products: [] }
}

/** A persisted snapshot is accepted only when it is a store of this version. */
export function isStore(value: unknown): value is Store {
  const v = value as Partial<Store> | null
  return (
    typeof v === 'object' && v !== null && v.version === STORE_VERSION && Array.isArray(v.products)
  )
}
