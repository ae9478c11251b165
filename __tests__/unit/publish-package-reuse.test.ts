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
      'AzureApplicationPackage',
      '1.2.3'
    )
    expect(found?.id).toBe('b')
  })

  it('takes the last listed among packages in the same state', () => {
    expect(
      findReusablePackage(
        [pkg('a', 'Processed'), pkg('b', 'Processed')],
        file,
        'AzureApplicationPackage',
        '1.2.3'
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
    expect(findReusablePackage(packages, file, 'AzureApplicationPackage', '1.2.3')).toBeUndefined()
  })

  it('reuses a pending package whatever size it reports, since nothing was uploaded into it yet', () => {
    expect(
      findReusablePackage(
        [pkg('a', 'PendingUpload', { fileSize: 0 })],
        file,
        'AzureApplicationPackage',
        '1.2.3'
      )?.id
    ).toBe('a')
  })

  it('never reuses uploaded bytes under a file name without the version: they may be an older build', () => {
    const unversioned = { name: 'app.zip', size: 100 }
    const packages = [
      pkg('a', 'Processed', { fileName: 'app.zip' }),
      pkg('b', 'InProcessing', { fileName: 'app.zip', fileSize: 100 })
    ]
    expect(
      findReusablePackage(packages, unversioned, 'AzureApplicationPackage', '1.2.3')
    ).toBeUndefined()
    const pending = [...packages, pkg('c', 'PendingUpload', { fileName: 'app.zip' })]
    expect(findReusablePackage(pending, unversioned, 'AzureApplicationPackage', '1.2.3')?.id).toBe(
      'c'
    )
  })
})
