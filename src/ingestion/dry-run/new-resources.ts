/**
 * What the service gives a resource the dry run would create, as far as the evidence tells, so
 * the publish sequence decides against a new offer or plan what it would decide against the real
 * one. Only fields the manifest can change matter here: the sequence writes a field when the
 * manifest's value differs from the one read.
 *
 * - Listings: recorded (recordings-catalogue.md §8): a new offer's listing has `title` = the
 *   product's name, a new plan's `title` = the plan's name, empty links, contacts, keywords and
 *   getting-started text, and no summary or descriptions.
 * - A new plan has Availability, Listing and Package drafts (the modules a submission lists per
 *   plan, ingestion-v1.md §4.1; the Listing one is recorded right after `POST /variants`).
 * - Technical configurations and properties: not recorded for new resources. Their fields are
 *   taken as the spec's schemas with empty values (false, '', []), as the emulator does; real
 *   managed-application replies carry that field set (§3.7).
 * - Availabilities: not recorded for new resources; taken as public with no audience, markets,
 *   prices or hidden flag, as the emulator starts them.
 * - The reseller configuration: not documented for a new offer, so it has no channel state: a
 *   stated one is always planned.
 * - Processing: a dry run cannot know whether the service would accept a package or image; it
 *   assumes it would (the write marking it Uploaded answers Processed).
 */
import type {
  Branch,
  FeatureAvailability,
  Listing,
  Module,
  PackageConfiguration,
  Product,
  ProductAvailability,
  Property,
  Submission,
  SubmissionCreationRequest,
  Variant
} from '../types.js'

/** The drafts of a plan created by the run. */
export const NEW_PLAN_MODULES: readonly Module[] = ['Availability', 'Listing', 'Package']

/** A new resource's upload URL: never used, the dry run's upload records the file instead. */
export const uploadUrl = (id: string): string => `https://upload.invalid/${id}`

/** `offer` for offer-level drafts, otherwise the plan's variant. */
export interface DraftOwner {
  product: Product | undefined
  variant: Variant | undefined
}

export function newBranch(module: Module, instanceId: string, variantId?: string): Branch {
  return {
    resourceType: 'Branch',
    friendlyName: 'Main',
    type: 'Main',
    module,
    currentDraftInstanceID: instanceId,
    // Offer-level branches have no variantID property at all (§3.2).
    ...(variantId === undefined ? {} : { variantID: variantId })
  }
}

export function newListing(owner: DraftOwner, id: string): Listing {
  return {
    resourceType: 'AzureListing',
    languageCode: 'en-us',
    title: owner.variant?.friendlyName ?? owner.product?.name ?? '',
    keywords: [],
    listingUris: [],
    listingContacts: [],
    gettingStartedInstructions: '',
    id
  }
}

export function newPackageConfiguration(owner: DraftOwner, id: string): PackageConfiguration {
  if (owner.variant?.subType === 'managed-application') {
    return {
      resourceType: 'AzureManagedApplicationPackageConfiguration',
      version: '',
      packageReferences: [],
      allowJitAccess: false,
      canEnableCustomerActions: false,
      allowedCustomerActions: [],
      allowedDataActions: [],
      publicAzureTenantID: '',
      publicAzureAuthorizations: [],
      policies: [],
      id
    }
  }
  if (owner.variant) {
    return {
      resourceType: 'AzureSolutionTemplatePackageConfiguration',
      version: '',
      packageReferences: [],
      id
    }
  }
  const businessCentral = owner.product?.resourceType === 'AzureDynamics365BusinessCentral'
  return {
    resourceType: businessCentral
      ? 'Dynamics365BusinessCentralPackageConfiguration'
      : 'AzureApplicationPackageConfiguration',
    packageReferences: [],
    id
  }
}

export function newProperty(id: string): Property {
  return {
    resourceType: 'AzureProperty',
    categories: [],
    industries: [],
    termsOfUse: '',
    useEnterpriseContract: false,
    id
  }
}

export function newSubmission(request: SubmissionCreationRequest, id: string): Submission {
  return {
    resourceType: 'Submission',
    id,
    state: 'InProgress',
    substate: 'Submitted',
    targets: request.targets,
    resources: request.resources,
    ...(request.variantResources ? { variantResources: request.variantResources } : {}),
    ...(request.publishOption ? { publishOption: request.publishOption } : {})
  }
}

/** A new offer's availability (its offer-level draft). */
export function newProductAvailability(id: string): ProductAvailability {
  return { resourceType: 'ProductAvailability', visibility: 'Public', audiences: [], id }
}

/** A new plan's availability. */
export function newFeatureAvailability(id: string): FeatureAvailability {
  return {
    resourceType: 'FeatureAvailability',
    visibility: 'Public',
    marketStates: [],
    subscriptionAudiences: [],
    priceSchedules: [],
    isHidden: false,
    id
  }
}
