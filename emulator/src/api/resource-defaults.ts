/**
 * The resources a new draft starts with. Listings follow the recording of a fresh product
 * (catalogue §8); the other modules are not recorded, so their fields follow the spec's schemas
 * with empty values (inferred).
 */
import type { Json } from './store.js'

export type PlanSubType = 'solution-template' | 'managed-application'

export const newListing = (title: string): Json => ({
  resourceType: 'AzureListing',
  listingUris: [],
  listingContacts: [],
  gettingStartedInstructions: '',
  languageCode: 'en-us',
  title,
  keywords: []
})

export function newOfferPackageConfiguration(resourceType: string, packageType?: string): Json {
  if (resourceType === 'AzureDynamics365BusinessCentral') {
    return {
      resourceType: 'Dynamics365BusinessCentralPackageConfiguration',
      packageType: packageType ?? 'AddOn',
      applicationInstallationUri: '',
      packageReferences: []
    }
  }
  return {
    resourceType: 'AzureApplicationPackageConfiguration',
    azureActiveDirectoryTenantID: '',
    azureActiveDirectoryApplicationID: ''
  }
}

export function newPlanPackageConfiguration(subType: PlanSubType): Json {
  if (subType === 'solution-template') {
    return {
      resourceType: 'AzureSolutionTemplatePackageConfiguration',
      version: '',
      packageReferences: []
    }
  }
  // Field set of real managed-app replies ([PCC][PCX], ingestion-v1.md §3.7).
  return {
    resourceType: 'AzureManagedApplicationPackageConfiguration',
    version: '',
    allowJitAccess: false,
    canEnableCustomerActions: false,
    allowedCustomerActions: [],
    allowedDataActions: [],
    publicAzureTenantID: '',
    publicAzureAuthorizations: [],
    azureGovernmentTenantID: '',
    azureGovernmentAuthorizations: [],
    policies: [],
    packageReferences: [],
    deploymentMode: 'Incremental'
  }
}

export const newProperty = (appVersion?: string): Json => ({
  resourceType: 'AzureProperty',
  industries: [],
  leveledCategories: {},
  categories: [],
  // A string per the spec (Properties.AzureProperty); no recorded reply shows it.
  submissionVersion: '1',
  ...(appVersion === undefined ? {} : { appVersion }),
  useEnterpriseContract: false,
  termsOfUse: '',
  customAmendments: []
})

export const newProductAvailability = (): Json => ({
  resourceType: 'ProductAvailability',
  visibility: 'Public',
  enterpriseLicensing: 'Online',
  audiences: []
})

export const newFeatureAvailability = (): Json => ({
  resourceType: 'FeatureAvailability',
  visibility: 'Public',
  marketStates: [],
  subscriptionAudiences: [],
  priceSchedules: [],
  customMeters: [],
  isHidden: false
})

export const newResellerConfiguration = (): Json => ({
  resourceType: 'ResellerConfiguration',
  resellerChannelState: 'Disabled',
  tenantIds: []
})
