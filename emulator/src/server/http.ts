/** Reading request bodies and writing replies, shared by the API pipeline and the admin routes. */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApiReply } from '../api/contract.js'

/** Larger than any JSON the Ingestion API takes; uploads go to the blob host, not here. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024

export class BodyTooLarge extends Error {}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new BodyTooLarge(`request body exceeds ${limit} bytes`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/**
 * Writes an ApiReply the way the service does (ingestion-v1.md §2.2): JSON with
 * `content-type: application/json; charset=utf-8`, a fresh `request-id` on every reply, and
 * `content-length: 0` when there is no body. A body whose Content-Type header is not JSON (a
 * fault's HTML page) is sent as the string it is. Returns the request id sent.
 */
export function sendReply(res: ServerResponse, reply: ApiReply): string {
  const requestId = randomUUID()
  const headers: Record<string, string> = { ...reply.headers }
  const contentTypeName = Object.keys(headers).find(n => n.toLowerCase() === 'content-type')
  const contentType = contentTypeName ? headers[contentTypeName] : undefined
  let payload: Buffer | undefined
  if (reply.body !== undefined) {
    const raw = contentType !== undefined && !/json/i.test(contentType)
    payload = Buffer.from(raw ? String(reply.body) : JSON.stringify(reply.body), 'utf8')
    if (!contentType) headers['content-type'] = 'application/json; charset=utf-8'
  }
  res.writeHead(reply.status, {
    ...headers,
    'request-id': requestId,
    'content-length': String(payload?.length ?? 0)
  })
  res.end(payload)
  return requestId
}

/** Parses a JSON body; undefined for an empty one. Throws SyntaxError on bad JSON. */
export function parseJson(body: Buffer): unknown {
  const text = body.toString('utf8').replace(/^\uFEFF/, '')
  return text.trim() === '' ? undefined : JSON.parse(text)
}
