/**
 * INFERRED schemas for the type versions Microsoft never published a copy of (only the preview2,
 * VM-oriented set is public: product-ingestion.md §11 q8). Each is derived from the published
 * preview2 schema of its type where one exists, changed only as far as the evidence goes, and the
 * rest follows the shapes in product-ingestion-catalogue.md and the docs samples. Every entry says
 * what it is based on; `$comment` marks each schema as inferred.
 *
 * Where the evidence is loose the schemas take the stricter reading (required fields, closed
 * objects, real digests), so a client that passes here is not refused by the service for it.
 */
import type { SchemaObject } from 'ajv'
import { schemaUri } from './schema-uri.js'

type Schema = SchemaObject

const P2 = '2022-03-01-preview2'
const SHARED = 'https://product-ingestion.azureedge.net/schema'
const shared = (name: string): Schema => ({ $ref: `${SHARED}/${name}/${P2}` })
const REFERENCE = shared('resource-reference')
const GUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
/** The keys every resource may carry besides its own (the published kinds list them the same way). */
const RESOURCE_KEYS = { $schema: {}, id: {}, resourceName: {}, validations: {} }

/** `published` holds the published schemas by `type/version`, with their shared `$defs` removed. */
export function inferredSchemas(
  published: ReadonlyMap<string, Schema>
): Map<string, { schema: Schema; basis: string }> {
  const base = (type: string): Schema => {
    const schema = published.get(`${type}/${P2}`)
    if (!schema) throw new Error(`the published ${type}/${P2} schema is missing`)
    return structuredClone(schema)
  }
  const inferred = new Map<string, { schema: Schema; basis: string }>()
  const add = (type: string, version: string, basis: string, schema: Schema): void => {
    schema.$id = schemaUri(type, version)
    schema.$comment = `INFERRED by the emulator, not published by Microsoft: ${basis}`
    inferred.set(`${type}/${version}`, { schema, basis })
  }

  // Same fields as preview2 at the later versions the docs and clients post (§3.5).
  for (const [type, versions] of [
    ['product', ['2022-03-01-preview3', '2022-07-01']],
    ['plan', ['2022-03-01-preview3', '2022-07-01']],
    ['listing-asset', ['2022-03-01-preview3', '2022-03-01-preview5']],
    ['listing-trailer', ['2022-03-01-preview3', '2022-03-01-preview5']],
    ['price-and-availability-offer', ['2022-03-01-preview3']],
    ['customer-leads', ['2022-03-01-preview3']]
  ] as const) {
    for (const version of versions) {
      add(type, version, `the published ${type}/${P2}, unchanged`, base(type))
    }
  }

  // SaaS arrived with preview3 and containers with preview4 (docs changelog), so the listing,
  // property and plan-listing kinds grow with the version; the fields are preview2's (VM).
  const kindsAt = {
    '2022-03-01-preview3': ['azureVM', 'azureSaaS'],
    '2022-03-01-preview5': ['azureVM', 'azureSaaS', 'azureContainer']
  } as const
  for (const [version, kinds] of Object.entries(kindsAt)) {
    add(
      'listing',
      version,
      `listing/${P2} azureVirtualMachine fields for kinds ${kinds.join(', ')}`,
      withKinds(base('listing'), 'azureVirtualMachine', kinds)
    )
    add(
      'plan-listing',
      version,
      `plan-listing/${P2} fields for kinds ${kinds.map(k => `${k}-plan`).join(', ')}`,
      withKinds(
        base('plan-listing'),
        'azureVirtualMachinePlan',
        kinds.map(k => `${k}-plan`)
      )
    )
    const property = withKinds(base('property'), 'azureVirtualMachineProperty', kinds)
    if (version === '2022-03-01-preview5') {
      // The docs' preview5 table: "categories and industries … your app version".
      for (const def of Object.values(property.$defs as Record<string, Schema>)) {
        if (!def.properties?.kind) continue
        def.properties.industries = { type: 'object' }
        def.properties.appVersion = { type: 'string' }
      }
    }
    add(
      'property',
      version,
      `property/${P2} fields (preview5: + industries, appVersion) for kinds ${kinds.join(', ')}`,
      property
    )
  }

  const plan = base('price-and-availability-plan')
  planProperties(plan).pricing = { oneOf: [shared('price-and-availability-price'), SAAS_PRICING] }
  add(
    'price-and-availability-plan',
    '2022-03-01-preview4',
    `price-and-availability-plan/${P2}, pricing either the VM core price or the SaaS recurrent price of the catalogue §5.2 and the private-offer docs`,
    plan
  )

  add(
    'virtual-machine-plan-technical-configuration',
    '2022-03-01-preview3',
    `virtual-machine-plan-technical-configuration/${P2}; operatingSystem.friendlyName optional (gha posts preview3 without it)`,
    vmTechnicalConfiguration(base('virtual-machine-plan-technical-configuration'), false)
  )
  add(
    'virtual-machine-plan-technical-configuration',
    '2022-03-01-preview5',
    `preview3 plus imageType arm64Gen2, up to 3 SKUs and images, sku.securityType (cloudpub's preview5 bodies)`,
    vmTechnicalConfiguration(base('virtual-machine-plan-technical-configuration'), true)
  )

  const submission = base('submission')
  const submissionFields = submission.allOf[1] as Schema
  submissionFields.properties.sources = {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['module'],
      properties: {
        module: { enum: SUBMISSION_MODULES },
        branch: { type: 'string', default: 'main' }
      }
    }
  }
  submissionFields.required = [...submissionFields.required, 'sources']
  add(
    'submission',
    '2022-03-01-preview7',
    `submission/${P2} plus the required \`sources\` (cloudpub 956d629: "Required properties ["sources"] were not present")`,
    submission
  )

  add(
    'commercial-marketplace-setup',
    P2,
    'the docs samples for SaaS and containers (fields product, sellThroughMicrosoft, useMicrosoftLicenseManagementService)',
    resource(
      {
        product: REFERENCE,
        sellThroughMicrosoft: { type: 'boolean' },
        useMicrosoftLicenseManagementService: { type: 'boolean' }
      },
      ['product', 'sellThroughMicrosoft']
    )
  )
  add(
    'software-as-a-service-technical-configuration',
    '2022-03-01-preview3',
    'the catalogue §5.2 fields of the SaaS technical configuration (landing page, connection webhook, Entra tenant and app ids)',
    resource(
      {
        product: REFERENCE,
        landingPageUrl: { type: 'string', pattern: '^https://' },
        connectionWebhook: { type: 'string', pattern: '^https://' },
        azureAdTenantId: { type: 'string', pattern: GUID },
        azureAdAppId: { type: 'string', pattern: GUID }
      },
      ['product', 'landingPageUrl', 'connectionWebhook', 'azureAdTenantId', 'azureAdAppId']
    )
  )
  add(
    'container-plan-technical-configuration',
    '2022-03-01-preview3',
    'the cli extension model (ImageRepositoryDetails, CnabReference) and the containers docs; name patterns are ACR and OCI rules',
    containerTechnicalConfiguration()
  )
  return inferred
}

/** The submission `sources` modules quoted in cloudpub 956d629 (§3.5). */
const SUBMISSION_MODULES = [
  'ageRating',
  'availability',
  'listing',
  'package',
  'plans',
  'property',
  'resell',
  'supplementalContent',
  'xbox',
  'xboxMetadata'
]

const SAAS_PRICE = {
  type: 'object',
  additionalProperties: false,
  required: ['billingTerm', 'pricePerPaymentInUsd'],
  properties: {
    billingTerm: { $ref: '#/$defs/term' },
    paymentOption: { $ref: '#/$defs/term' },
    pricePerPaymentInUsd: { type: 'number', minimum: 0 }
  }
}

const SAAS_PRICING: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['recurrentPrice'],
  properties: {
    recurrentPrice: {
      type: 'object',
      additionalProperties: false,
      required: ['priceInputOption', 'recurrentPriceMode', 'prices'],
      properties: {
        priceInputOption: { const: 'usd' },
        recurrentPriceMode: { enum: ['flatRate', 'perUser'] },
        userLimits: {
          type: 'object',
          additionalProperties: false,
          required: ['min', 'max'],
          properties: {
            min: { type: 'integer', minimum: 1 },
            max: { type: 'integer', minimum: 1 }
          }
        },
        prices: { type: 'array', minItems: 1, items: SAAS_PRICE }
      }
    },
    customMeters: {
      type: 'object',
      additionalProperties: false,
      required: ['priceInputOption', 'meters'],
      properties: {
        priceInputOption: { const: 'usd' },
        meters: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            required: ['pricePerPaymentInUsd'],
            properties: {
              pricePerPaymentInUsd: { type: 'number', minimum: 0 },
              includedQuantities: { type: 'array' }
            }
          }
        }
      }
    }
  }
}

/** A resource object: the base resource schema plus these closed properties. */
function resource(properties: Record<string, Schema>, required: string[]): Schema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    allOf: [shared('resource'), closed(properties, required)]
  }
}

function closed(properties: Record<string, Schema>, required: string[]): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    required,
    properties: { ...RESOURCE_KEYS, lifecycleState: LIFECYCLE, ...properties }
  }
}

const LIFECYCLE = { enum: ['generallyAvailable', 'deprecated', 'deleted'] }

/** Replaces the schema's one-kind `oneOf` with one branch per kind, each a copy of `defName`. */
function withKinds(schema: Schema, defName: string, kinds: readonly string[]): Schema {
  const defs = schema.$defs as Record<string, Schema>
  const template = defs[defName]
  const branches = kinds.map(kind => {
    const name = `kind-${kind}`
    defs[name] = { ...template, properties: { ...template.properties } }
    defs[name].properties.kind = { const: kind }
    return { $ref: `#/$defs/${name}` }
  })
  ;(schema.allOf[1] as Schema).oneOf = branches
  return schema
}

function planProperties(schema: Schema): Record<string, Schema> {
  schema.$defs = { ...schema.$defs, term: TERM }
  return (schema.allOf[1] as Schema).properties
}

const TERM = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'value'],
  properties: { type: { enum: ['month', 'year'] }, value: { type: 'integer', minimum: 1 } }
}

function vmTechnicalConfiguration(schema: Schema, preview5: boolean): Schema {
  const defs = schema.$defs as Record<string, Schema>
  const fields = (schema.allOf[1] as Schema).properties as Record<string, Schema>
  defs.operatingSystem = relaxedOperatingSystem()
  fields.operatingSystem = { $ref: '#/$defs/operatingSystem' }
  if (!preview5) return schema
  defs.imageType = { enum: ['x64Gen1', 'x64Gen2', 'arm64Gen2'] }
  fields.skus.maxItems = 3
  defs.vmImageVersion.properties.vmImages.maxItems = 3
  // ["trusted"] or ["trusted", "confidential"] (§5.3).
  defs.sku.properties.securityType = {
    type: 'array',
    minItems: 1,
    prefixItems: [{ const: 'trusted' }, { const: 'confidential' }],
    items: false
  }
  return schema
}

/** The preview2 operating-system schema without `friendlyName` among the required fields. */
function relaxedOperatingSystem(): Schema {
  const os = (family: string, types: string[]): Schema => ({
    additionalProperties: false,
    properties: {
      family: { const: family },
      friendlyName: { type: 'string', minLength: 1, maxLength: 100 },
      type: { type: 'string', enum: types }
    }
  })
  return {
    type: 'object',
    required: ['family', 'type'],
    oneOf: [
      os('windows', [
        'windowsServer2008R2',
        'windowsServer2012',
        'windowsServer2012R2',
        'windowsServer2012R2Datacenter',
        'windowsServer2016',
        'windowsServer2019',
        'windowsServer2022',
        'windowsServer2022DatacenterAzureEdition',
        'windowsServerVersion20H2',
        'windowsServerVersion2004',
        'other'
      ]),
      os('linux', [
        'debian',
        'centos',
        'openSolaris',
        'redHat',
        'ubuntu',
        'suse',
        'cblMariner',
        'oracleLinux',
        'other'
      ])
    ]
  }
}

function containerTechnicalConfiguration(): Schema {
  const text = (pattern: string): Schema => ({ type: 'string', pattern })
  const cnabReference = {
    type: 'object',
    additionalProperties: false,
    required: [
      'tenantId',
      'subscriptionId',
      'resourceGroupName',
      'registryName',
      'repositoryName',
      'tag',
      'digest'
    ],
    properties: {
      tenantId: text(GUID),
      subscriptionId: text(GUID),
      resourceGroupName: text('^[-\\w._()]{1,90}$'),
      // ACR registry names: 5–50 alphanumerics.
      registryName: text('^[a-zA-Z0-9]{5,50}$'),
      // OCI repository and tag grammar; a digest is sha256 over 64 hex digits.
      repositoryName: text('^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$'),
      tag: text('^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$'),
      digest: text('^sha256:[a-f0-9]{64}$')
    }
  }
  const base = {
    product: REFERENCE,
    plan: REFERENCE,
    payloadType: { enum: ['image', 'cnab'] }
  }
  const cnab = closed(
    {
      ...base,
      payloadType: { const: 'cnab' },
      // 'PublisherName.ApplicationName' (docs); cloudpub's real value is 'suse.neuvector-prime-llc'.
      clusterExtensionType: text('^[A-Za-z0-9][A-Za-z0-9-]*(\\.[A-Za-z0-9][A-Za-z0-9-]*)+$'),
      cnabReferences: { type: 'array', minItems: 1, items: cnabReference }
    },
    ['product', 'plan', 'payloadType', 'clusterExtensionType', 'cnabReferences']
  )
  const image = closed(
    {
      ...base,
      payloadType: { const: 'image' },
      imageRepositoryDetails: {
        type: 'object',
        additionalProperties: false,
        required: ['subscriptionId', 'resourceGroupName', 'registryName', 'repositoryName'],
        properties: {
          subscriptionId: text(GUID),
          resourceGroupName: text('^[-\\w._()]{1,90}$'),
          registryName: text('^[a-zA-Z0-9]{5,50}$'),
          userName: { type: 'string' },
          password: { type: 'string' },
          repositoryName: { type: 'string', minLength: 1 }
        }
      },
      imageTags: { type: 'array', minItems: 1, maxItems: 16, items: { type: 'string' } }
    },
    ['product', 'plan', 'payloadType', 'imageRepositoryDetails', 'imageTags']
  )
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    allOf: [shared('resource'), { oneOf: [cnab, image] }]
  }
}
