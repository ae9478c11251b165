/**
 * The manifest as written, once it has passed the JSON Schema (schema/marketplace.schema.json is
 * the source of truth; these types mirror it for the code that reads the checked data).
 */
import type { RawPiOffer } from './raw-product-ingestion.js'

export type RawText = string | { file: string }

/** A package: a path or glob in the repository, or an asset of the run's GitHub release. */
export type RawPackage = string | { releaseAsset: string }

export interface RawContact {
  name?: string
  email?: string
  phone?: string
  uri?: string
}

export interface RawListing {
  title?: string
  summary?: string
  shortDescription?: string
  description?: RawText
  keywords?: string[]
  gettingStartedInstructions?: string
  privacyPolicy?: string
  links?: { name: string; uri: string; type?: string }[]
  contacts?: { support?: RawContact; engineering?: RawContact; channelManager?: RawContact }
}

export interface RawImages {
  small?: string
  medium?: string
  large?: string
  wide?: string
  screenshots?: string[]
}

export interface RawPlan {
  id: string
  name: string
  listing?: { summary?: string; description?: RawText }
  package: RawPackage
  version?: string
  tenantId?: string
  authorizations?: { principalId: string; roleDefinitionId: string }[]
  policies?: {
    name: string
    definitionId: string
    parameters?: string | Record<string, unknown>
    sku?: string
  }[]
  jitAccess?: boolean
  customerActions?: { enabled?: boolean; allowed?: string[]; dataActions?: string[] }
  visibility?: 'public' | 'private'
  privateAudience?: string[]
  hidden?: boolean
  markets?: string[]
  pricing?: RawPricing
}

export interface RawPricing {
  monthly: number
  byMarket?: { market: string; monthly: number; currency?: string }[]
}

export interface RawOffer {
  id: string
  type: 'azure-solution-template' | 'azure-managed-app' | 'business-central'
  name?: string
  listing?: RawListing
  images?: RawImages
  properties?: {
    categories?: string[]
    industries?: string[]
    termsOfUse?: RawText
    useEnterpriseContract?: boolean
  }
  previewAudience?: string[]
  reseller?: 'Enabled' | 'Disabled'
  certificationNotes?: string
  plans?: RawPlan[]
  app?: RawPackage
  library?: RawPackage
  appVersion?: string
}

export interface RawManifest {
  version: 1
  offers: (RawOffer | RawPiOffer)[]
}

/** Plan fields only managed-application plans have: their technical configuration, markets and prices. */
export const MANAGED_APP_FIELDS = [
  'tenantId',
  'authorizations',
  'policies',
  'jitAccess',
  'customerActions',
  'markets',
  'pricing'
] as const
/** Offer fields that only Business Central offers have. */
export const BUSINESS_CENTRAL_FIELDS = ['app', 'library', 'appVersion'] as const
/** Offer fields that only Azure Application offers have. */
export const AZURE_APPLICATION_FIELDS = ['previewAudience'] as const
