/**
 * The hand-made blob SAS: for permissions the Azure SDK accepts it must sign exactly like the
 * SDK in each string-to-sign layout; `sp=rwl` (which the SDK refuses on a blob) is checked
 * against Azurite in blob-store.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import {
  BlobSASPermissions,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters
} from '@azure/storage-blob'
import { readBackQuery, signBlobSas, uploadQuery } from '../../emulator/src/blob/sas.js'
import { DEV_ACCOUNT, DEV_ACCOUNT_KEY } from '../../emulator/src/blob/azurite.js'

const expiresOn = new Date('2026-11-25T16:30:00Z')
const request = (version: string, permissions: string) => ({
  account: DEV_ACCOUNT,
  accountKey: DEV_ACCOUNT_KEY,
  container: 'file',
  blob: 'pkgfile-1',
  permissions,
  expiresOn,
  version
})

describe('signBlobSas', () => {
  it.each(['2015-04-05', '2018-03-28', '2019-02-02', '2020-02-10', '2021-08-06'])(
    'signs like the Azure SDK for version %s',
    version => {
      const sdk = generateBlobSASQueryParameters(
        {
          containerName: 'file',
          blobName: 'pkgfile-1',
          permissions: BlobSASPermissions.parse('rw'),
          expiresOn,
          version
        },
        new StorageSharedKeyCredential(DEV_ACCOUNT, DEV_ACCOUNT_KEY)
      )
      expect(signBlobSas(request(version, 'rw')).signature).toBe(sdk.signature)
    }
  )

  it('writes the upload query in the recorded order with upper-case escapes', () => {
    const sas = signBlobSas(request('2018-03-28', 'rwl'))
    expect(uploadQuery(sas)).toBe(
      `sv=2018-03-28&sr=b&sig=${encodeURIComponent(sas.signature)}&se=2026-11-25T16%3A30%3A00Z&sp=rwl`
    )
  })

  it('writes the read-back query with the issue time first and lower-case escapes', () => {
    const sas = signBlobSas(request('2018-03-28', 'rl'))
    const query = readBackQuery(sas, new Date('2026-11-24T08:15:07Z'))
    expect(query.startsWith('11%2f24%2f2026+08%3a15%3a07&sv=2018-03-28&sr=b&sig=')).toBe(true)
    expect(query.endsWith('&se=2026-11-25T16%3a30%3a00Z&sp=rl')).toBe(true)
    expect(new URLSearchParams(query).get('sig')).toBe(sas.signature)
  })
})
