/**
 * The request-body limits the blob front enforces in front of Azurite (ingestion-v1.md §6):
 * the table itself, then real requests at the boundary. Boundaries are tested on the small
 * limits of old versions (4 MiB blocks before 2016-05-31) so the tests send megabytes, not
 * gigabytes; the 256 MiB Put Blob limit is tested with a declared length and an abandoned body.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { request } from 'node:http'
import { startBlobStore, type BlobStore } from '../../emulator/src/blob/index.js'
import { bodyLimitFor } from '../../emulator/src/blob/limits.js'

const MiB = 1024 * 1024

describe('bodyLimitFor', () => {
  it.each([
    ['2015-04-05', null, 64 * MiB],
    ['2015-04-05', 'block', 4 * MiB],
    ['2016-05-31', null, 256 * MiB],
    ['2018-03-28', null, 256 * MiB],
    ['2018-03-28', 'block', 100 * MiB],
    ['2019-07-07', 'block', 100 * MiB],
    ['2019-12-12', null, 5000 * MiB],
    ['2021-08-06', 'block', 4000 * MiB]
  ])('version %s, comp=%s: %d bytes', (version, comp, maxBytes) => {
    expect(bodyLimitFor('PUT', comp, version)).toEqual({ maxBytes, version })
  })

  it('has no limit for requests that carry no blob data', () => {
    expect(bodyLimitFor('GET', null, '2018-03-28')).toBeUndefined()
    expect(bodyLimitFor('PUT', 'blocklist', '2018-03-28')).toBeUndefined()
    expect(bodyLimitFor('PUT', null, undefined)).toBeUndefined()
  })
})

describe('through the front', () => {
  let old: BlobStore
  beforeAll(async () => {
    // sv=2015-04-05: Put Block is limited to 4 MiB unless x-ms-version says otherwise.
    old = await startBlobStore({ sasVersion: '2015-04-05', now: () => Date.now() })
  })
  afterAll(async () => {
    await old.stop()
  })

  const blockId = (n: number): string =>
    Buffer.from(`block-${String(n).padStart(6, '0')}`).toString('base64')

  function putBlock(
    body: Buffer | ReadableStream<Uint8Array>,
    headers: Record<string, string> = {}
  ) {
    const { uri } = old.issueUpload()
    return fetch(`${uri}&comp=block&blockid=${encodeURIComponent(blockId(1))}`, {
      method: 'PUT',
      headers,
      body,
      duplex: 'half'
    } as RequestInit)
  }

  it('accepts a block of exactly the limit', async () => {
    expect((await putBlock(Buffer.alloc(4 * MiB, 1))).status).toBe(201)
  })

  it('refuses a block one byte over the limit with the Storage error', async () => {
    const response = await putBlock(Buffer.alloc(4 * MiB + 1, 1))
    expect(response.status).toBe(413)
    expect(response.headers.get('x-ms-error-code')).toBe('RequestBodyTooLarge')
    expect(response.headers.get('x-ms-version')).toBe('2015-04-05')
    expect(response.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const body = await response.text()
    expect(body).toMatch(
      /^<\?xml version="1\.0" encoding="utf-8"\?><Error><Code>RequestBodyTooLarge<\/Code><Message>The request body is too large and exceeds the maximum permissible limit\.\nRequestId:[0-9a-f-]{36}\nTime:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z<\/Message><MaxLimit>4194304<\/MaxLimit><\/Error>$/
    )
  })

  it('applies the x-ms-version header over the SAS sv', async () => {
    const response = await putBlock(Buffer.alloc(4 * MiB + 1, 1), { 'x-ms-version': '2018-03-28' })
    expect(response.status).toBe(201)
    expect(response.headers.get('x-ms-version')).toBe('2018-03-28')
  })

  it('applies the SAS sv over the header when told to ignore the header', async () => {
    const deaf = await startBlobStore({
      sasVersion: '2015-04-05',
      ignoreVersionHeader: true,
      now: () => Date.now()
    })
    try {
      const { uri } = deaf.issueUpload()
      const response = await fetch(`${uri}&comp=block&blockid=${encodeURIComponent(blockId(1))}`, {
        method: 'PUT',
        headers: { 'x-ms-version': '2018-03-28' },
        body: Buffer.alloc(4 * MiB + 1, 1)
      })
      expect(response.status).toBe(413)
      expect(response.headers.get('x-ms-version')).toBe('2015-04-05')
    } finally {
      await deaf.stop()
    }
  })

  it('refuses a block without Content-Length with 411, as the service does', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(Buffer.alloc(1024, 2))
        controller.close()
      }
    })
    const response = await putBlock(body)
    expect(response.status).toBe(411)
    expect(response.headers.get('x-ms-error-code')).toBe('MissingContentLengthHeader')
    expect(await response.text()).toContain('<HeaderName>Content-Length</HeaderName>')
  })
})

describe('a Put Blob declaring more than 256 MiB (sv 2018-03-28)', () => {
  let store: BlobStore
  beforeAll(async () => {
    store = await startBlobStore({ sasVersion: '2018-03-28', now: () => Date.now() })
  })
  afterAll(async () => {
    await store.stop()
  })

  it('is refused from its Content-Length before the body is sent', async () => {
    const { uri } = store.issueUpload()
    const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const put = request(uri, {
        method: 'PUT',
        headers: {
          'x-ms-blob-type': 'BlockBlob',
          'content-length': String(256 * MiB + 1)
        }
      })
      put.on('response', response => {
        let body = ''
        response.on('data', (chunk: Buffer) => (body += chunk.toString()))
        response.on('end', () => {
          put.destroy()
          resolve({ status: response.statusCode ?? 0, body })
        })
      })
      put.on('error', reject)
      // Start the body, then wait: the refusal must not depend on the rest arriving.
      put.write(Buffer.alloc(64 * 1024))
    })
    expect(reply.status).toBe(413)
    expect(reply.body).toContain('<MaxLimit>268435456</MaxLimit>')
  })

  it('answers Expect: 100-continue with the refusal, or with Continue when acceptable', async () => {
    const putWithExpect = (length: number) =>
      new Promise<{ continued: boolean; status: number }>((resolve, reject) => {
        let continued = false
        const put = request(store.issueUpload().uri, {
          method: 'PUT',
          headers: {
            'x-ms-blob-type': 'BlockBlob',
            'content-length': String(length),
            expect: '100-continue'
          }
        })
        put.on('continue', () => {
          continued = true
          put.end(Buffer.alloc(length, 4))
        })
        put.on('response', response => {
          response.resume()
          response.on('end', () => {
            put.destroy()
            resolve({ continued, status: response.statusCode ?? 0 })
          })
        })
        put.on('error', reject)
        put.flushHeaders()
      })
    expect(await putWithExpect(256 * MiB + 1)).toEqual({ continued: false, status: 413 })
    expect(await putWithExpect(1024)).toEqual({ continued: true, status: 201 })
  })
})
