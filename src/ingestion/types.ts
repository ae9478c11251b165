/**
 * Wire types of the Partner Center Ingestion API v1 as the service really sends them
 * (shared/reference/ingestion-v1.md §2–§4 and the recordings), not as the OpenAPI file declares
 * them where the two differ (`nextLink`, `externalIDs`, `variantID`, `currentDraftInstanceID`).
 *
 * Shared by the action and the emulator (type-only imports: nothing here exists at run time).
 * Resources carry an index signature because PUT replaces the whole object: a client must send
 * back every property it read, including ones this file does not name.
 */

export interface TypeValuePair {
  type: string
  value: string
}

/** Every collection reply. `nextLink` is host-relative (`v1.0/ingestion/...`), absent on the last page. */
export interface Paged<T> {
  value: T[]
  nextLink?: string
}

export interface Resource {
  resourceType: string
  id?: string
  '@odata.etag'?: string
  [property: string]: unknown
}

export type ProductResourceType =
  | 'AzureApplication'
  | 'AzureDynamics365BusinessCentral'
  | 'AzureThirdPartyVirtualMachine'
  | 'AzureContainer'
  | 'SoftwareAsAService'

export interface Product extends Resource {
  resourceType: ProductResourceType | string
  name: string
  externalIDs: TypeValuePair[]
  isModularPublishing?: boolean
  id: string
}

export interface ProductSetup extends Resource {
  resourceType: 'AzureProductSetup'
  sellingOption?: string
  trialUri?: string
  enableTestDrive?: boolean
  channelStates?: TypeValuePair[]
  /** Business Central only: `AddOn` or `Connect`. */
  packageType?: string
}

export type VariantSubType = 'solution-template' | 'managed-application'

export interface Variant extends Resource {
  resourceType: 'AzureSkuVariant' | 'AzureTestDriveVariant'
  state?: 'Active' | 'Inactive'
  friendlyName: string
  externalID: string
  subType?: VariantSubType | string
  id: string
}

export type Module =
  | 'Availability'
  | 'Listing'
  | 'Package'
  | 'Property'
  | 'ResellerConfiguration'
  | 'Cosell'
  | 'SupplementalContent'

export interface Branch extends Resource {
  resourceType: 'Branch'
  friendlyName: string
  type: string
  module: Module | string
  currentDraftInstanceID: string
  /** Absent (not null) on offer-level branches; the variant's `id` on plan-level ones. */
  variantID?: string
}

export interface ListingUri {
  type: string
  subtype?: string
  displayText?: string
  uri: string
}

export type ContactType = 'CustomerSupport' | 'Engineering' | 'ChannelManager'

export interface ListingContact {
  type: ContactType | string
  email?: string
  name?: string
  phone?: string
  uri?: string
}

export interface Listing extends Resource {
  resourceType: 'AzureListing'
  languageCode?: string
  title?: string
  summary?: string
  shortDescription?: string
  description?: string
  keywords?: string[]
  listingUris?: ListingUri[]
  listingContacts?: ListingContact[]
  gettingStartedInstructions?: string
  id: string
}

export type FileState =
  'PendingUpload' | 'Uploaded' | 'InProcessing' | 'Processed' | 'ProcessFailed'

export type ImageType =
  'AzureLogoSmall' | 'AzureLogoMedium' | 'AzureLogoLarge' | 'AzureLogoWide' | 'AzureScreenshot'

export interface ListingImage extends Resource {
  resourceType: 'ListingImage'
  fileName: string
  type: ImageType | string
  fileSasUri?: string
  state: FileState
  description?: string
  order?: number
  id: string
}

export type PackageResourceType =
  | 'AzureApplicationPackage'
  | 'Dynamics365BusinessCentralAddOnExtensionPackage'
  | 'Dynamics365BusinessCentralAddOnLibraryExtensionPackage'
  | 'Dynamics365BusinessCentralAddOnDependencyPackage'

export interface ValidationItem {
  errorCode?: string
  severity?: string
  message?: string
  resource?: string
  [property: string]: unknown
}

export interface Package extends Resource {
  resourceType: PackageResourceType
  fileName: string
  fileSasUri?: string
  state: FileState
  fileSize?: number | null
  validationItems?: ValidationItem[]
  id: string
}

export type PackageConfigurationResourceType =
  | 'AzureSolutionTemplatePackageConfiguration'
  | 'AzureManagedApplicationPackageConfiguration'
  | 'Dynamics365BusinessCentralPackageConfiguration'

export interface RoleAuthorization {
  principalID: string
  roleDefinitionID: string
}

export interface AzurePolicy {
  policyName: string
  policyDefinitionID: string
  policyParameters?: string
  policySku?: string
}

export interface PackageConfiguration extends Resource {
  resourceType: PackageConfigurationResourceType | string
  id: string
  version?: string
  packageReferences?: TypeValuePair[]
  // managed application
  allowJitAccess?: boolean | null
  canEnableCustomerActions?: boolean | null
  allowedCustomerActions?: string[]
  allowedDataActions?: string[]
  publicAzureTenantID?: string
  publicAzureAuthorizations?: RoleAuthorization[]
  policies?: AzurePolicy[]
  // business central
  packageType?: 'AddOn' | 'Connect'
  applicationInstallationUri?: string
}

export interface Property extends Resource {
  resourceType: 'AzureProperty' | string
  id: string
  appVersion?: string
}

/** The preview audience of a product availability ([PCC]; the spec's `string[]` is wrong, §3.8). */
export interface PreviewAudienceGroup {
  type: 'PreviewMarketplaceGroup' | string
  /** Azure subscription IDs. */
  values: string[]
}

/** Offer-level availability (`Availabilities.ProductAvailability`). */
export interface ProductAvailability extends Resource {
  resourceType: 'ProductAvailability'
  id: string
  visibility?: string
  audiences?: PreviewAudienceGroup[]
}

export type MarketStateValue = 'Disabled' | 'Enabled' | 'StopSelling' | 'Terminated'

export interface MarketState {
  /** ISO country code; [PCC] sends it upper case (`US`). */
  marketCode: string
  state: MarketStateValue | string
}

export interface AudienceMember {
  ID: string
  description?: string
}

export interface Price {
  priceTierID?: string
  openPrice?: number | null
  currencyCode?: string
}

export interface PriceSchedule {
  retailPrice?: Price
  pricingModel?: 'Flat' | 'Recurring' | 'Usage' | string
  priceCadence?: { type: 'Month' | 'Year' | string; value: number }
  [property: string]: unknown
}

/** `ScheduleInfo<PriceSchedule>`: prices for some markets. */
export interface PriceScheduleGroup {
  isBaseSchedule?: boolean
  marketCodes?: string[]
  friendlyName?: string
  schedules?: PriceSchedule[]
  [property: string]: unknown
}

/**
 * A plan's availability (`Availabilities.FeatureAvailability`), read and written with
 * `$expand=MarketStates,PriceSchedules,Trial`: without it the reply leaves those out, and a PUT of
 * that reply would erase them.
 */
export interface FeatureAvailability extends Resource {
  resourceType: 'FeatureAvailability'
  id: string
  visibility?: 'Public' | 'Private' | string
  marketStates?: MarketState[]
  subscriptionAudiences?: AudienceMember[]
  priceSchedules?: PriceScheduleGroup[]
  isHidden?: boolean | null
}

export interface ResellerConfiguration extends Resource {
  resourceType: 'ResellerConfiguration'
  resellerChannelState?: 'Enabled' | 'Disabled' | 'PartialOptIn' | 'OptOut'
  tenantIds?: string[]
}

export interface VariantResource {
  variantID: string
  resources: TypeValuePair[]
}

export interface PublishOption {
  releaseTimeInUtc?: string
  isManualPublish?: boolean
  isAutoPromote?: boolean
  certificationNotes?: string
}

export interface SubmissionCreationRequest {
  resourceType: 'SubmissionCreationRequest'
  targets: TypeValuePair[]
  resources: TypeValuePair[]
  variantResources?: VariantResource[]
  publishOption?: PublishOption
}

export type SubmissionState = 'InProgress' | 'Published'
export type SubmissionSubstate =
  | 'InDraft'
  | 'Submitted'
  | 'Failed'
  | 'FailedInCertification'
  | 'ReadyToPublish'
  | 'Publishing'
  | 'Published'
  | 'InStore'

export interface PendingUpdateInfo {
  updateType?: 'Create' | 'Submit' | 'Promote' | 'Validate' | string
  status?: 'Running' | 'Completed' | 'Failed' | 'Cancelled' | 'PendingConfirmation' | string
  href?: string
  failureReason?: string
}

export interface Submission extends Resource {
  resourceType: 'Submission'
  id: string
  state: SubmissionState | string
  substate: SubmissionSubstate | string
  targets?: TypeValuePair[]
  resources?: TypeValuePair[]
  variantResources?: VariantResource[]
  publishOption?: PublishOption
  publishedTimeInUtc?: string
  pendingUpdateInfo?: PendingUpdateInfo
  releaseNumber?: number
  friendlyName?: string
  areResourcesReady?: boolean
}

export interface WorkflowStep {
  name: string
  state: string
  startDateTimeInUtc?: string
  completeDateTimeInUtc?: string
}

export interface WorkflowDetail extends Resource {
  type?: string
  state?: string
  targetEnvironment?: string
  workflowSteps?: WorkflowStep[]
  startDateTimeInUtc?: string
  completeDateTimeInUtc?: string
}

export interface CertificationReport {
  reportTimeInUtc?: string
  status?: 'Pending' | 'Failed' | 'Passed' | 'PassedWithNotes' | 'Unknown' | string
  fileUri?: string
}
