/**
 * A throwaway Azurite blob service for tests: in memory, on a free loopback port, one container,
 * and blob SAS URLs signed with Azurite's well-known development key.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import {
  BlobSASPermissions,
  BlobServiceClient,
  SASProtocol,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters
} from '@azure/storage-blob'

const ACCOUNT = 'devstoreaccount1'
// Azurite's published development key (not a secret: it is in Azurite's README).
const DEV_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

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
  const require = createRequire(import.meta.url)
  const main = join(dirname(require.resolve('azurite/package.json')), 'dist/src/blob/main.js')
  const child = spawn(
    process.execPath,
    [
      main,
      ...['--blobHost', '127.0.0.1', '--blobPort', '0'],
      // No --skipApiVersionCheck: Azurite then also checks that the storage versions we send
      // (the uploader's x-ms-version, @azure/storage-blob's) are ones it knows.
      ...['--inMemoryPersistence', '--silent', '--disableTelemetry']
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  )
  const port = await listeningPort(child)
  const accountUrl = `http://127.0.0.1:${port}/${ACCOUNT}`
  const credential = new StorageSharedKeyCredential(ACCOUNT, DEV_KEY)
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
    stop: () => stopChild(child)
  }
}

/** Azurite prints `... successfully listens on http://127.0.0.1:<port>` once it is ready. */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => fail(new Error(`Azurite did not start: ${output}`)), 20_000)
    const fail = (error: Error): void => {
      clearTimeout(timer)
      child.kill()
      reject(error)
    }
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', code => fail(new Error(`Azurite exited with ${code}: ${output}`)))
  })
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise(resolve => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}
