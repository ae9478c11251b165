/**
 * The schemas the emulator validates configure resources with: Microsoft's published preview2 set
 * (draft 2020-12) where it exists, inferred ones elsewhere, kinds by version, and the seed's
 * resources valid under them. Plus the order of schema versions that `$version` ceilings rely on.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { RESOURCE_TYPES } from '../../emulator/src/product-ingestion/resource-types.js'
import { readSchemaSet } from '../../emulator/src/product-ingestion/schemas.js'
import {
  compareVersions,
  newestAtOrBelow,
  parseSchemaUri
} from '../../emulator/src/product-ingestion/schema-uri.js'
import {
  createPiHarness,
  resourceSchemas,
  SCHEMA,
  SCHEMA_DIR
} from './product-ingestion-harness.js'

const P2 = '2022-03-01-preview2'
const schemas = resourceSchemas()

describe('published schemas', () => {
  it('are JSON Schema draft 2020-12 copies, and each is used for its own type and version', () => {
    const files = readdirSync(SCHEMA_DIR).filter(f => f.endsWith('.json'))
    expect(files).toHaveLength(15)
    for (const file of files) {
      const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8'))
      expect(schema.$schema).toMatch(/^https:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/)
      const type = file.replace(`-${P2}.json`, '')
      if (type === 'resource-tree') continue
      expect(schemas.isInferred(type, P2)).toBe(false)
    }
  })

  it('are valid under the 2020-12 meta-schema, published and inferred alike', () => {
    // The emulator skips this check at start (it costs a second); it is made here instead.
    const { shared, published, inferred } = readSchemaSet(SCHEMA_DIR)
    const ajv = new Ajv2020({ strict: false })
    const all = [
      ...shared.values(),
      ...published.values(),
      ...[...inferred.values()].map(i => i.schema)
    ]
    expect(all.length).toBeGreaterThan(40)
    for (const schema of all) {
      const { $schema, ...rest } = schema
      expect(String($schema ?? '')).toMatch(
        /^(https:\/\/json-schema\.org\/draft\/2020-12\/schema#?)?$/
      )
      expect({ id: schema.$id, valid: ajv.validateSchema(rest), errors: ajv.errors }).toEqual({
        id: schema.$id,
        valid: true,
        errors: null
      })
    }
  })

  it('has a schema for every type and version the emulator accepts, inferred ones marked', () => {
    for (const [type, { versions }] of Object.entries(RESOURCE_TYPES)) {
      for (const version of versions) {
        expect(schemas.validate(type, version, {})).not.toEqual([])
      }
    }
    expect(
      schemas.isInferred('software-as-a-service-technical-configuration', '2022-03-01-preview3')
    ).toBe(true)
    expect(
      schemas.isInferred('container-plan-technical-configuration', '2022-03-01-preview3')
    ).toBe(true)
    expect(schemas.isInferred('listing', '2022-03-01-preview5')).toBe(true)
  })

  it('knows only the kinds a version describes: preview2 listings are for VMs', () => {
    const listing = (version: string, kind: string) => ({
      $schema: `${SCHEMA}/listing/${version}`,
      product: 'product/0b9c1a3e-52e4-4fb5-9d3e-0f5f8f2d7c11',
      kind,
      languageId: 'en-us',
      title: 'Contoso'
    })
    expect(schemas.validate('listing', P2, listing(P2, 'azureVM'))).toEqual([])
    expect(schemas.validate('listing', P2, listing(P2, 'azureSaaS'))).toEqual([
      'Value "azureSaaS" is not one of "azureVM", "xbox360NonBackCompat" #/kind'
    ])
    expect(
      schemas.validate(
        'listing',
        '2022-03-01-preview3',
        listing('2022-03-01-preview3', 'azureContainer')
      )
    ).toEqual(['Value "azureContainer" is not one of "azureVM", "azureSaaS" #/kind'])
    const container = listing('2022-03-01-preview5', 'azureContainer')
    expect(schemas.validate('listing', '2022-03-01-preview5', container)).toEqual([])
    expect(
      schemas.validate('listing', '2022-03-01-preview5', { ...container, colour: 'red' })
    ).toEqual([
      "Property 'colour' has not been defined and the schema does not allow additional properties #"
    ])
  })

  it('refuses a planted violation of a published schema with the path of the field', () => {
    const techConfig = {
      $schema: `${SCHEMA}/virtual-machine-plan-technical-configuration/${P2}`,
      product: { externalId: 'contoso-vm' },
      plan: { externalId: 'ubuntu-22-04' },
      operatingSystem: { family: 'linux', type: 'ubuntu', friendlyName: 'Ubuntu' },
      skus: [{ imageType: 'x64Gen2', skuId: 'ubuntu-22-04' }],
      vmImageVersions: [
        {
          versionNumber: '1.0',
          vmImages: [
            {
              imageType: 'x64Gen2',
              source: { sourceType: 'sasUri', osDisk: { uri: 'https://a.example/x.vhd' } }
            }
          ]
        }
      ]
    }
    expect(
      schemas.validate('virtual-machine-plan-technical-configuration', P2, techConfig)
    ).toEqual(['Must match pattern "^[0-9]+\\.[0-9]+\\.[0-9]+$" #/vmImageVersions/0/versionNumber'])
  })

  it('requires sources on submission preview7, which cloudpub met when it re-posted a read', () => {
    const body = {
      $schema: `${SCHEMA}/submission/2022-03-01-preview7`,
      product: 'product/x-1',
      target: { targetType: 'preview' }
    }
    expect(schemas.validate('submission', '2022-03-01-preview7', body)).toEqual([
      'Required properties ["sources"] were not present #'
    ])
    expect(
      schemas.validate('submission', P2, { ...body, $schema: `${SCHEMA}/submission/${P2}` })
    ).toEqual([])
  })

  it('validates CNAB references and SaaS technical configuration by their inferred shapes', () => {
    const cnab = {
      $schema: `${SCHEMA}/container-plan-technical-configuration/2022-03-01-preview3`,
      product: 'product/x-1',
      plan: 'plan/x-1/y-2',
      payloadType: 'cnab',
      clusterExtensionType: 'Contoso.EdgeAnalytics',
      cnabReferences: [
        {
          tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
          subscriptionId: '0b1f6471-1bf0-4dda-aec3-cb9272f09590',
          resourceGroupName: 'containers',
          registryName: 'contosoregistry',
          repositoryName: 'contoso/bundle',
          tag: '1.2.0',
          digest: 'sha256:000193bfefde1e9'
        }
      ]
    }
    expect(
      schemas.validate('container-plan-technical-configuration', '2022-03-01-preview3', cnab)
    ).toEqual(['Must match pattern "^sha256:[a-f0-9]{64}$" #/cnabReferences/0/digest'])
    const saas = {
      $schema: `${SCHEMA}/software-as-a-service-technical-configuration/2022-03-01-preview3`,
      product: 'product/x-1',
      landingPageUrl: 'http://contoso.example/landing',
      connectionWebhook: 'https://contoso.example/webhook',
      azureAdTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47'
    }
    expect(
      schemas.validate('software-as-a-service-technical-configuration', '2022-03-01-preview3', saas)
    ).toEqual([
      'Required properties ["azureAdAppId"] were not present #',
      'Must match pattern "^https://" #/landingPageUrl'
    ])
  })

  it('accepts every resource the seed creates, under the version it is stored with', () => {
    const h = createPiHarness()
    const state = h.model.snapshot()
    expect(state.products).toHaveLength(3)
    for (const product of state.products) {
      for (const resource of Object.values(product.draft)) {
        const { type, version } = parseSchemaUri(resource.$schema)!
        expect({ id: resource.id, problems: schemas.validate(type, version, resource) }).toEqual({
          id: resource.id,
          problems: []
        })
      }
    }
  })
})

describe('schema versions', () => {
  it('orders previews of a date before the date itself', () => {
    const versions = [
      '2022-07-01',
      '2022-03-01-preview7',
      '2022-03-01-preview2',
      '2022-03-01-preview10'
    ]
    expect([...versions].sort(compareVersions)).toEqual([
      '2022-03-01-preview2',
      '2022-03-01-preview7',
      '2022-03-01-preview10',
      '2022-07-01'
    ])
    expect(compareVersions('2022-07-01', '2022-07-01')).toBe(0)
  })

  it('picks the newest version at or below a $version ceiling', () => {
    const submission = RESOURCE_TYPES.submission.versions
    expect(newestAtOrBelow(submission, '2022-07-01')).toBe('2022-03-01-preview7')
    expect(newestAtOrBelow(submission, '2022-03-01-preview5')).toBe(P2)
    expect(newestAtOrBelow(['2022-03-01-preview3'], P2)).toBeUndefined()
  })

  it('tells the retired schema host from the current one', () => {
    expect(parseSchemaUri(`${SCHEMA}/plan/${P2}`)).toEqual({
      host: 'current',
      type: 'plan',
      version: P2
    })
    expect(parseSchemaUri(`https://product-ingestion.azureedge.net/schema/plan/${P2}`)?.host).toBe(
      'legacy'
    )
    expect(parseSchemaUri('https://example.com/schema/plan/2022-03-01-preview2')).toBeUndefined()
  })
})
