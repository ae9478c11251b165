/**
 * What the uploader sends, seen from a recording Transport (the boundary): URLs built on the
 * issued SAS as is, headers, block ids and the block list, block-size rules, refusals and
 * cancellation. Real blob-service behaviour is covered by upload-azurite.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Clock } from '../../src/clock.js'
import { PublishError } from '../../src/errors.js'
import type { Phase } from '../../src/ingestion/api.js'
import type { HttpRequest, HttpResponse, Transport } from '../../src/http/types.js'
import { uploadFile } from '../../src/upload/index.js'

const SAS =
  'https://workloadfilewus1-abc123.b02.azurefd.net/file/pkgfile-42?sv=2018-03-28&sr=b&sig=c2VjcmV0%2Bsig%3D&se=2026-11-25T10%3A00%3A00Z&sp=rwl'

let workDir: string
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'upload-requests-'))
})
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true })
})

async function fileOf(name: string, size: number): Promise<string> {
  const path = join(workDir, name)
  await writeFile(path, Buffer.alloc(size, 7))
  return path
}

interface Sent {
  request: HttpRequest
  body: Buffer
}

/** Answers each request with `reply(request)` (default 201) and keeps what was sent. */
function recordingTransport(reply: (request: HttpRequest) => HttpResponse = created): Transport & {
  sent: Sent[]
} {
  const sent: Sent[] = []
  let count = 0
  return {
    sent,
    async send(request) {
      count++
      sent.push({ request, body: await bodyBytes(request.body) })
      return reply(request)
    },
    counts: () =>
      ({ token: 0, lookup: 0, write: 0, upload: count, poll: 0 }) as Record<Phase, number>
  }
}

function created(): HttpResponse {
  return { status: 201, headers: {}, text: '' }
}

async function bodyBytes(body: HttpRequest['body']): Promise<Buffer> {
  if (body === undefined) return Buffer.alloc(0)
  if (typeof body === 'string') return Buffer.from(body)
  if (body instanceof Uint8Array) return Buffer.from(body)
  // Not copied: the uploader never touches a chunk once it has yielded it (HttpRequest.body).
  const chunks: Uint8Array[] = []
  for await (const chunk of body()) chunks.push(chunk)
  return Buffer.concat(chunks)
}

const fixedClock: Clock = { now: () => Date.UTC(2026, 10, 24, 12), sleep: async () => {} }

describe('uploadFile requests', () => {
  it('puts a small file to the issued URL unchanged with the Put Blob headers', async () => {
    const path = await fileOf('app.zip', 1000)
    const http = recordingTransport()

    const result = await uploadFile({
      sasUrl: SAS,
      filePath: path,
      size: 1000,
      transport: http,
      log: () => {},
      clock: fixedClock
    })

    expect(result).toEqual({ bytes: 1000, ms: 0, mode: 'single', blocks: 0 })
    expect(http.sent).toHaveLength(1)
    const [{ request, body }] = http.sent
    expect(request).toMatchObject({ method: 'PUT', url: SAS, phase: 'upload', retry: true })
    expect(request.headers).toEqual({
      'x-ms-version': '2021-08-06',
      'x-ms-date': 'Tue, 24 Nov 2026 12:00:00 GMT',
      'x-ms-blob-type': 'BlockBlob',
      'content-type': 'application/zip',
      'content-length': '1000'
    })
    expect(body.length).toBe(1000)
    // The body is a factory, so a retry re-opens the file.
    expect(typeof request.body).toBe('function')
  })

  it('appends block parameters to the issued query and commits equal-length ids in order', async () => {
    const path = await fileOf('plan.zip', 10 * 1024)
    const http = recordingTransport()

    const result = await uploadFile({
      sasUrl: SAS,
      filePath: path,
      size: 10 * 1024,
      transport: http,
      log: () => {},
      clock: fixedClock,
      contentType: 'application/x-custom',
      singlePutLimit: 1024,
      blockSize: 4096,
      concurrency: 2
    })

    expect(result).toMatchObject({ mode: 'blocks', blocks: 3 })
    const blocks = http.sent.filter(s => s.request.url.includes('comp=block&'))
    const ids = blocks.map(s =>
      decodeURIComponent(new URL(s.request.url).searchParams.get('blockid') ?? '')
    )
    expect(blocks.map(s => s.body.length).sort()).toEqual([2048, 4096, 4096])
    for (const { request } of blocks) {
      expect(request.url.startsWith(`${SAS}&comp=block&blockid=`)).toBe(true)
      expect(request.retry).toBe(true)
    }
    expect(new Set(ids.map(id => id.length)).size).toBe(1)
    expect(new Set(ids).size).toBe(3)

    const list = http.sent.at(-1) as Sent
    expect(list.request.url).toBe(`${SAS}&comp=blocklist`)
    expect(list.request.headers?.['x-ms-blob-content-type']).toBe('application/x-custom')
    const committed = [...list.body.toString().matchAll(/<Latest>([^<]+)<\/Latest>/g)].map(
      m => m[1]
    )
    expect(committed).toEqual([...ids].sort())
    expect(committed.map(id => Buffer.from(id as string, 'base64').toString())).toEqual([
      'block-000000',
      'block-000001',
      'block-000002'
    ])
  })

  it('raises the block size when the file would need more than 50,000 blocks', async () => {
    const path = await fileOf('many.zip', 60_000)
    const http = recordingTransport()

    const result = await uploadFile({
      sasUrl: SAS,
      filePath: path,
      size: 60_000,
      transport: http,
      log: () => {},
      clock: fixedClock,
      singlePutLimit: 0,
      blockSize: 1
    })

    // 60,000 one-byte blocks would break the limit: the size is rounded up to 1 MiB instead.
    expect(result.blocks).toBe(1)
    expect(http.sent).toHaveLength(2)
  })

  it('sends blocks once after a 413 to Put Blob, and fails naming Put Block when they are refused too', async () => {
    const path = await fileOf('huge.zip', 2048)
    const lines: string[] = []
    const http = recordingTransport(() => ({
      status: 413,
      headers: { 'x-ms-request-id': 'req-413' },
      text: '<?xml version="1.0" encoding="utf-8"?><Error><Code>RequestBodyTooLarge</Code><Message>The request body is too large and exceeds the maximum permissible limit.\nRequestId:req-413</Message><MaxLimit>268435456</MaxLimit></Error>'
    }))

    const error = (await uploadFile({
      sasUrl: SAS,
      filePath: path,
      size: 2048,
      transport: http,
      log: line => lines.push(line),
      clock: fixedClock
    }).catch(e => e)) as PublishError

    expect(http.sent.map(s => s.request.url)).toEqual([
      SAS,
      `${SAS}&comp=block&blockid=${encodeURIComponent(Buffer.from('block-000000').toString('base64'))}`
    ])
    expect(lines).toContain(
      'upload huge.zip: the storage host refused 0.0 MiB in one request (413 RequestBodyTooLarge); sending it in 1 blocks of 4.0 MiB, 4 at a time instead'
    )
    expect(error).toBeInstanceOf(PublishError)
    expect(error.code).toBe('UPLOAD_FAILED')
    expect(error.message).toBe(
      'Uploading huge.zip failed: the storage host answered 413 RequestBodyTooLarge to Put Block (The request body is too large and exceeds the maximum permissible limit.).'
    )
    expect(error.details).toMatchObject({
      status: 413,
      serviceCode: 'RequestBodyTooLarge',
      requestId: 'req-413',
      method: 'PUT',
      path: '/file/pkgfile-42'
    })
  })

  it('does not switch to blocks after a refusal that is not about the size', async () => {
    const path = await fileOf('denied.zip', 2048)
    const http = recordingTransport(() => ({
      status: 403,
      headers: {},
      text: '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Signature did not match.</Message></Error>'
    }))

    const error = (await uploadFile({
      sasUrl: SAS,
      filePath: path,
      size: 2048,
      transport: http,
      log: () => {},
      clock: fixedClock
    }).catch(e => e)) as PublishError

    expect(error.code).toBe('UPLOAD_FAILED')
    expect(error.details.serviceCode).toBe('AuthenticationFailed')
    expect(http.sent).toHaveLength(1)
  })

  it('never changes a chunk of a single put once it has yielded it', async () => {
    // A client may hold chunks until its socket has written them while it asks for more: this
    // one reads the whole body before looking at any chunk, and checks each is as it was yielded.
    const size = 5 * 1024 * 1024 + 123
    const bytes = randomBytes(size)
    const path = join(workDir, 'held.zip')
    await writeFile(path, bytes)
    const held: Array<{ chunk: Uint8Array; copy: Buffer }> = []
    const holding: Transport = {
      async send(request) {
        const body = request.body as () => AsyncIterable<Uint8Array>
        for await (const chunk of body()) held.push({ chunk, copy: Buffer.from(chunk) })
        return created()
      },
      counts: () => ({ token: 0, lookup: 0, write: 0, upload: 1, poll: 0 }) as Record<Phase, number>
    }

    await uploadFile({
      sasUrl: SAS,
      filePath: path,
      size,
      transport: holding,
      log: () => {},
      clock: fixedClock
    })

    expect(held.length).toBeGreaterThan(1)
    for (const { chunk, copy } of held) expect(Buffer.compare(chunk, copy)).toBe(0)
    expect(Buffer.compare(Buffer.concat(held.map(h => h.chunk)), bytes)).toBe(0)
  })

  it('refuses a file whose size differs from the expected one before sending anything', async () => {
    const path = await fileOf('changed.zip', 500)
    const http = recordingTransport()

    const error = (await uploadFile({
      sasUrl: SAS,
      filePath: path,
      size: 400,
      transport: http,
      log: () => {},
      clock: fixedClock
    }).catch(e => e)) as PublishError

    expect(error.code).toBe('UPLOAD_FAILED')
    expect(error.message).toContain('changed.zip')
    expect(http.sent).toHaveLength(0)
  })

  it('reports a missing file as UPLOAD_FAILED with the file-system code', async () => {
    const error = (await uploadFile({
      sasUrl: SAS,
      filePath: join(workDir, 'absent.zip'),
      size: 10,
      transport: recordingTransport(),
      log: () => {},
      clock: fixedClock
    }).catch(e => e)) as PublishError

    expect(error.code).toBe('UPLOAD_FAILED')
    expect(error.message).toBe('Uploading absent.zip failed: the file could not be read (ENOENT).')
  })

  it('starts no request once the signal is aborted', async () => {
    const path = await fileOf('cancel.zip', 100)
    const http = recordingTransport()
    const controller = new AbortController()
    controller.abort()

    const error = (await uploadFile({
      sasUrl: SAS,
      filePath: path,
      size: 100,
      transport: http,
      log: () => {},
      clock: fixedClock,
      signal: controller.signal
    }).catch(e => e)) as PublishError

    expect(error.code).toBe('CANCELLED')
    expect(http.sent).toHaveLength(0)
  })

  it('logs the destination without its query', async () => {
    const path = await fileOf('logged.png', 100)
    const lines: string[] = []

    await uploadFile({
      sasUrl: SAS,
      filePath: path,
      size: 100,
      transport: recordingTransport(),
      log: line => lines.push(line),
      clock: fixedClock
    })

    expect(lines[0]).toBe(
      'upload logged.png: 0.0 MiB to https://workloadfilewus1-abc123.b02.azurefd.net/file/pkgfile-42 in one request'
    )
    expect(lines.join('\n')).not.toMatch(/sig|\?/)
  })
})
