/**
 * The offers of the product-ingestion API as written in the manifest, once they passed the JSON
 * Schema (the saasOffer, virtualMachineOffer and containerOffer definitions of
 * schema/marketplace.schema.json mirror these types).
 */
import type { RawText } from './raw.js'

export type RawPiOfferType = 'saas' | 'azure-virtual-machine' | 'azure-container'

export interface RawPiContact {
  name: string
  email?: string
  phone?: string
  uri?: string
}

export interface RawPiListing {
  title?: string
  summary?: string
  shortDescription?: string
  description?: RawText
  privacyPolicy?: string
  links?: { name: string; uri: string }[]
  contacts?: { support?: RawPiContact; engineering?: RawPiContact; channelManager?: RawPiContact }
}

export interface RawPiImages {
  small?: string
  medium?: string
  large?: string
  wide?: string
  screenshots?: string[]
}

export interface RawSaasPricing {
  model: 'flat-rate' | 'per-user'
  monthly?: number
  yearly?: number
  users?: { min: number; max: number }
}

export interface RawCorePricing {
  model: 'byol' | 'free' | 'flat' | 'per-core'
  price?: number
}

export interface RawVmImageSource {
  galleryImageVersion?: string
  tenantId?: string
  osDisk?: string
  dataDisks?: { lun: number; uri: string }[]
}

export const VM_IMAGE_TYPES = ['x64Gen2', 'x64Gen1', 'arm64Gen2'] as const
export type VmImageType = (typeof VM_IMAGE_TYPES)[number]

export type RawVmImage = { version?: string } & Partial<Record<VmImageType, RawVmImageSource>>

export interface RawCnab {
  clusterExtensionType?: string
  tenantId: string
  subscriptionId: string
  resourceGroup: string
  registry: string
  repository: string
  tag: string
  digest: string
}

export interface RawPiPlan {
  id: string
  name: string
  listing?: { summary?: string; description?: RawText }
  markets?: string[]
  hidden?: boolean
  pricing?: RawSaasPricing | RawCorePricing
  image?: RawVmImage
  operatingSystem?: { family: 'linux' | 'windows'; type: string; friendlyName?: string }
  cnab?: RawCnab
}

export interface RawPiOffer {
  id: string
  type: RawPiOfferType
  name?: string
  listing?: RawPiListing
  images?: RawPiImages
  properties?: {
    categories?: Record<string, string[]>
    termsOfUse?: RawText
    termsOfUseUrl?: string
    useEnterpriseContract?: boolean
  }
  marketplaceSetup?: { sellThroughMicrosoft: boolean; useMicrosoftLicenseManagement?: boolean }
  technicalConfiguration?: {
    landingPage: string
    webhook: string
    entraTenantId: string
    entraAppId: string
  }
  plans: RawPiPlan[]
}
