/**
 * The emulator's blob store: Azurite behind a blob front that looks like the service's upload
 * host. It issues the SAS URIs the Ingestion API returns in `fileSasUri` and checks what was
 * uploaded when a package or image is set to `Uploaded`.
 */
import { randomUUID } from 'node:crypto'
import { BlobServiceClient, RestError, StorageSharedKeyCredential } from '@azure/storage-blob'
import { DEV_ACCOUNT, DEV_ACCOUNT_KEY, startAzurite } from './azurite.js'
import { startBlobFront } from './front.js'
import { readBackQuery, signBlobSas, uploadQuery } from './sas.js'
import { validateFile, type FileKind, type ValidationItem } from './validate.js'

export type { FileKind, ValidationItem } from './validate.js'

/** The container the service's upload URIs name (`…/file/<blob>`). */
export const CONTAINER = 'file'

const HOUR_MS = 3_600_000
/** Recorded: the upload SAS expires 24 h 15 min after issue, the read-back SAS 8 h 15 min. */
const UPLOAD_SAS_LIFETIME_MS = 24.25 * HOUR_MS
const READ_BACK_SAS_LIFETIME_MS = 8.25 * HOUR_MS

export interface BlobStore {
  /** The upload host, e.g. `http://127.0.0.1:40123`; separate from the API's origin. */
  frontOrigin: string
  /** Azurite's process id (tests check that `stop()` ends it). */
  azuritePid: number
  /** A fresh blob name and its write SAS URI (`sp=rwl`, expires in about 24 h). */
  issueUpload(): { blobName: string; uri: string }
  /** The read-only SAS URI (`sp=rl`, about 8 h) that PUT `Uploaded` puts in `fileSasUri`. */
  readOnlyUri(blobName: string): string
  /** [] when the uploaded file is acceptable. */
  validate(blobName: string, kind: FileKind): Promise<ValidationItem[]>
  /** Every SAS `sig` issued, so leak tests can look for them in logs. */
  issuedSignatures(): string[]
  stop(): Promise<void>
}

export async function startBlobStore(o: {
  host?: string
  sasVersion: string
  /** The blob front judges size limits by `sasVersion` even when `x-ms-version` is sent. */
  ignoreVersionHeader?: boolean
  /** A folder to persist blobs in; in memory when absent. */
  location?: string
  /** Dates SAS URIs. Azurite checks their expiry against the real clock: keep it near that. */
  now: () => number
}): Promise<BlobStore> {
  const host = o.host ?? '127.0.0.1'
  const azurite = await startAzurite({ host, location: o.location })
  try {
    const credential = new StorageSharedKeyCredential(DEV_ACCOUNT, DEV_ACCOUNT_KEY)
    const service = new BlobServiceClient(`${azurite.origin}/${DEV_ACCOUNT}`, credential)
    const container = service.getContainerClient(CONTAINER)
    await container.createIfNotExists()
    const front = await startBlobFront({
      host,
      upstream: azurite.origin,
      account: DEV_ACCOUNT,
      now: o.now,
      ignoreVersionHeader: o.ignoreVersionHeader
    })
    const signatures: string[] = []

    const sign = (blobName: string, permissions: string, lifetimeMs: number) => {
      const sas = signBlobSas({
        account: DEV_ACCOUNT,
        accountKey: DEV_ACCOUNT_KEY,
        container: CONTAINER,
        blob: blobName,
        permissions,
        expiresOn: new Date(o.now() + lifetimeMs),
        version: o.sasVersion
      })
      signatures.push(sas.signature)
      return sas
    }
    const blobUrl = (blobName: string): string => `${front.origin}/${CONTAINER}/${blobName}`

    return {
      frontOrigin: front.origin,
      azuritePid: azurite.pid,
      issueUpload() {
        const blobName = `pkgfile-${randomUUID()}`
        const sas = sign(blobName, 'rwl', UPLOAD_SAS_LIFETIME_MS)
        return { blobName, uri: `${blobUrl(blobName)}?${uploadQuery(sas)}` }
      },
      readOnlyUri(blobName) {
        const sas = sign(blobName, 'rl', READ_BACK_SAS_LIFETIME_MS)
        return `${blobUrl(blobName)}?${readBackQuery(sas, new Date(o.now()))}`
      },
      async validate(blobName, kind) {
        const blob = container.getBlobClient(blobName)
        return validateFile(
          {
            size: await sizeOf(() => blob.getProperties()),
            read: (offset, length) => blob.downloadToBuffer(offset, length)
          },
          kind
        )
      },
      issuedSignatures: () => [...signatures],
      async stop() {
        await front.stop()
        await azurite.stop()
      }
    }
  } catch (error) {
    await azurite.stop()
    throw error
  }
}

async function sizeOf(
  properties: () => Promise<{ contentLength?: number }>
): Promise<number | undefined> {
  try {
    return (await properties()).contentLength ?? 0
  } catch (error) {
    if (error instanceof RestError && error.statusCode === 404) return undefined
    throw error
  }
}
