/** Azure Storage's XML error replies, for the errors the blob front raises itself. */
import { randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'

export interface StorageError {
  status: number
  code: string
  message: string
  /** Extra elements after `<Message>`, e.g. `MaxLimit`. */
  details?: Record<string, string | number>
}

export function requestBodyTooLarge(maxBytes: number): StorageError {
  return {
    status: 413,
    code: 'RequestBodyTooLarge',
    message: 'The request body is too large and exceeds the maximum permissible limit.',
    details: { MaxLimit: maxBytes }
  }
}

/**
 * Put Blob and Put Block require `Content-Length`: the service refuses a chunked body with 411
 * (recorded in nextcloud/server#14391; Azurite answers 400 instead, Azurite#2043).
 */
export function missingContentLength(): StorageError {
  return {
    status: 411,
    code: 'MissingContentLengthHeader',
    message: 'Content-Length HTTP header is missing.',
    details: { HeaderName: 'Content-Length' }
  }
}

export function sendStorageError(
  res: ServerResponse,
  error: StorageError,
  version: string | undefined,
  now: Date
): void {
  const requestId = randomUUID()
  const details = Object.entries(error.details ?? {})
    .map(([name, value]) => `<${name}>${value}</${name}>`)
    .join('')
  const body =
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<Error><Code>${error.code}</Code><Message>${error.message}\n` +
    `RequestId:${requestId}\nTime:${storageTime(now)}</Message>${details}</Error>`
  res.writeHead(error.status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(body),
    server: 'Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0',
    'x-ms-request-id': requestId,
    'x-ms-error-code': error.code,
    ...(version ? { 'x-ms-version': version } : {}),
    date: now.toUTCString(),
    // The rest of a refused body is never forwarded: the connection cannot be reused.
    connection: 'close'
  })
  res.end(body)
}

/** `2023-06-18T22:37:37.1234567Z`: Storage prints seven fraction digits. */
function storageTime(date: Date): string {
  return `${date.toISOString().slice(0, 23)}0000Z`
}
