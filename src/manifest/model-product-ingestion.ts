/**
 * The offers published through the Graph product-ingestion API (SaaS, virtual machines,
 * containers), after loading, validation, `${{ version }}` substitution and file reading: what
 * the product-ingestion driver (src/publish/product-ingestion/) consumes. Every part carries the
 * place in the manifest it came from, so a service error about the resource it becomes is
 * annotated there.
 *
 * As for the Ingestion API offers, optional fields mean "leave what Partner Center has".
 */
import type { SourceRef } from '../errors.js'
import type { OfferIdentity } from './model.js'
import type { RawPiOfferType, VmImageType } from './raw-product-ingestion.js'

export type ProductIngestionOfferType = RawPiOfferType
export type { VmImageType }

export const PRODUCT_INGESTION_OFFER_TYPES: readonly ProductIngestionOfferType[] = [
  'saas',
  'azure-virtual-machine',
  'azure-container'
]

export function isProductIngestionType(type: string): type is ProductIngestionOfferType {
  return (PRODUCT_INGESTION_OFFER_TYPES as readonly string[]).includes(type)
}

export interface PiContactSpec {
  name: string
  email?: string
  phone?: string
  uri?: string
}

export interface PiListingSpec {
  title?: string
  summary?: string
  shortDescription?: string
  description?: string
  privacyPolicy?: string
  links?: { name: string; uri: string }[]
  contacts?: {
    support?: PiContactSpec
    engineering?: PiContactSpec
    channelManager?: PiContactSpec
  }
  source: SourceRef
}

/** The listing-asset types of logos and screenshots (the listing-asset schema's `type`). */
export type PiImageType =
  'azureLogoSmall' | 'azureLogoMedium' | 'azureLogoLarge' | 'azureLogoWide' | 'azureLogoScreenshot'

export interface PiImageSpec {
  type: PiImageType
  /** Where Microsoft downloads it from. */
  url: string
  /** The URL's last path segment: how an image already there is recognised. */
  fileName: string
  /** Position among the images of its type (screenshots). */
  order: number
  source: SourceRef
}

export interface PiPropertiesSpec {
  categories?: Record<string, string[]>
  termsOfUse?: string
  termsOfUseUrl?: string
  useEnterpriseContract?: boolean
  source: SourceRef
}

export interface MarketplaceSetupSpec {
  sellThroughMicrosoft: boolean
  useMicrosoftLicenseManagement?: boolean
  source: SourceRef
}

export interface SaasTechnicalConfigSpec {
  landingPage: string
  webhook: string
  entraTenantId: string
  entraAppId: string
  source: SourceRef
}

export type PricingSpec =
  | {
      kind: 'saas'
      model: 'flat-rate' | 'per-user'
      monthly?: number
      yearly?: number
      users?: { min: number; max: number }
      source: SourceRef
    }
  | {
      kind: 'core'
      model: 'byol' | 'free' | 'flat' | 'per-core'
      price?: number
      source: SourceRef
    }

export type VmImageSourceSpec =
  | { kind: 'gallery'; resourceId: string; tenantId: string }
  | { kind: 'vhd'; osDisk: string; dataDisks: { lun: number; uri: string }[] }

export interface VmImageSpec {
  /** X.Y.Z. */
  version: string
  images: { imageType: VmImageType; source: VmImageSourceSpec }[]
  source: SourceRef
}

export interface CnabSpec {
  clusterExtensionType?: string
  tenantId: string
  subscriptionId: string
  resourceGroup: string
  registry: string
  repository: string
  tag: string
  digest: string
  source: SourceRef
}

export interface PiPlanSpec {
  planId: string
  /** The plan alias; its listing's name. */
  name: string
  listing?: { summary?: string; description?: string; source: SourceRef }
  markets?: string[]
  hidden?: boolean
  pricing?: PricingSpec
  /** Virtual machines: the image version this release adds. */
  image?: VmImageSpec
  /** Virtual machines: needed to create the plan. */
  operatingSystem?: { family: 'linux' | 'windows'; type: string; friendlyName?: string }
  /** Containers: the CNAB bundle this release publishes. */
  cnab?: CnabSpec
  source: SourceRef
}

export interface ProductIngestionOfferSpec extends OfferIdentity {
  type: ProductIngestionOfferType
  listing?: PiListingSpec
  images: PiImageSpec[]
  properties?: PiPropertiesSpec
  /** SaaS and containers. */
  marketplaceSetup?: MarketplaceSetupSpec
  /** SaaS. */
  technicalConfiguration?: SaasTechnicalConfigSpec
  plans: PiPlanSpec[]
}

/** The offers of the product-ingestion API among the manifest's (the others use the Ingestion API). */
export function isProductIngestionOffer(offer: {
  type: string
}): offer is ProductIngestionOfferSpec {
  return isProductIngestionType(offer.type)
}
