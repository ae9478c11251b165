/**
 * The offer manifest after loading, validation, `${{ version }}` substitution and file
 * resolution: what the publish sequence consumes. Produced only by src/manifest (pure apart from
 * reading files); every file here exists and was checked before the first write.
 *
 * Optional listing fields mean "leave what Partner Center has": the publish step changes only
 * what the manifest states.
 */
import type { SourceRef } from '../errors.js'
import type { ContactType, ImageType, AzurePolicy, RoleAuthorization } from '../ingestion/types.js'
import type {
  ProductIngestionOfferSpec,
  ProductIngestionOfferType
} from './model-product-ingestion.js'
import type { ManifestProblem } from './problems.js'

/** The offer types of the Ingestion API v1. */
export type OfferType = 'azure-solution-template' | 'azure-managed-app' | 'business-central'

/** Every offer type of the manifest: the Ingestion API's and the product-ingestion API's. */
export type AnyOfferType = OfferType | ProductIngestionOfferType

/** A file the manifest names, resolved against the manifest's folder. */
export interface ResolvedFile {
  /** Absolute path on disk. */
  path: string
  /** The file name sent to Partner Center (`fileName`), after version substitution. */
  name: string
  size: number
  /** Where the manifest names it. */
  source: SourceRef
}

export interface ListingLink {
  /** Listing URI type; `PrivacyUri` for the privacy policy, `Documentation` etc. otherwise. */
  type: string
  displayText: string
  uri: string
}

export interface ListingContactSpec {
  type: ContactType
  name?: string
  email?: string
  phone?: string
  uri?: string
}

export interface ListingSpec {
  title?: string
  summary?: string
  shortDescription?: string
  /** HTML; inline in the manifest or read from a file (`description: { file: ... }`). */
  description?: string
  keywords?: string[]
  gettingStartedInstructions?: string
  links?: ListingLink[]
  contacts?: ListingContactSpec[]
  source: SourceRef
}

export interface ImageSpec {
  type: ImageType
  file: ResolvedFile
  /** Position among images of the same type (screenshots). */
  order: number
}

/** Offer-level properties (`Properties.AzureProperty`); only stated keys are written. */
export interface PropertiesSpec {
  categories?: string[]
  industries?: string[]
  termsOfUse?: string
  useEnterpriseContract?: boolean
  /** Business Central: the app version written to `appVersion` (never lowered). */
  appVersion?: string
  source: SourceRef
}

export interface ManagedAppConfigSpec {
  publicAzureTenantID: string
  publicAzureAuthorizations: RoleAuthorization[]
  allowJitAccess?: boolean
  canEnableCustomerActions?: boolean
  allowedCustomerActions?: string[]
  allowedDataActions?: string[]
  policies?: AzurePolicy[]
}

/** A plan's availability (`Availabilities.FeatureAvailability`); only stated fields are written. */
export interface PlanAvailabilitySpec {
  visibility?: 'public' | 'private'
  /** Private plans: Azure subscription IDs. */
  privateAudience?: string[]
  hidden?: boolean
  /** Managed applications: lower-case ISO codes, as written; stated together with `pricing`. */
  markets?: string[]
  pricing?: MonthlyPricing
  source: SourceRef
}

/** A managed application plan's price per month. */
export interface MonthlyPricing {
  /** USD, in every market without a price of its own. */
  monthly: number
  byMarket: { market: string; monthly: number; currency: string }[]
}

export interface PlanSpec {
  /** The plan ID the publisher typed (`externalID` of the variant). */
  planId: string
  /** Friendly name, used when the plan has to be created. */
  name: string
  subType: 'solution-template' | 'managed-application'
  /** Plan listing (title defaults to `name` on creation). */
  listing?: ListingSpec
  package: ResolvedFile
  /** Written to the package configuration's `version`. */
  version: string
  /** Only for managed-application plans. */
  managedApp?: ManagedAppConfigSpec
  /** Absent when the manifest states none of it. */
  availability?: PlanAvailabilitySpec
  /**
   * What Partner Center requires of the plan before its first submission and the manifest does
   * not state (first-submission.ts): checked before a plan is created.
   */
  firstSubmissionGaps?: ManifestProblem[]
  source: SourceRef
}

export interface BusinessCentralSpec {
  /** The main `.app` file. */
  app: ResolvedFile
  /** Library apps: one `.app`, or a `.zip` of several. */
  library?: ResolvedFile
  /** Written to the Property module's `appVersion` (four-part, never lowered). */
  appVersion: string
}

/** What identifies an offer of the manifest: all that follow and list need (no files, no version). */
export interface OfferIdentity {
  offerId: string
  type: AnyOfferType
  /** Product alias; needed only to create the offer. */
  name?: string
  /** Where the offer starts in the manifest. */
  source: SourceRef
}

/** An offer of the Ingestion API v1, as far as follow and list know it. */
export interface IngestionOfferIdentity extends OfferIdentity {
  type: OfferType
}

export interface OfferSpec extends IngestionOfferIdentity {
  listing?: ListingSpec
  images: ImageSpec[]
  properties?: PropertiesSpec
  /** Azure Applications: the subscription IDs of the preview audience. */
  previewAudience?: string[]
  resellerChannelState?: 'Enabled' | 'Disabled'
  /** Azure Application offers: one per plan, in manifest order. Empty for Business Central. */
  plans: PlanSpec[]
  businessCentral?: BusinessCentralSpec
  /** Text for the certification team (`publishOption.certificationNotes`). */
  certificationNotes?: string
  /**
   * Offer-level settings Partner Center requires before a first submission that the manifest
   * does not state (first-submission.ts): checked before the offer is created.
   */
  firstSubmissionGaps?: ManifestProblem[]
}

/** One thing `mode: check` verified, or left for the publish, for its report. */
export interface CheckedItem {
  /** Where the manifest names it, e.g. `offers[0].plans[1].package`. */
  field: string
  /** What was verified, e.g. `packages/app-1.2.3.zip: zip with mainTemplate.json…, 1.2 MiB`. */
  what: string
  /** Only a publish can check it: a release asset or the release notes (a check sends no request). */
  atPublish?: true
}

/** An offer of either API: the Ingestion API (OfferSpec) or product ingestion. */
export type AnyOfferSpec = OfferSpec | ProductIngestionOfferSpec

export interface Manifest<Offer extends OfferIdentity = AnyOfferSpec> {
  /** Absolute path of the manifest file. */
  file: string
  offers: Offer[]
}
