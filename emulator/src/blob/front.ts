/**
 * The blob front: the host in `fileSasUri`, standing where Azure Front Door / `*.blob.core.windows.net`
 * stand for the real service. It forwards every request to Azurite (method, headers, streamed
 * body, raw query), only putting the account in the path as Azurite's loopback mode wants it
 * (`/file/x` → `/devstoreaccount1/file/x`), and streams the reply back unchanged but for
 * `x-ms-version`, which names the version in effect as the service's replies do.
 *
 * Before forwarding it refuses what the service refuses and Azurite does not (or not alike):
 * Put Blob / Put Block without `Content-Length` (411), and bodies over the limit of the service
 * version in effect (413, limits.ts), judged from the declared length before any byte is sent.
 * The version in effect is the `x-ms-version` header when sent (recorded), else the SAS `sv`;
 * `ignoreVersionHeader` makes it always the `sv`, as a host that ignores the header would do
 * (whether the Front Door upload hosts honour it is unknown, ingestion-v1.md §6 [X]).
 */
import {
  Agent,
  createServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { bodyLimitFor, carriesBlobData } from './limits.js'
import {
  missingContentLength,
  requestBodyTooLarge,
  sendStorageError,
  type StorageError
} from './storage-error.js'

/** How long a client may keep sending the rest of a refused body before the socket is cut. */
const REFUSED_BODY_GRACE_MS = 2_000

/** Connection-level headers are per hop: Node writes its own on each side. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'expect', 'host'])

export interface BlobFront {
  origin: string
  stop(): Promise<void>
}

export async function startBlobFront(o: {
  host: string
  /** Azurite's origin, e.g. `http://127.0.0.1:41237`. */
  upstream: string
  account: string
  now: () => number
  /** Judge limits by the SAS `sv` even when `x-ms-version` is sent. Default false. */
  ignoreVersionHeader?: boolean
}): Promise<BlobFront> {
  const upstream = new URL(o.upstream)
  const agent = new Agent({ keepAlive: true })
  const versionInEffect = (req: IncomingMessage): string | undefined =>
    versionOf(req, o.ignoreVersionHeader ?? false)

  /** The error the service would answer before reading the body, if any. */
  function refusalOf(req: IncomingMessage): StorageError | undefined {
    const comp = queryOf(req).get('comp')
    if (!carriesBlobData(req.method, comp)) return undefined
    const declared = req.headers['content-length']
    if (declared === undefined) return missingContentLength()
    const limit = bodyLimitFor(req.method, comp, versionInEffect(req))
    return limit && Number(declared) > limit.maxBytes
      ? requestBodyTooLarge(limit.maxBytes)
      : undefined
  }

  function refuse(req: IncomingMessage, res: ServerResponse, error: StorageError): void {
    sendStorageError(res, error, versionInEffect(req), new Date(o.now()))
    // Read and drop what the client is still sending so it sees the reply rather than a reset.
    req.resume()
    setTimeout(() => req.socket.destroy(), REFUSED_BODY_GRACE_MS).unref()
  }

  function forward(req: IncomingMessage, res: ServerResponse): void {
    const upstreamRequest = request(
      {
        agent,
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: `/${o.account}${req.url ?? '/'}`,
        headers: { ...endToEndHeaders(req.headers), host: upstream.host }
      },
      upstreamResponse => {
        const headers = endToEndHeaders(upstreamResponse.headers)
        // Azurite answers with its own newest version; the service names the version that ran
        // the request (recorded), which is also the one whose limits were applied.
        const version = versionInEffect(req)
        if (version) headers['x-ms-version'] = version
        res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.statusMessage, headers)
        upstreamResponse.pipe(res)
      }
    )
    upstreamRequest.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { connection: 'close' })
      res.end()
    })
    // The client went away before its reply was complete: stop the upstream request too.
    res.on('close', () => {
      if (!res.writableFinished) upstreamRequest.destroy()
    })
    req.pipe(upstreamRequest)
  }

  function handle(req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): void {
    const refusal = refusalOf(req)
    if (refusal) return refuse(req, res, refusal)
    // Answer `Expect: 100-continue` only once the request is known to be acceptable.
    if (expectsContinue) res.writeContinue()
    forward(req, res)
  }

  const server = createServer((req, res) => handle(req, res, false))
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => handle(req, res, true))
  await new Promise<void>(resolve => server.listen(0, o.host, resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://${o.host}:${port}`,
    stop: () =>
      new Promise<void>(resolve => {
        agent.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

function queryOf(req: IncomingMessage): URLSearchParams {
  return new URL(req.url ?? '/', 'http://front').searchParams
}

/** The `x-ms-version` header when sent and honoured, else the SAS `sv` (inferred, §6). */
function versionOf(req: IncomingMessage, ignoreHeader: boolean): string | undefined {
  const header = req.headers['x-ms-version']
  if (typeof header === 'string' && !ignoreHeader) return header
  return queryOf(req).get('sv') ?? undefined
}

function endToEndHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)))
}
