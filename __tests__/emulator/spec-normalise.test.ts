/** Case-insensitive input binding: what the routes receive after validation. */
import { describe, expect, it } from '@jest/globals'
import { createSpecValidator } from '../../emulator/src/validate/spec.js'
import { SPEC_FILE } from './recordings-fixture.js'

const validator = createSpecValidator(SPEC_FILE)

function bind(method: string, path: string, body: unknown, headers = { 'If-Match': '*' }) {
  const result = validator.validate({ method, path, query: new URLSearchParams(), headers, body })
  expect(result.errors).toEqual([])
  return result.body
}

describe('case-insensitive binding of request bodies', () => {
  it('renames GA-style capitalised names to the spec spelling', () => {
    expect(
      bind('PUT', '/products/p/packages/k', {
        ResourceType: 'AzureApplicationPackage',
        State: 'Uploaded',
        ID: 'k',
        FILENAME: 'app.zip'
      })
    ).toEqual({
      resourceType: 'AzureApplicationPackage',
      state: 'Uploaded',
      id: 'k',
      fileName: 'app.zip'
    })
  })

  it('binds inside arrays and nested objects, following the chosen oneOf branch', () => {
    expect(
      bind('PUT', '/products/p/packageconfigurations/c', {
        resourceType: 'AzureManagedApplicationPackageConfiguration',
        PublicAzureTenantId: 't',
        PublicAzureAuthorizations: [{ PrincipalId: 'p', RoleDefinitionId: 'r' }],
        PackageReferences: [{ Type: 'AzureApplicationPackage', Value: 'k' }]
      })
    ).toEqual({
      resourceType: 'AzureManagedApplicationPackageConfiguration',
      publicAzureTenantID: 't',
      publicAzureAuthorizations: [{ principalID: 'p', roleDefinitionID: 'r' }],
      packageReferences: [{ type: 'AzureApplicationPackage', value: 'k' }]
    })
  })

  it('prefers the reply spelling externalIDs when both spellings exist', () => {
    const ids = [{ type: 'AzureOfferId', value: 'o' }]
    for (const spelling of ['externalIds', 'ExternalIDs', 'externalids']) {
      const body = bind('POST', '/products', { resourceType: 'AzureApplication', [spelling]: ids })
      expect(body).toEqual({ resourceType: 'AzureApplication', externalIDs: ids })
    }
  })

  it('binds enum values to their spec spelling', () => {
    expect(
      bind('POST', '/products/p/variants', {
        resourceType: 'azureskuvariant',
        state: 'ACTIVE',
        SubType: 'managed-application'
      })
    ).toEqual({ resourceType: 'AzureSkuVariant', state: 'Active', subType: 'managed-application' })
  })

  it('keeps unknown properties, and the later of two spellings wins as in JSON binders', () => {
    const listing = (first: object, second: object) =>
      bind('PUT', '/products/p/listings/l', {
        resourceType: 'AzureListing',
        ...first,
        ...second,
        extra: 1
      })
    expect(listing({ title: 'a' }, { Title: 'b' })).toEqual({
      resourceType: 'AzureListing',
      title: 'b',
      extra: 1
    })
    expect(listing({ Title: 'a' }, { title: 'b' })).toEqual({
      resourceType: 'AzureListing',
      title: 'b',
      extra: 1
    })
  })

  it('leaves the input object untouched', () => {
    const input = { resourceType: 'AzureApplicationPackage', State: 'Uploaded' }
    bind('PUT', '/products/p/packages/k', input)
    expect(input).toEqual({ resourceType: 'AzureApplicationPackage', State: 'Uploaded' })
  })

  it('can bind enum values case-sensitively instead', () => {
    const strict = createSpecValidator(SPEC_FILE, { caseInsensitiveEnums: false })
    const result = strict.validate({
      method: 'PUT',
      path: '/products/p/packages/k',
      query: new URLSearchParams(),
      headers: {},
      body: { resourceType: 'AzureApplicationPackage', state: 'uploaded' }
    })
    expect(result.ok).toBe(false)
  })
})
