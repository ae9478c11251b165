/** Routing, parameters and body rules of the emulator's OpenAPI validation. */
import { describe, expect, it } from '@jest/globals'
import { createSpecValidator, type SpecRequest } from '../../emulator/src/validate/spec.js'
import { SPEC_FILE } from './recordings-fixture.js'

const validator = createSpecValidator(SPEC_FILE)

function request(method: string, target: string, body?: unknown, headers = {}): SpecRequest {
  const url = new URL(target, 'http://emulator')
  return { method, path: url.pathname, query: url.searchParams, headers, body }
}

const check = (method: string, target: string, body?: unknown, headers = {}) =>
  validator.validate(request(method, target, body, headers))

describe('routing', () => {
  it('matches path templates case-insensitively', () => {
    const lower = check('PUT', '/products/p/packageconfigurations/c', {
      resourceType: 'AzureSolutionTemplatePackageConfiguration'
    })
    const camel = check('PUT', '/products/p/packageConfigurations/c', {
      resourceType: 'AzureSolutionTemplatePackageConfiguration'
    })
    expect(lower.operation).toBe(
      'PUT /products/{productID}/packageconfigurations/{packageConfigurationID}'
    )
    expect(camel.operation).toBe(lower.operation)
    expect(camel.ok).toBe(true)
  })

  it('prefers path functions over ids and decodes percent-encoded ones', () => {
    const plain = check('GET', '/products/p/listings/getByInstanceID(instanceID=i-1)')
    const encoded = check('GET', '/products/p/listings/getbyinstanceid%28instanceID%3Di-1%29')
    expect(plain.operation).toBe(
      'GET /products/{productID}/listings/getByInstanceID(instanceID={instanceID})'
    )
    expect(encoded.operation).toBe(plain.operation)
    expect(encoded.params).toEqual({ productID: 'p', instanceID: 'i-1' })
  })

  it('accepts getByModule modules case-insensitively, including ResellerConfiguration', () => {
    const reseller = check('GET', '/products/p/branches/getByModule(module=ResellerConfiguration)')
    const lower = check('GET', '/products/p/branches/getByModule(module=availability)')
    expect(reseller.ok).toBe(true)
    expect(lower.ok).toBe(true)
    expect(lower.params?.module).toBe('Availability')
  })

  it('rejects an unknown module, naming the allowed ones', () => {
    const result = check('GET', '/products/p/branches/getByModule(module=Pricing)')
    expect(result.ok).toBe(false)
    expect(result.failure).toBe('invalid-request')
    expect(result.errors[0]).toMatch(
      /^path: module must be one of Listing, .*ResellerConfiguration/
    )
  })

  it('tells an unknown path from a method the path does not allow', () => {
    const unknown = check('GET', '/products/p/pricing')
    const wrongMethod = check('PATCH', '/products/p')
    expect(unknown).toMatchObject({ ok: false, failure: 'unknown-path' })
    expect(wrongMethod).toMatchObject({ ok: false, failure: 'method-not-allowed' })
    expect(wrongMethod.errors[0]).toBe(
      'method: PATCH is not allowed on /products/{productID} (allowed: GET, DELETE)'
    )
  })

  it('rejects an empty path parameter', () => {
    const result = check('GET', '/products/p/branches/getByModule(module=)')
    expect(result.errors).toEqual(['path: parameter module must not be empty (rule: required)'])
  })
})

describe('query and header parameters', () => {
  it('accepts the declared OData options and $skipToken on any collection', () => {
    expect(check('GET', "/products?$filter=ResourceType eq 'AzureApplication'").ok).toBe(true)
    expect(check('GET', '/products/p/variants?$skipToken=abc').ok).toBe(true)
    expect(check('GET', '/products/p/submissions?$skipToken=abc').ok).toBe(true)
    expect(check('GET', '/products/p/listings/l/images?$expand=FileSasUri').ok).toBe(true)
  })

  it('rejects an unsupported OData option and ignores other query names', () => {
    const top = check('GET', '/products?$top=5')
    expect(top.errors).toEqual([
      'query: $top is not supported by GET /products (supported: $filter, $skipToken)'
    ])
    expect(check('GET', '/products/p/submissions?state=InProgress').ok).toBe(true)
  })

  it('requires If-Match where the service does, but not on package configurations', () => {
    const listing = { resourceType: 'AzureListing', title: 't' }
    expect(check('PUT', '/products/p/listings/l', listing).errors).toEqual([
      'header: If-Match is required by PUT /products/{productID}/listings/{listingID} (rule: required)'
    ])
    expect(check('PUT', '/products/p/listings/l', listing, { 'if-match': '*' }).ok).toBe(true)
    const configuration = {
      resourceType: 'AzureSolutionTemplatePackageConfiguration',
      version: '1.0.0',
      packageReferences: [{ type: 'AzureApplicationPackage', value: 'k' }]
    }
    expect(check('PUT', '/products/p/packageconfigurations/c', configuration).ok).toBe(true)
  })

  it('never requires Authorization itself (the auth layer checks it)', () => {
    expect(check('GET', '/products/p').ok).toBe(true)
  })
})

describe('request bodies', () => {
  it('accepts the bodies of the GA and BC sequences', () => {
    const accepted: [string, string, unknown][] = [
      [
        'POST',
        '/products/p/packages',
        { resourceType: 'AzureApplicationPackage', fileName: 'app.zip' }
      ],
      [
        'PUT',
        '/products/p/packages/k',
        { resourceType: 'AzureApplicationPackage', fileName: 'app.zip', State: 'Uploaded', id: 'k' }
      ],
      [
        'POST',
        '/products/p/packages',
        {
          resourceType: 'Dynamics365BusinessCentralAddOnExtensionPackage',
          fileName: 'Pub_App_1.2.3.4.app'
        }
      ],
      [
        'POST',
        '/products/p/submissions',
        {
          resourceType: 'SubmissionCreationRequest',
          targets: [{ type: 'Scope', value: 'Preview' }],
          resources: [{ type: 'Package', value: 'draft' }],
          variantResources: [{ variantID: 'v', resources: [{ type: 'Listing', value: 'd' }] }],
          publishOption: { releaseTimeInUtc: null, isManualPublish: true, isAutoPromote: false }
        }
      ],
      [
        'POST',
        '/products/p/setup',
        { resourceType: 'AzureProductSetup', sellingOption: 'ListAndSell' }
      ],
      [
        'POST',
        '/products',
        {
          resourceType: 'SoftwareAsAService',
          name: 'n',
          externalIDs: [{ type: 'AzureOfferId', value: 'n' }]
        }
      ],
      [
        'POST',
        '/products/p/resellerConfiguration',
        { resourceType: 'ResellerConfiguration', resellerChannelState: 'Disabled', tenantIds: [] }
      ]
    ]
    for (const [method, path, body] of accepted) {
      expect({ path, errors: check(method, path, body).errors }).toEqual({ path, errors: [] })
    }
  })

  it('names the JSON pointer and the rule of a wrong type', () => {
    const result = check(
      'PUT',
      '/products/p/listings/l/images/i',
      {
        resourceType: 'ListingImage',
        order: 'first'
      },
      { 'If-Match': '*' }
    )
    expect(result.errors).toEqual(['body /order: must be of type integer (rule: type)'])
  })

  it('rejects a wrong enum value with the allowed values', () => {
    const result = check('PUT', '/products/p/packages/k', {
      resourceType: 'AzureApplicationPackage',
      state: 'Done'
    })
    expect(result.errors).toEqual([
      'body /state: must be one of PendingUpload, Uploaded, InProcessing, Processed, ProcessFailed (rule: enum)'
    ])
  })

  it('chooses the oneOf branch by resourceType and validates against it', () => {
    const result = check('PUT', '/products/p/packageconfigurations/c', {
      resourceType: 'AzureManagedApplicationPackageConfiguration',
      allowJitAccess: 'yes',
      publicAzureAuthorizations: [{ principalID: 'x', roleDefinitionID: 'y' }]
    })
    expect(result.errors).toEqual(['body /allowJitAccess: must be of type boolean (rule: type)'])
  })

  it('requires a known resourceType where the body is polymorphic', () => {
    expect(check('POST', '/products/p/variants', { friendlyName: 'x' }).errors).toEqual([
      'body /: must have the property resourceType (rule: required)'
    ])
    expect(check('POST', '/products/p/variants', { resourceType: 'Plan' }).errors).toEqual([
      'body /resourceType: must be one of AzureSkuVariant, AzureTestDriveVariant (rule: enum)'
    ])
  })

  it('allows properties the spec does not name (schemas are open)', () => {
    const body = { resourceType: 'AzureListing', title: 't', somethingNew: { a: 1 } }
    expect(check('PUT', '/products/p/listings/l', body, { 'If-Match': '*' }).ok).toBe(true)
  })

  it('checks nullable, int32, long and date-time formats', () => {
    const image = (order: unknown) =>
      check('POST', '/products/p/listings/l/images', { resourceType: 'ListingImage', order })
    expect(image(2 ** 31).errors).toEqual(['body /order: must match format "int32" (rule: format)'])
    expect(image('first').errors).toEqual(['body /order: must be of type integer (rule: type)'])
    // null is absent (leniency null-as-absent), not a wrong type
    expect(image(null)).toMatchObject({ ok: true, leniencies: [{ rule: 'null-as-absent' }] })
    const pkg = (fileSize: unknown) =>
      check('POST', '/products/p/packages', { resourceType: 'AzureApplicationPackage', fileSize })
    expect(pkg(null).ok).toBe(true)
    expect(pkg(1.5).errors).toEqual(['body /fileSize: must match format "long" (rule: format)'])
    const submit = (releaseTimeInUtc: unknown) =>
      check('POST', '/products/p/submissions', {
        resourceType: 'SubmissionCreationRequest',
        publishOption: { releaseTimeInUtc }
      })
    expect(submit('2026-12-01T10:00:00Z').ok).toBe(true)
    expect(submit('2026-12-01T10:00:00').ok).toBe(true)
    expect(submit('next tuesday').errors).toEqual([
      'body /publishOption/releaseTimeInUtc: must match format "date-time" (rule: format)'
    ])
  })

  it('requires a body where the operation declares one', () => {
    expect(check('POST', '/products/p/packages').errors).toEqual([
      'body: POST /products/{productID}/packages needs a JSON body (rule: requestBody)'
    ])
    expect(check('POST', '/products/p/submissions/s/promote').ok).toBe(true)
  })
})

describe('deviations', () => {
  const raw = createSpecValidator(SPEC_FILE, { deviations: [] })

  it('are what make the recorded service behaviour valid', () => {
    const saas = request('POST', '/products', { resourceType: 'SoftwareAsAService', name: 'n' })
    expect(raw.validate(saas).ok).toBe(false)
    expect(validator.validate(saas).ok).toBe(true)

    const reseller = request(
      'GET',
      '/products/p/branches/getByModule(module=ResellerConfiguration)'
    )
    expect(raw.validate(reseller).ok).toBe(true) // the raw spec has no enum at all
    expect(validator.validate(reseller).params?.module).toBe('ResellerConfiguration')

    const config = request('PUT', '/products/p/packageconfigurations/c', {
      resourceType: 'AzureSolutionTemplatePackageConfiguration'
    })
    expect(raw.validate(config).ok).toBe(false)
    expect(validator.validate(config).ok).toBe(true)
  })
})
