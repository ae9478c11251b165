/**
 * The resource types the emulator knows, their schema versions (product-ingestion.md §3.5) and
 * how each gets its durable id (§3.1). Versions are the ones the evidence names; a `$schema` with
 * another version is refused like an unknown schema.
 */

export type ProductType = 'softwareAsAService' | 'azureVirtualMachine' | 'azureContainer'

/** The offer types the emulator models beyond the product resource itself. */
export const MODELLED_PRODUCT_TYPES: readonly ProductType[] = [
  'softwareAsAService',
  'azureVirtualMachine',
  'azureContainer'
]

/** The schema versions the evidence names (§3.5). */
export const VERSIONS = {
  preview2: '2022-03-01-preview2',
  preview3: '2022-03-01-preview3',
  preview4: '2022-03-01-preview4',
  preview5: '2022-03-01-preview5',
  preview7: '2022-03-01-preview7',
  v20220701: '2022-07-01'
} as const
const {
  preview2: P2,
  preview3: P3,
  preview4: P4,
  preview5: P5,
  preview7: P7,
  v20220701: GA1
} = VERSIONS

/**
 * Where a resource's durable id comes from:
 * - `product`, `plan`: a new GUID when created;
 * - `product-singleton`, `plan-singleton`: `<type>/<pg>` or `<type>/<pg>/<plg>`, one per product or plan;
 * - `listing`, `plan-listing`, `property`: the `public/main` paths of §3.1, per language;
 * - `listing-media`: a number per listing (and asset type), counted up;
 * - `submission`: `submission/<pg>/<n>`, made by publishing.
 */
export type Identity =
  | 'product'
  | 'plan'
  | 'product-singleton'
  | 'plan-singleton'
  | 'listing'
  | 'plan-listing'
  | 'property'
  | 'listing-media'
  | 'submission'

export interface ResourceType {
  /** Oldest first. */
  versions: readonly string[]
  identity: Identity
  /** The product types that have this resource; absent: every modelled type. */
  productTypes?: readonly ProductType[]
}

const SAAS: ProductType = 'softwareAsAService'
const VM: ProductType = 'azureVirtualMachine'
const CONTAINER: ProductType = 'azureContainer'

export const RESOURCE_TYPES: Readonly<Record<string, ResourceType>> = {
  product: { versions: [P2, P3, GA1], identity: 'product' },
  plan: { versions: [P2, P3, GA1], identity: 'plan' },
  property: { versions: [P2, P3, P5], identity: 'property' },
  listing: { versions: [P2, P3, P5], identity: 'listing' },
  'listing-asset': { versions: [P2, P3, P5], identity: 'listing-media' },
  'listing-trailer': { versions: [P2, P3, P5], identity: 'listing-media' },
  'plan-listing': { versions: [P2, P3, P5], identity: 'plan-listing' },
  'price-and-availability-offer': { versions: [P2, P3], identity: 'product-singleton' },
  'price-and-availability-plan': { versions: [P2, P4], identity: 'plan-singleton' },
  reseller: { versions: [P2], identity: 'product-singleton' },
  'customer-leads': { versions: [P2, P3], identity: 'product-singleton' },
  'test-drive': { versions: [P2], identity: 'product-singleton', productTypes: [SAAS, VM] },
  'commercial-marketplace-setup': {
    versions: [P2],
    identity: 'product-singleton',
    productTypes: [SAAS, CONTAINER]
  },
  'software-as-a-service-technical-configuration': {
    versions: [P3],
    identity: 'product-singleton',
    productTypes: [SAAS]
  },
  'virtual-machine-plan-technical-configuration': {
    versions: [P2, P3, P5],
    identity: 'plan-singleton',
    productTypes: [VM]
  },
  'container-plan-technical-configuration': {
    versions: [P3],
    identity: 'plan-singleton',
    productTypes: [CONTAINER]
  },
  submission: { versions: [P2, P7], identity: 'submission' }
}

/** The request and reply envelopes, which are not resources. */
export const ENVELOPE_VERSIONS: Readonly<Record<string, readonly string[]>> = {
  configure: [P2, GA1],
  'configure-status': [P2, GA1],
  'configure-detail': [P2],
  'resource-tree': [P2]
}

/** `kind` of listing, property and plan-listing per product type ([S] azureVM; [D] azureContainer; [T] azureSaaS). */
export const KINDS: Readonly<Record<ProductType, string>> = {
  softwareAsAService: 'azureSaaS',
  azureVirtualMachine: 'azureVM',
  azureContainer: 'azureContainer'
}

export function expectedKind(resourceType: string, productType: ProductType): string | undefined {
  if (resourceType === 'plan-listing') return `${KINDS[productType]}-plan`
  if (resourceType === 'listing' || resourceType === 'property') return KINDS[productType]
  return undefined
}

export const isModelledProductType = (type: unknown): type is ProductType =>
  MODELLED_PRODUCT_TYPES.includes(type as ProductType)
