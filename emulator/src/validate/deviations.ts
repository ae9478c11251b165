/**
 * EVERY known difference between the vendor's OpenAPI file and what the real Ingestion API does,
 * in one list. The emulator follows the service. Each entry cites its evidence with the tags of
 * shared/reference/ingestion-v1.md §0 ([REC] = recorded real traffic, [GA] = Microsoft's shell
 * action, [PCC]/[PCX] = Microsoft's CLIs, [BCH] = BcContainerHelper, [X] = our inference).
 *
 * Entries with an `op` are patches that apply-deviations.ts applies to the loaded spec before
 * anything is compiled. Entries without are notes: behaviour of the server (binding, replies,
 * state) that the spec cannot express; the binder (normalise.ts) and the model implement them and
 * they are listed here so that this file stays the single inventory.
 *
 * Two kinds: a correction is where the spec is wrong and the service is right (clients must follow
 * the service); a leniency (LENIENCIES) is input outside the spec that the service accepts anyway.
 * The request log names each leniency a request needed, so our own action can be held to the spec
 * while other clients still pass (emulator/README.md, "Leniencies").
 */
import type { SchemaObject } from './openapi.js'

/** Operation keys are `METHOD template` exactly as in the spec's `paths`, e.g. `PUT /products/{productID}`. */
export type DeviationPatch =
  | { op: 'add-enum-values'; schema: string; property: string; values: string[] }
  | { op: 'add-properties'; schema: string; properties: Record<string, SchemaObject> }
  | { op: 'rename-property'; schema: string; from: string; to: string }
  | { op: 'optional-parameter'; operation: string; in: 'header' | 'query'; name: string }
  | {
      op: 'add-parameter'
      operations: string[] | 'all' | 'collection-gets'
      in: 'header' | 'query'
      name: string
    }
  | { op: 'parameter-enum'; operation: string; name: string; values: string[] }
  | { op: 'success-status'; operation: string; from: string; to: string }
  | { op: 'preferred-spelling'; names: string[] }
  | { op: 'replace-schema'; schema: string; with: SchemaObject }
  /** A note: behaviour the spec cannot express, implemented by the binder or the model. */
  | { op?: undefined }

/** The deviations that are leniencies; a request log entry names those its request needed. */
export const LENIENCIES = [
  'case-insensitive-routes',
  'case-insensitive-input',
  'case-insensitive-enums',
  'null-as-absent',
  'string-as-boolean',
  'string-as-number',
  'package-configuration-if-match'
] as const
export type Leniency = (typeof LENIENCIES)[number]

/** One use of a leniency rule, and where: `body /summary`, `header If-Match`, `path`. */
export interface LeniencyUse {
  rule: Leniency
  at: string
}

export type Deviation = DeviationPatch & { id: string; evidence: string; summary: string }

export const DEVIATIONS: readonly Deviation[] = [
  {
    id: 'product-types',
    evidence: '[REC] products of type SoftwareAsAService in the product walk; [BCH] BC apps',
    summary: 'Product resourceType also takes SoftwareAsAService (absent from the spec enums)',
    op: 'add-enum-values',
    schema: 'Products.BaseProduct',
    property: 'resourceType',
    values: ['SoftwareAsAService', 'AzureDynamics365BusinessCentral']
  },
  {
    id: 'azure-product-types',
    evidence: 'as product-types: AzureProduct narrows BaseProduct by allOf, so both enums need it',
    summary: 'AzureProduct resourceType also takes SoftwareAsAService',
    op: 'add-enum-values',
    schema: 'Products.AzureProduct',
    property: 'resourceType',
    values: ['SoftwareAsAService', 'AzureDynamics365BusinessCentral']
  },
  {
    id: 'variant-subtype',
    evidence:
      '[REC] variant replies carry subType; [PCX][PCC] POST variants with "SubType":"managed-application"',
    summary: 'AzureSkuVariant has subType (solution-template | managed-application | absent)',
    op: 'add-properties',
    schema: 'Variants.AzureSkuVariant',
    properties: {
      subType: { type: 'string' },
      certificationsAzureGovernment: { type: 'array', items: { type: 'string' } }
    }
  },
  {
    id: 'reseller-module',
    evidence: '[PCX] code reads getByModule(module=ResellerConfiguration); not in [REC]',
    summary: 'Branch.module also takes ResellerConfiguration',
    op: 'add-enum-values',
    schema: 'Branches.Branch',
    property: 'module',
    values: ['ResellerConfiguration']
  },
  {
    id: 'get-by-module-values',
    evidence:
      '[S] describes module as "Listing, Package, Property, Availability" without an enum; Branch.module adds SupplementalContent and Cosell; [PCX] ResellerConfiguration; a Microsoft sample sends module=availability (values are matched case-insensitively)',
    summary: 'getByModule(module=X) accepts the Branch modules plus ResellerConfiguration',
    op: 'parameter-enum',
    operation: 'GET /products/{productID}/branches/getByModule(module={module})',
    name: 'module',
    values: [
      'Listing',
      'Package',
      'Property',
      'Availability',
      'SupplementalContent',
      'Cosell',
      'ResellerConfiguration'
    ]
  },
  {
    id: 'paging-next-link',
    evidence:
      '[REC] every paged reply says nextLink (host-relative, no leading slash, absent on the last page); none says @odata.nextLink',
    summary: 'Collections page with nextLink, not @odata.nextLink',
    op: 'rename-property',
    schema: 'Common.PagedCollection',
    from: '@odata.nextLink',
    to: 'nextLink'
  },
  {
    id: 'skip-token-everywhere',
    evidence:
      '[S] declares $skipToken on products and variants only; [REC] clients send the nextLink query back as is, and [GA][BCH] follow nextLink on any collection [X]',
    summary: '$skipToken is accepted on every collection GET',
    op: 'add-parameter',
    operations: 'collection-gets',
    in: 'query',
    name: '$skipToken'
  },
  {
    id: 'setup-post-200',
    evidence: '[REC] POST /products/{id}/setup answered 200 with the stored object',
    summary: 'Setup POST succeeds with 200, not the declared 201',
    op: 'success-status',
    operation: 'POST /products/{productID}/setup',
    from: '201',
    to: '200'
  },
  {
    id: 'package-configuration-if-match',
    evidence:
      '[PCC] PUTs package configurations without If-Match and without a body etag; [GA] sends If-Match from the GET',
    summary: 'If-Match is optional on PUT packageconfigurations/{id} (declared required)',
    op: 'optional-parameter',
    operation: 'PUT /products/{productID}/packageconfigurations/{packageConfigurationID}',
    in: 'header',
    name: 'If-Match'
  },
  {
    id: 'package-put-if-match',
    evidence: '[BCH] sends If-Match with the etag on PUT packages/{id} (navcontainerhelper#4191)',
    summary: 'PUT packages/{id} accepts If-Match though the spec does not declare it',
    op: 'add-parameter',
    operations: ['PUT /products/{productID}/packages/{packageID}'],
    in: 'header',
    name: 'If-Match'
  },
  {
    id: 'publisher-id-header',
    evidence:
      'AL-Go#2278, navcontainerhelper#4126: x-ms-publisherId was required for a week in 2026-06, then optional again',
    summary: 'x-ms-publisherId is accepted (and ignored) on every operation',
    op: 'add-parameter',
    operations: 'all',
    in: 'header',
    name: 'x-ms-publisherId'
  },
  {
    id: 'external-ids-spelling',
    evidence:
      '[REC] POST /products sent externalIds and the reply said externalIDs; [S] declares both',
    summary: 'Input externalIds is bound to externalIDs, the spelling replies use',
    op: 'preferred-spelling',
    names: ['externalIDs']
  },
  {
    id: 'case-insensitive-routes',
    evidence:
      '[GA] PUTs packageconfigurations, [BCH] packageConfigurations; [S] itself mixes both spellings',
    summary: 'Paths, path-function names and query option names match case-insensitively'
  },
  {
    id: 'case-insensitive-input',
    evidence: '[GA] "State", [PCX][PCC] "ID", [PCC] "SubType", [PCX] "externalIds" all work',
    summary: 'Body property names bind case-insensitively to the spec spelling'
  },
  {
    id: 'case-insensitive-enums',
    evidence:
      'a Microsoft sample sends getByModule(module=availability); .NET string-enum converters read names case-insensitively [X: no recorded body shows it]',
    summary: 'Enum values (body and path) bind case-insensitively to the spec spelling'
  },
  {
    id: 'null-as-absent',
    evidence:
      'issue 13: a client written elsewhere sends null for unset optional properties and works against the service; ASP.NET JSON binding leaves the property unset [X: no recorded body carries null]',
    summary: 'null for a property the spec does not mark nullable is treated as absent (not stored)'
  },
  {
    id: 'string-as-boolean',
    evidence:
      '[S] its own request examples send "allowJitAccess":"true" and "canEnableCustomerActions":"true" (managed-app configurations); issue 13: a client written elsewhere sends them and works against the service; Newtonsoft.Json converts them',
    summary: '"true"/"false" (any case) where the spec wants a boolean are stored as booleans'
  },
  {
    id: 'string-as-number',
    evidence:
      '[S] its own request examples send "hotInstances":"1", "maxConcurrentTestDrives":"1" (integers, test-drive configurations); Newtonsoft.Json converts numeric strings',
    summary:
      'A numeric string ("1.5") where the spec wants a number is stored as a number; an integer needs an integer string'
  },
  {
    id: 'expand-values-unchecked',
    evidence:
      '[REC] GET images?$expand=$expand%3DFileSasUri (a client bug) answered 200 without fileSasUri',
    summary: '$expand values are not validated; an unknown value is ignored'
  },
  {
    id: 'client-id-ignored',
    evidence: '[REC] POST /products with "ID":"offertest-000001" got a server GUID',
    summary: 'Client-sent ids on POST are ignored; AzureOfferID is normalised to AzureOfferId'
  },
  {
    id: 'preview-scope-casing',
    evidence: 'azure-docs#93203: targets [{"type":"Scope","value":"Preview"}] was accepted',
    summary: 'Submission target values compare case-insensitively (preview | Preview)'
  },
  {
    id: 'submission-post-202',
    evidence: 'azure-docs#93203 reports 202 where [S] declares 201',
    summary: 'POST submissions may answer 201 or 202; clients must accept both'
  },
  {
    id: 'reply-spellings',
    evidence: '[REC] replies say externalIDs, externalID, variantID, currentDraftInstanceID',
    summary: 'Replies use those spellings; the spec header Request-ID is sent as request-id'
  },
  {
    id: 'etag-headers',
    evidence:
      '[REC] ETag header on variant/image POST and listing/image PUT, not on product or setup; Location on every 201',
    summary: 'ETag and Location headers as recorded (undeclared in the spec)'
  },
  {
    id: 'delete-204-empty',
    evidence: '[REC] DELETE replies 204 with content-length 0; [S] declares a JSON string body',
    summary: 'DELETE answers 204 with no body'
  },
  {
    id: 'error-bodies',
    evidence:
      '[REC] the 400 body is a JSON string "ICH50400 - Unable to complete request. {json}"; [S] types errors as string',
    summary: 'Validation errors answer 400 with the ICH50400 string form'
  },
  {
    id: 'variant-put-conflicts',
    evidence: '[S] declares 409 on every PUT except variants; [PU] saw intermittent 409 on PUT',
    summary: 'A stale If-Match answers 412 by default (switchable to 409) on every PUT [X]'
  },
  {
    id: 'unset-omitted',
    evidence:
      '[REC] variant replies leave out leadGenID and referenceVariantID, product replies offerMarketingUrlIDentifier, listings summary/description until set: unset properties are absent, never null',
    summary:
      'Replies leave out what is not set (publishedTimeInUtc before live, workflow times not reached) instead of sending null, which [S] does not allow'
  },
  {
    id: 'preview-audience-shape',
    evidence:
      'ingestion-v1.md §3.8 [PCC]: audiences is [{"type":"PreviewMarketplaceGroup","values":[subscription ids]}]; [S] makes each item a string[]',
    summary: 'A product availability audience is {type, values[]}, not string[]',
    op: 'replace-schema',
    schema: 'Availabilities.PreviewMarketplaceGroup',
    with: {
      type: 'object',
      properties: {
        type: { type: 'string', enum: ['PreviewMarketplaceGroup'] },
        values: { type: 'array', items: { type: 'string' } }
      }
    }
  },
  {
    id: 'managed-app-configuration-fields',
    evidence:
      'ingestion-v1.md §3.7 [PCC][PCX]: real managed-app configurations carry allowedDataActions, deploymentMode (Incremental), publisherManagementMode and customerAccessEnableState, absent from [S]',
    summary: 'AzureManagedApplicationPackageConfiguration has the four fields real replies carry',
    op: 'add-properties',
    schema: 'Packages.AzureManagedApplicationPackageConfiguration',
    properties: {
      allowedDataActions: { type: 'array', items: { type: 'string' } },
      deploymentMode: { type: 'string' },
      publisherManagementMode: { type: 'string' },
      customerAccessEnableState: { type: 'string' }
    }
  },
  {
    id: 'bc-setup-package-type',
    evidence:
      'ingestion-v1.md §3.1 [BCH]: a Business Central product setup carries packageType (AddOn | Connect); [S] AzureProductSetup has none',
    summary: 'AzureProductSetup has packageType for Business Central offers',
    op: 'add-properties',
    schema: 'Products.AzureProductSetup',
    properties: { packageType: { type: 'string', enum: ['AddOn', 'Connect'] } }
  },
  {
    id: 'submission-cancelled',
    evidence:
      'ingestion-v1.md §4.2 [SB][PU]: substate Cancelled exists beside the [S] enum (the emulator never sets it)',
    summary: 'Submission substate also takes Cancelled',
    op: 'add-enum-values',
    schema: 'Submissions.Submission',
    property: 'substate',
    values: ['Cancelled']
  }
]
