import { describe, expect, it } from '@jest/globals'
import { findReusablePackage } from '../../src/publish/package-reuse.js'
import type { Package } from '../../src/ingestion/types.js'

const file = { name: 'app-1.2.3.zip', size: 100 }
function pkg(id: string, state: Package['state'], overrides: Partial<Package> = {}): Package {
  return {
    resourceType: 'AzureApplicationPackage',
    fileName: 'app-1.2.3.zip',
    state,
    id,
    ...overrides
  }
}

describe('findReusablePackage', () => {
  it('prefers a processed package over one still processing or pending', () => {
    const found = findReusablePackage(
      [pkg('a', 'PendingUpload'), pkg('b', 'Processed'), pkg('c', 'InProcessing')],
      file,
      'AzureApplicationPackage'
    )
    expect(found?.id).toBe('b')
  })

  it('takes the last listed among packages in the same state', () => {
    expect(
      findReusablePackage(
        [pkg('a', 'Processed'), pkg('b', 'Processed')],
        file,
        'AzureApplicationPackage'
      )?.id
    ).toBe('b')
  })

  it('ignores failed packages, other file names, other types and other sizes', () => {
    const packages = [
      pkg('a', 'ProcessFailed'),
      pkg('b', 'Processed', { fileName: 'app-1.2.2.zip' }),
      pkg('c', 'Processed', { resourceType: 'Dynamics365BusinessCentralAddOnExtensionPackage' }),
      pkg('d', 'Processed', { fileSize: 99 })
    ]
    expect(findReusablePackage(packages, file, 'AzureApplicationPackage')).toBeUndefined()
  })

  it('reuses a pending package whatever size it reports, since nothing was uploaded into it yet', () => {
    expect(
      findReusablePackage(
        [pkg('a', 'PendingUpload', { fileSize: 0 })],
        file,
        'AzureApplicationPackage'
      )?.id
    ).toBe('a')
  })
})
