/**
 * One HTTP exchange on the wire, over Node's own `http`/`https` clients: the request (a string,
 * bytes or a stream), then the status, headers and whole body text. Timeouts, retries and
 * everything else of the transport's policy live in transport.ts; this file only moves bytes.
 * Node's clients are part of the binary, so loading them costs a few milliseconds where a bundled
 * HTTP client would cost tens before the first request (docs/decisions/http-client.md).
 */
import {
  Agent as HttpAgent,
  request as httpRequest,
  type ClientRequest,
  type IncomingHttpHeaders
} from 'node:http'
// Imported up front although only https URLs need it: every real run talks to Entra over https,
// so the cost of loading TLS belongs to start-up even when a local test server is plain http.
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'

export interface WireRequest {
  method: string
  headers?: Record<string, string>
  /** An iterable is sent chunk by chunk, each written out before the next is asked for. */
  body?: string | Uint8Array | AsyncIterable<Uint8Array>
  /** Aborts the exchange, headers or body, with the signal's reason. */
  signal: AbortSignal
}

export interface WireReply {
  status: number
  headers: IncomingHttpHeaders
  text: string
}

/**
 * One keep-alive pool per scheme for the whole run, so the token endpoint, the API and the blob
 * host each keep their connections. Node's agents close an idle connection before the server's
 * `Keep-Alive: timeout` hint runs out, so a reused connection is not one the server just closed.
 */
const agents = {
  'http:': new HttpAgent({ keepAlive: true }),
  'https:': new HttpsAgent({ keepAlive: true })
}

export function exchange(url: URL, request: WireRequest): Promise<WireReply> {
  const { body, signal } = request
  const headers = { ...request.headers }
  // A body of known length is sent with its Content-Length, never chunked: Blob Storage and
  // Entra expect the length up front.
  if (
    (typeof body === 'string' || body instanceof Uint8Array) &&
    !hasHeader(headers, 'content-length')
  )
    headers['content-length'] = String(Buffer.byteLength(body))
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:']

  return new Promise<WireReply>((resolve, reject) => {
    const req = send(url, { method: request.method, headers, agent, signal }, res => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString('utf8')
        })
      )
      res.on('error', reject)
      // A connection that closes before the whole body arrived is a reset, whichever side closed.
      res.on('close', () => {
        if (!res.complete) reject(connectionReset())
      })
    })
    req.on('error', reject)
    if (body === undefined || typeof body === 'string' || body instanceof Uint8Array) req.end(body)
    else
      writeEach(req, body).then(
        () => req.end(),
        (error: unknown) => {
          // The body's own error (a file that cannot be read) is the request's outcome.
          reject(error)
          req.destroy(error instanceof Error ? error : undefined)
        }
      )
  })
}

/**
 * Writes an iterable body and asks it for the next chunk only once the write has called back,
 * which Node does when the socket has written the chunk out (before the socket connects, the
 * request holds the chunk itself, uncopied, and calls back once it is flushed): the uploader
 * reads every slice into the same buffer (upload/file-read.ts), so a chunk must be sent before
 * the next read overwrites it. Ending the loop early returns the iterable, which closes its file.
 */
async function writeEach(req: ClientRequest, body: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const chunk of body) {
    await new Promise<void>((resolve, reject) => {
      // A request destroyed meanwhile (timeout, reset, cancellation) may never call back.
      const onClose = (): void => reject(new Error('the request closed while its body was sent'))
      req.once('close', onClose)
      req.write(chunk, error => {
        req.off('close', onClose)
        if (error) reject(error)
        else resolve()
      })
    })
  }
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some(key => key.toLowerCase() === name)
}

function connectionReset(): Error {
  return Object.assign(new Error('the connection closed before the whole reply arrived'), {
    code: 'ECONNRESET'
  })
}
