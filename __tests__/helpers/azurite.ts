/**
 * A throwaway Azurite blob service for tests: in memory, on a free loopback port, one container,
 * and blob SAS URLs signed with Azurite's well-known development key.
 */
import {
  BlobSASPermissions,
  BlobServiceClient,
  SASProtocol,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters
} from '@azure/storage-blob'
import {
  DEV_ACCOUNT,
  DEV_ACCOUNT_KEY,
  startAzurite as startAzuriteProcess
} from '../../emulator/src/blob/azurite.js'

export interface Azurite {
  /** `http://127.0.0.1:<port>/devstoreaccount1` */
  accountUrl: string
  /** A blob SAS URL for `blobName` in `container` with the given permissions (e.g. `cw`, `r`). */
  sasUrl(container: string, blobName: string, permissions: string): string
  createContainer(name: string): Promise<void>
  download(container: string, blobName: string): Promise<Buffer>
  stop(): Promise<void>
}

export async function startAzurite(): Promise<Azurite> {
  // Azurite then also checks that the storage versions we send (the uploader's x-ms-version,
  // @azure/storage-blob's) are ones it knows.
  const azurite = await startAzuriteProcess({ host: '127.0.0.1', checkApiVersion: true })
  const accountUrl = `${azurite.origin}/${DEV_ACCOUNT}`
  const credential = new StorageSharedKeyCredential(DEV_ACCOUNT, DEV_ACCOUNT_KEY)
  const service = new BlobServiceClient(accountUrl, credential)

  return {
    accountUrl,
    sasUrl(container, blobName, permissions) {
      const query = generateBlobSASQueryParameters(
        {
          containerName: container,
          blobName,
          permissions: BlobSASPermissions.parse(permissions),
          startsOn: new Date(Date.now() - 60_000),
          expiresOn: new Date(Date.now() + 3_600_000),
          protocol: SASProtocol.HttpsAndHttp
        },
        credential
      ).toString()
      return `${accountUrl}/${container}/${blobName}?${query}`
    },
    async createContainer(name) {
      await service.getContainerClient(name).createIfNotExists()
    },
    async download(container, blobName) {
      return service.getContainerClient(container).getBlobClient(blobName).downloadToBuffer()
    },
    stop: () => azurite.stop()
  }
}
