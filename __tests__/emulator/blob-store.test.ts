/**
 * The blob store end to end: Azurite behind the blob front, SAS URIs shaped like the service's,
 * uploads with plain HTTP and with the Azure SDK, and validation of what was uploaded.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { BlockBlobClient } from '@azure/storage-blob'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBlobStore, type BlobStore } from '../../emulator/src/blob/index.js'
import { azureAppZip, makeZip, navxApp, pngImage } from './blob-fixtures.js'

const HOUR = 3_600_000

let store: BlobStore
beforeAll(async () => {
  store = await startBlobStore({ sasVersion: '2018-03-28', now: () => Date.now() })
})
afterAll(async () => {
  await store.stop()
})

function putBlob(
  uri: string,
  body: Buffer,
  headers: Record<string, string> = {}
): Promise<Response> {
  return fetch(uri, {
    method: 'PUT',
    headers: {
      'x-ms-blob-type': 'BlockBlob',
      'content-type': 'application/octet-stream',
      'x-ms-version': '2018-03-28',
      ...headers
    },
    body
  })
}

async function uploaded(body: Buffer): Promise<string> {
  const { blobName, uri } = store.issueUpload()
  expect((await putBlob(uri, body)).status).toBe(201)
  return blobName
}

describe('SAS URIs', () => {
  it('issues upload URIs shaped like the service: front host, /file/pkgfile-…, sp=rwl for ~24 h', () => {
    const { blobName, uri } = store.issueUpload()
    expect(uri.startsWith(`${store.frontOrigin}/file/${blobName}?`)).toBe(true)
    expect(blobName).toMatch(/^pkgfile-[0-9a-f-]{36}$/)
    const query = uri.slice(uri.indexOf('?') + 1)
    expect(query).toMatch(/^sv=2018-03-28&sr=b&sig=[^&]+&se=[^&]+&sp=rwl$/)
    const expiry = Date.parse(new URL(uri).searchParams.get('se')!)
    expect(Math.abs(expiry - Date.now() - 24.25 * HOUR)).toBeLessThan(60_000)
    expect(store.frontOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('issues read-only URIs like the recorded read-back form (sp=rl, ~8 h, opaque prefix)', () => {
    const uri = store.readOnlyUri('pkgfile-x')
    const query = uri.slice(uri.indexOf('?') + 1)
    expect(query).toMatch(
      /^\d{2}%2f\d{2}%2f\d{4}\+\d{2}%3a\d{2}%3a\d{2}&sv=2018-03-28&sr=b&sig=[^&]+&se=[^&]+&sp=rl$/
    )
    const expiry = Date.parse(new URL(uri).searchParams.get('se')!)
    expect(Math.abs(expiry - Date.now() - 8.25 * HOUR)).toBeLessThan(60_000)
  })

  it('records every signature it issues', () => {
    const { uri } = store.issueUpload()
    expect(store.issuedSignatures()).toContain(new URL(uri).searchParams.get('sig'))
  })
})

describe('uploads through the front', () => {
  it('stores a Put Blob (201) and serves it back through the read-only URI', async () => {
    const body = azureAppZip()
    const { blobName, uri } = store.issueUpload()
    const response = await putBlob(uri, body, { 'x-ms-version': '2021-08-06' })
    expect(response.status).toBe(201)
    // The version that ran the request is the header's, not the SAS's (recorded).
    expect(response.headers.get('x-ms-version')).toBe('2021-08-06')
    const read = await fetch(store.readOnlyUri(blobName))
    expect(read.status).toBe(200)
    expect(Buffer.from(await read.arrayBuffer()).equals(body)).toBe(true)
  })

  it('refuses a write through the read-only URI (403)', async () => {
    const blobName = await uploaded(navxApp())
    const response = await putBlob(store.readOnlyUri(blobName), navxApp())
    expect(response.status).toBe(403)
    expect(await response.text()).toContain('AuthorizationPermissionMismatch')
  })

  it('refuses a tampered signature (403)', async () => {
    const { uri } = store.issueUpload()
    const tampered = uri.replace(
      /sig=([^&])/,
      (_, first: string) => `sig=${first === 'A' ? 'B' : 'A'}`
    )
    expect((await putBlob(tampered, navxApp())).status).toBe(403)
  })

  it('accepts a block upload by the Azure SDK (Put Block + Put Block List)', async () => {
    const body = Buffer.alloc(9 * 1024 * 1024, 3)
    const { blobName, uri } = store.issueUpload()
    await new BlockBlobClient(uri).uploadData(body, { blockSize: 4 * 1024 * 1024, concurrency: 2 })
    const read = await fetch(store.readOnlyUri(blobName))
    expect(Buffer.from(await read.arrayBuffer()).equals(body)).toBe(true)
  })
})

describe('validate', () => {
  it('accepts a valid Azure application zip', async () => {
    expect(await store.validate(await uploaded(azureAppZip()), 'azure-app-zip')).toEqual([])
  })

  it('rejects a zip without createUiDefinition.json', async () => {
    const blobName = await uploaded(makeZip([{ name: 'mainTemplate.json', data: '{}' }]))
    expect(await store.validate(blobName, 'azure-app-zip')).toEqual([
      expect.objectContaining({ errorCode: 'MissingRequiredFile', severity: 'Error' })
    ])
  })

  it('rejects a file that is not a zip', async () => {
    const blobName = await uploaded(Buffer.from('just text'))
    expect(await store.validate(blobName, 'azure-app-zip')).toEqual([
      expect.objectContaining({ errorCode: 'InvalidPackageFormat' })
    ])
  })

  it('reports a blob that was never uploaded', async () => {
    const { blobName } = store.issueUpload()
    expect(await store.validate(blobName, 'azure-app-zip')).toEqual([
      expect.objectContaining({ errorCode: 'PackageNotFound', resource: 'Package' })
    ])
  })

  it('checks Business Central apps and images by their magic bytes', async () => {
    expect(await store.validate(await uploaded(navxApp()), 'bc-app')).toEqual([])
    expect(await store.validate(await uploaded(pngImage()), 'image')).toEqual([])
    expect(await store.validate(await uploaded(pngImage()), 'bc-app')).toHaveLength(1)
  })
})

describe('an expired SAS', () => {
  it('is refused (403)', async () => {
    const yesterday = await startBlobStore({
      sasVersion: '2018-03-28',
      now: () => Date.now() - 25 * HOUR
    })
    try {
      const { uri } = yesterday.issueUpload()
      const response = await putBlob(uri, navxApp())
      expect(response.status).toBe(403)
      expect(await response.text()).toContain('AuthorizationFailure')
    } finally {
      await yesterday.stop()
    }
  })
})

describe('a store with a location', () => {
  it('keeps uploaded blobs across a stop and a restart', async () => {
    const location = await mkdtemp(join(tmpdir(), 'blob-store-'))
    try {
      const first = await startBlobStore({
        sasVersion: '2018-03-28',
        now: () => Date.now(),
        location
      })
      const { blobName, uri } = first.issueUpload()
      expect((await putBlob(uri, navxApp())).status).toBe(201)
      await first.stop()
      const second = await startBlobStore({
        sasVersion: '2018-03-28',
        now: () => Date.now(),
        location
      })
      try {
        expect(await second.validate(blobName, 'bc-app')).toEqual([])
      } finally {
        await second.stop()
      }
    } finally {
      await rm(location, { recursive: true, force: true })
    }
  })
})

describe('stop', () => {
  it('ends Azurite and closes the front', async () => {
    const other = await startBlobStore({ sasVersion: '2018-03-28', now: () => Date.now() })
    const { uri } = other.issueUpload()
    await other.stop()
    expect(() => process.kill(other.azuritePid, 0)).toThrow(
      expect.objectContaining({ code: 'ESRCH' })
    )
    await expect(putBlob(uri, navxApp())).rejects.toThrow()
  })
})
