/**
 * The uploader against a real blob service (Azurite, in memory) through the real transport:
 * single Put Blob, parallel blocks, a read-only SAS, and a flaky or slow hop in front of the
 * service.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { truncateSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import {
  createServer,
  request as httpRequest,
  type ClientRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Transform } from 'node:stream'
import { systemClock } from '../../src/clock.js'
import { PublishError } from '../../src/errors.js'
import { createTransport } from '../../src/http/transport.js'
import { uploadFile } from '../../src/upload/index.js'
import { sasSignature } from '../../src/upload/sas-url.js'
import { startAzurite, type Azurite } from '../helpers/azurite.js'

const MiB = 1024 * 1024
const CONTAINER = 'file'

let azurite: Azurite
let workDir: string

beforeAll(async () => {
  azurite = await startAzurite()
  await azurite.createContainer(CONTAINER)
  workDir = await mkdtemp(join(tmpdir(), 'upload-test-'))
})

afterAll(async () => {
  await azurite?.stop()
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

async function randomFile(name: string, size: number): Promise<{ path: string; sha256: string }> {
  const bytes = randomBytes(size)
  const path = join(workDir, name)
  await writeFile(path, bytes)
  return { path, sha256: sha256(bytes) }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function transport() {
  // Short backoff so retried attempts in these tests take milliseconds.
  return createTransport({ clock: systemClock, baseDelayMs: 10, maxDelayMs: 50 })
}

describe('uploadFile against Azurite', () => {
  it('sends a small file in one Put Blob and the blob holds the same bytes', async () => {
    const file = await randomFile('small.zip', 300 * 1024)
    const lines: string[] = []
    const http = transport()

    const result = await uploadFile({
      sasUrl: azurite.sasUrl(CONTAINER, 'small.zip', 'cw'),
      filePath: file.path,
      size: 300 * 1024,
      transport: http,
      log: line => lines.push(line),
      clock: systemClock
    })

    expect(result).toMatchObject({ bytes: 300 * 1024, mode: 'single', blocks: 0 })
    expect(http.counts().upload).toBe(1)
    expect(sha256(await azurite.download(CONTAINER, 'small.zip'))).toBe(file.sha256)
    expect(lines.at(-1)).toMatch(/^upload small\.zip: done, 0\.3 MiB in /)
  })

  it('sends a 20 MiB file as 4 MiB blocks, 3 at a time, and commits them in order', async () => {
    const file = await randomFile('big.zip', 20 * MiB)
    const lines: string[] = []
    const http = transport()
    const sasUrl = azurite.sasUrl(CONTAINER, 'big.zip', 'cw')

    const result = await uploadFile({
      sasUrl,
      filePath: file.path,
      size: 20 * MiB,
      transport: http,
      log: line => lines.push(line),
      clock: systemClock,
      singlePutLimit: 8 * MiB,
      blockSize: 4 * MiB,
      concurrency: 3,
      progressIntervalMs: 0
    })

    expect(result).toMatchObject({ bytes: 20 * MiB, mode: 'blocks', blocks: 5 })
    expect(http.counts().upload).toBe(6) // 5 Put Block + 1 Put Block List
    expect(sha256(await azurite.download(CONTAINER, 'big.zip'))).toBe(file.sha256)
    // Progress lines were printed, and no line carries the SAS query or its signature.
    expect(lines.some(line => /: \d+% \(.* MiB\/s/.test(line))).toBe(true)
    const signature = decodeURIComponent(sasSignature(sasUrl) ?? 'missing')
    for (const line of lines) {
      expect(line).not.toMatch(/sig=|\?/)
      expect(line).not.toContain(signature)
    }
  })

  it('fails with UPLOAD_FAILED and the storage code when the SAS is read-only', async () => {
    const file = await randomFile('readonly.zip', 1024)

    const failure = await uploadFile({
      sasUrl: azurite.sasUrl(CONTAINER, 'readonly.zip', 'r'),
      filePath: file.path,
      size: 1024,
      transport: transport(),
      log: () => {},
      clock: systemClock
    }).catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(PublishError)
    const error = failure as PublishError
    expect(error.code).toBe('UPLOAD_FAILED')
    expect(error.details.status).toBe(403)
    expect(error.details.serviceCode).toBe('AuthorizationPermissionMismatch')
    expect(error.message).toContain('readonly.zip')
    expect(error.details.hint).toMatch(/new upload URL/)
    expect(JSON.stringify({ message: error.message, ...error.details })).not.toMatch(/sig=/)
  })

  it('retries a block whose first attempt is reset or answered 503, and still commits the file', async () => {
    const file = await randomFile('flaky.zip', 12 * MiB)
    await throughFlakyHop('flaky.zip', async (issued, flaky) => {
      const http = transport()

      const result = await uploadFile({
        sasUrl: issued,
        filePath: file.path,
        size: 12 * MiB,
        transport: http,
        log: () => {},
        clock: systemClock,
        singlePutLimit: 1 * MiB,
        blockSize: 4 * MiB,
        concurrency: 2
      })

      expect(result).toMatchObject({ mode: 'blocks', blocks: 3 })
      expect(flaky.failed).toEqual(['reset', '503', 'reset'])
      expect(http.counts().upload).toBe(3 * 2 + 1) // each block twice, then the list
      expect(sha256(await azurite.download(CONTAINER, 'flaky.zip'))).toBe(file.sha256)
      // Every request went to the issued URL as is, with the block parameters appended.
      const issuedPathAndQuery = issued.slice(flaky.origin.length)
      for (const url of flaky.urls) {
        expect(url.startsWith(`${issuedPathAndQuery}&comp=block`)).toBe(true)
      }
    })
  })

  it('re-opens the file when a single Put Blob is retried after a reset', async () => {
    const file = await randomFile('retried.zip', 3 * MiB)
    await throughFlakyHop('retried.zip', async (issued, flaky) => {
      const lines: string[] = []

      const result = await uploadFile({
        sasUrl: issued,
        filePath: file.path,
        size: 3 * MiB,
        transport: transport(),
        log: line => lines.push(line),
        clock: systemClock
      })

      expect(result).toMatchObject({ mode: 'single', blocks: 0 })
      expect(flaky.failed).toEqual(['reset'])
      expect(sha256(await azurite.download(CONTAINER, 'retried.zip'))).toBe(file.sha256)
      expect(lines.at(-1)).toMatch(/^upload retried\.zip: done, 3\.0 MiB in /)
    })
  })

  it('sends the exact bytes in one Put Blob when the receiver takes them slowly', async () => {
    // A receiver slower than the sender fills the socket, so the HTTP client holds slices the
    // socket has not written yet while it asks for more: the uploader must not touch a slice once
    // yielded (file-read.ts). Had it reused the slice's memory, the blob would differ.
    const file = await randomFile('slow.zip', 16 * MiB)
    await throughHop('slow.zip', startSlowHop, async issued => {
      const result = await uploadFile({
        sasUrl: issued,
        filePath: file.path,
        size: 16 * MiB,
        transport: transport(),
        log: () => {},
        clock: systemClock
      })

      expect(result).toMatchObject({ mode: 'single', blocks: 0 })
      expect(sha256(await azurite.download(CONTAINER, 'slow.zip'))).toBe(file.sha256)
    })
  })

  it('fails with UPLOAD_FAILED, without retrying, when the file becomes shorter during a single put', async () => {
    const file = await randomFile('shrinks.zip', 16 * MiB)
    // The slow hop gets the request once the first slice is sent; the rest is read after this.
    const shrinking = (target: string): Promise<Hop> =>
      startSlowHop(target, () => truncateSync(file.path, 1 * MiB))
    await throughHop('shrinks.zip', shrinking, async issued => {
      const http = transport()

      const failure = await uploadFile({
        sasUrl: issued,
        filePath: file.path,
        size: 16 * MiB,
        transport: http,
        log: () => {},
        clock: systemClock
      }).catch((error: unknown) => error)

      expect(failure).toBeInstanceOf(PublishError)
      expect((failure as PublishError).code).toBe('UPLOAD_FAILED')
      expect((failure as PublishError).message).toBe(
        'Uploading shrinks.zip failed: the file became shorter while it was uploaded.'
      )
      expect(http.counts().upload).toBe(1)
    })
  })
})

/** Runs `test` with an upload URL for `blobName` that goes through a flaky hop to Azurite. */
function throughFlakyHop(
  blobName: string,
  test: (issued: string, flaky: FlakyHop) => Promise<void>
): Promise<void> {
  return throughHop(blobName, startFlakyHop, test)
}

/** Runs `test` with an upload URL for `blobName` that goes through a hop to Azurite. */
async function throughHop<H extends Hop>(
  blobName: string,
  startHop: (target: string) => Promise<H>,
  test: (issued: string, hop: H) => Promise<void>
): Promise<void> {
  const hop = await startHop(azurite.accountUrl)
  try {
    const issued = azurite
      .sasUrl(CONTAINER, blobName, 'cw')
      .replace(new URL(azurite.accountUrl).origin, hop.origin)
    await test(issued, hop)
  } finally {
    await hop.stop()
  }
}

interface Hop {
  origin: string
  stop(): Promise<void>
}

interface FlakyHop extends Hop {
  /** What each failed first attempt got: `reset` or `503`, alternately. */
  failed: string[]
  /** The path and query of every request the hop received. */
  urls: string[]
}

/**
 * A hop in front of Azurite that fails the first attempt of every block and of a Put Blob
 * (alternately a reset connection and a 503) and forwards everything else unchanged.
 */
async function startFlakyHop(target: string): Promise<FlakyHop> {
  const seenKeys = new Set<string>()
  const failed: string[] = []
  const urls: string[] = []
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/'
    urls.push(url)
    const query = new URL(url, 'http://hop').searchParams
    // Each block, and a Put Blob (no `comp`), fails once; Put Block List goes straight through.
    const key = query.get('blockid') ?? (query.get('comp') === null ? 'put-blob' : null)
    if (key !== null && !seenKeys.has(key)) {
      seenKeys.add(key)
      const kind = failed.length % 2 === 0 ? 'reset' : '503'
      failed.push(kind)
      if (kind === 'reset') return req.socket.destroy()
      req.resume()
      res.writeHead(503, { 'content-type': 'application/xml' })
      return res.end('<?xml version="1.0"?><Error><Code>ServerBusy</Code></Error>')
    }
    req.pipe(forward(target, req, res))
  })
  return { ...(await listen(server)), failed, urls }
}

/**
 * A hop in front of Azurite that passes the request body on one small piece every 2 ms (about
 * 8 MiB/s), far slower than the sender: the sender's socket fills and its writes complete late.
 * `onRequest` runs when a request arrives.
 */
async function startSlowHop(target: string, onRequest = (): void => {}): Promise<Hop> {
  const server = createServer((req, res) => {
    onRequest()
    const slowly = new Transform({
      highWaterMark: 16 * 1024,
      transform(chunk: Buffer, _encoding, callback) {
        setTimeout(() => callback(null, chunk), 2)
      }
    })
    req.pipe(slowly).pipe(forward(target, req, res))
  })
  return listen(server)
}

/** A request to `target` with the method, path and headers of `req`, its reply piped to `res`. */
function forward(target: string, req: IncomingMessage, res: ServerResponse): ClientRequest {
  const targetUrl = new URL(target)
  const upstream = httpRequest(
    {
      host: targetUrl.hostname,
      port: targetUrl.port,
      method: req.method,
      path: req.url ?? '/',
      headers: { ...req.headers, host: targetUrl.host }
    },
    reply => {
      res.writeHead(reply.statusCode ?? 502, reply.headers)
      reply.pipe(res)
    }
  )
  upstream.on('error', () => res.destroy())
  return upstream
}

async function listen(server: Server): Promise<Hop> {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
