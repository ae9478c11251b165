/**
 * Every limit the manifest is checked against before the first write, in one table, each with its
 * source. Partner Center documents most of them on its pages for the offer types this action
 * publishes (cited below); where it documents none, the action still refuses values no service
 * takes (a 40 MB certification note got the listing written, then the submission refused with
 * HTTP 413), with a bound stated here and marked `inferred`, with its reason.
 *
 * Text limits count characters as the JSON Schema does (Unicode code points). Limits of inline
 * values are also in schema/marketplace.schema.json (maxLength, maxItems), so editors flag them as
 * you type; __tests__/unit/manifest-limits.test.ts keeps the two equal. Text read from files
 * (`description: { file }`) is checked against the same table once read.
 */

/**
 * Microsoft's pages the documented limits come from. The learn.microsoft.com pages are the
 * MicrosoftDocs/azure-docs articles named after them (articles/marketplace/<page>.md; now also
 * under learn.microsoft.com/partner-center/marketplace-offers/).
 */
export const SOURCES = {
  /** "Configure your Azure application offer listing details": summary 100, short description
   * 256, description 5,000 "which includes HTML markup and spaces", up to three search keywords,
   * useful link titles up to 255, up to five screenshots of 1280 x 720 PNG, up to four videos. */
  appListing: 'learn.microsoft.com/azure/marketplace/azure-app-offer-listing',
  /** "Plan an Azure Application offer", Offer listing details: the name "must be limited to 200
   * characters"; large logo 216x216 (to 350x350), medium 90x90, small 48x48 PNG. */
  appPlan: 'learn.microsoft.com/azure/marketplace/plan-azure-application-offer',
  /** "Configure Azure application offer properties": "at least one and up to two categories";
   * own terms and conditions "up to 10,000 characters". */
  appProperties: 'learn.microsoft.com/azure/marketplace/azure-app-properties',
  /** "Create plans for an Azure application offer": plan ID up to 50; plan name "a maximum of 50
   * characters" when the plan is created (100 on the plan listing later); plan summary 100;
   * plan description "up to 2,000 characters". */
  appPlans: 'learn.microsoft.com/azure/marketplace/azure-app-plans',
  /** "Configure a managed application plan": "Add authorization (max 100)", "a maximum of five
   * policies", policy assignment name "limited to 50 characters". */
  managedPlan: 'learn.microsoft.com/azure/marketplace/azure-app-managed',
  /** "Plan a solution template for an Azure application offer": the package "up to 1 Gb in total
   * compressed .zip archive size" and 1 GB for any file inside it; "up to 100 plans". */
  solutionTemplate: 'learn.microsoft.com/azure/marketplace/plan-azure-app-solution-template',
  /** "Configure SaaS offer properties": "up to two industries" (the same Properties module as
   * Azure application offers; their own page lists no industries). */
  industries: 'learn.microsoft.com/azure/marketplace/create-new-saas-offer-properties',
  /** The product-ingestion API's JSON schema of a product: its `alias` has maxLength 120. */
  productSchema: 'product-ingestion.azureedge.net/schema/product/2022-03-01-preview2',
  /** Microsoft's published product-ingestion schemas (emulator/spec/product-ingestion/): a plan's
   * name (`plan` resource) up to 125 characters; a VHD image up to 16 data disks
   * (`virtual-machine-plan-technical-configuration`). */
  productIngestionSchemas:
    'schema.mp.microsoft.com/schema/plan and virtual-machine-plan-technical-configuration',
  /** ingestion-v1.md §3.5: the ListingImage types and the sizes real clients upload. */
  imageTypes: 'ingestion-v1.md §3.5 (ListingImage types)'
} as const

export type LimitSource = { documented: keyof typeof SOURCES } | { inferred: string }

export interface FieldLimit {
  /** Manifest field; `[]` stands for any list index and `*` for any key (each contact role). */
  field: string
  max: number
  unit: 'characters' | 'items'
  /** What Partner Center calls it, for messages. */
  label: string
  source: LimitSource
  /** Only for these offer types, where one field has a limit per API; default: every type. */
  offerTypes?: readonly string[]
}

/** A bound of this action; `reason` says why this value (docs/manifest.md shows it). */
const inferred = (reason: string): LimitSource => ({ inferred: reason })
const documented = (page: keyof typeof SOURCES): LimitSource => ({ documented: page })

/** Partner Center documents no URL length; its plan schema bounds its one URL field at 1,000. */
const URL_BOUND = inferred(
  'Partner Center documents no URL length; 1,000 is the bound its product-ingestion plan schema puts on the one URL field it bounds (azureGovernmentCertifications[].link).'
)

/**
 * Any other string of the manifest (certification notes, policy parameters, customer actions…):
 * Partner Center documents no limit. 100,000 characters is ten times its longest documented text
 * (terms of use, 10,000): no plausible note for a reviewer, far below the request a service
 * refused (a 40 MB note, HTTP 413).
 */
export const OTHER_TEXT_LIMIT: FieldLimit = {
  field: '(any other text)',
  max: 100_000,
  unit: 'characters',
  label: 'text',
  source: inferred(
    'Partner Center documents no limit; 10 times its longest documented text field (terms of use, 10,000 characters), far below what the service refused (a 40 MB certification note: HTTP 413).'
  )
}

export const FIELD_LIMITS: readonly FieldLimit[] = [
  {
    field: 'offers[].name',
    max: 120,
    unit: 'characters',
    label: 'offer alias',
    source: documented('productSchema')
  },
  {
    field: 'offers[].listing.title',
    max: 200,
    unit: 'characters',
    label: 'offer name',
    source: documented('appPlan')
  },
  {
    field: 'offers[].listing.summary',
    max: 100,
    unit: 'characters',
    label: 'search results summary',
    source: documented('appListing')
  },
  {
    field: 'offers[].listing.shortDescription',
    max: 256,
    unit: 'characters',
    label: 'short description',
    source: documented('appListing')
  },
  {
    field: 'offers[].listing.description',
    max: 5000,
    unit: 'characters',
    label: 'description (HTML markup included)',
    source: documented('appListing')
  },
  {
    field: 'offers[].listing.keywords',
    max: 3,
    unit: 'items',
    label: 'search keywords',
    source: documented('appListing')
  },
  {
    field: 'offers[].listing.keywords[]',
    max: 50,
    unit: 'characters',
    label: 'search keyword',
    source: inferred(
      'Partner Center documents the number of keywords, not their length; 50 is its bound for other one-line names (offer and plan IDs, plan names).'
    )
  },
  {
    field: 'offers[].listing.gettingStartedInstructions',
    max: 5000,
    unit: 'characters',
    label: 'getting started instructions',
    source: inferred(
      'the Azure application pages do not show this field; 5,000 is the bound of the longest documented listing text, the description.'
    )
  },
  {
    field: 'offers[].listing.privacyPolicy',
    max: 1000,
    unit: 'characters',
    label: 'privacy policy link',
    source: URL_BOUND
  },
  {
    field: 'offers[].listing.links[].name',
    max: 255,
    unit: 'characters',
    label: 'useful link title',
    source: documented('appListing')
  },
  {
    field: 'offers[].listing.links[].uri',
    max: 1000,
    unit: 'characters',
    label: 'useful link',
    source: URL_BOUND
  },
  {
    field: 'offers[].listing.contacts.*.name',
    max: 255,
    unit: 'characters',
    label: 'contact name',
    source: inferred(
      'Partner Center documents no contact field lengths; 255 is its bound for a useful link title, the other short name of a listing.'
    )
  },
  {
    field: 'offers[].listing.contacts.*.email',
    max: 254,
    unit: 'characters',
    label: 'contact email',
    source: inferred('the longest address SMTP can carry (RFC 5321 §4.5.3.1.3: a 256-octet path).')
  },
  {
    field: 'offers[].listing.contacts.*.phone',
    max: 50,
    unit: 'characters',
    label: 'contact phone',
    source: inferred(
      'E.164 numbers have at most 15 digits; 50 leaves room for +, spaces, dashes, parentheses and an extension.'
    )
  },
  {
    field: 'offers[].listing.contacts.*.uri',
    max: 1000,
    unit: 'characters',
    label: 'support URL',
    source: URL_BOUND
  },
  {
    field: 'offers[].images.screenshots',
    max: 5,
    unit: 'items',
    label: 'screenshots',
    source: documented('appListing')
  },
  {
    field: 'offers[].properties.categories',
    max: 2,
    unit: 'items',
    label: 'categories',
    source: documented('appProperties')
  },
  {
    field: 'offers[].properties.industries',
    max: 2,
    unit: 'items',
    label: 'industries',
    source: documented('industries')
  },
  {
    field: 'offers[].properties.termsOfUse',
    max: 10_000,
    unit: 'characters',
    label: 'terms and conditions',
    source: documented('appProperties')
  },
  { ...OTHER_TEXT_LIMIT, field: 'offers[].certificationNotes', label: 'notes for certification' },
  {
    field: 'offers[].plans',
    max: 100,
    unit: 'items',
    label: 'plans of an offer',
    source: documented('solutionTemplate')
  },
  {
    field: 'offers[].plans[].name',
    max: 50,
    unit: 'characters',
    label: 'plan name',
    source: documented('appPlans'),
    offerTypes: ['azure-solution-template', 'azure-managed-app', 'business-central']
  },
  {
    field: 'offers[].plans[].name',
    max: 125,
    unit: 'characters',
    label: 'plan name',
    source: documented('productIngestionSchemas'),
    offerTypes: ['saas', 'azure-virtual-machine', 'azure-container']
  },
  {
    field: 'offers[].plans[].image.*.dataDisks',
    max: 16,
    unit: 'items',
    label: 'data disks of a VHD image',
    source: documented('productIngestionSchemas'),
    offerTypes: ['azure-virtual-machine']
  },
  {
    field: 'offers[].plans[].listing.summary',
    max: 100,
    unit: 'characters',
    label: 'plan summary',
    source: documented('appPlans')
  },
  {
    field: 'offers[].plans[].listing.description',
    max: 2000,
    unit: 'characters',
    label: 'plan description',
    source: documented('appPlans')
  },
  {
    field: 'offers[].plans[].authorizations',
    max: 100,
    unit: 'items',
    label: 'authorizations',
    source: documented('managedPlan')
  },
  {
    field: 'offers[].plans[].policies',
    max: 5,
    unit: 'items',
    label: 'policies',
    source: documented('managedPlan')
  },
  {
    field: 'offers[].plans[].policies[].name',
    max: 50,
    unit: 'characters',
    label: 'policy assignment name',
    source: documented('managedPlan')
  }
]

const PATTERNS = FIELD_LIMITS.map(limit => ({ limit, pattern: patternOf(limit.field) }))

/**
 * `offers[0].plans[1].name` → the table's entry for `offers[].plans[].name`, when there is one;
 * with `max` (a schema error's own limit), the entry of that limit where a field has one per API.
 */
export function limitOf(field: string, max?: number): FieldLimit | undefined {
  return PATTERNS.find(
    ({ limit, pattern }) => pattern.test(field) && (max === undefined || limit.max === max)
  )?.limit
}

/** `offers[].contacts.*.name` → /^offers\[\d+\]\.contacts\.[^.[]+\.name$/ */
function patternOf(field: string): RegExp {
  const parts = field.split(/(\[\]|\*)/).map(part => {
    if (part === '[]') return '\\[\\d+\\]'
    if (part === '*') return '[^.[]+'
    return part.replace(/[.[\]]/g, c => `\\${c}`)
  })
  return new RegExp(`^${parts.join('')}$`)
}

/** Characters as the JSON Schema counts them: code points (an emoji is one), not UTF-16 units. */
export function textLength(text: string): number {
  return text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0)
}

/** `at most 100 (Partner Center's limit for the search results summary)`, for messages. */
export function describeLimit(limit: FieldLimit): string {
  const max = `at most ${limit.max.toLocaleString('en-US')}`
  return 'documented' in limit.source
    ? `Partner Center takes ${max} (its limit for the ${limit.label})`
    : `this action takes ${max} (Partner Center documents no limit for the ${limit.label}; see docs/manifest.md#limits)`
}

/**
 * Size caps of the files the manifest names, checked before anything is uploaded. Overridable
 * through `loadManifest`'s `limits` option.
 */
export interface FileLimits {
  /** Azure application .zip packages and Business Central .app/.zip files. */
  packageBytes: number
  /** Logos and screenshots. */
  imageBytes: number
  /** Description and terms-of-use files read into the listing. */
  textBytes: number
}

export const DEFAULT_LIMITS: FileLimits = {
  /** Documented for Azure application packages (SOURCES.solutionTemplate: "up to 1 Gb" per .zip,
   * and per file inside it); inferred for Business Central apps, for which no size is documented. */
  packageBytes: 1024 * 1024 * 1024,
  /** Inferred: no image file size is documented; a logo or a 1280x720 screenshot is a few hundred
   * KB, so 10 MiB is already a wrong file. */
  imageBytes: 10 * 1024 * 1024,
  /** Inferred: the longest text read from a file takes 10,000 characters (terms of use), at most
   * 40 KB of UTF-8; 1 MiB is read before the character limit says more. */
  textBytes: 1024 * 1024
}

/** Partner Center's logo and screenshot sizes (SOURCES.imageTypes, SOURCES.appListing). The docs
 * also allow a large logo up to 350x350; the API clients upload 216x216, which is what is asked. */
export const IMAGE_SIZES = {
  AzureLogoSmall: { width: 48, height: 48 },
  AzureLogoMedium: { width: 90, height: 90 },
  AzureLogoLarge: { width: 216, height: 216 },
  AzureLogoWide: { width: 255, height: 115 },
  AzureScreenshot: { width: 1280, height: 720 }
} as const

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${bytes} bytes`
}
