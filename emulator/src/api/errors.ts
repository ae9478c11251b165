/**
 * The Ingestion API's error body (ingestion-v1.md §2.8, the only recorded error): a JSON *string*
 * `"ICH50400 - Unable to complete request. {\"faultCode\":50400,...}"`.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type { ApiReply } from './contract.js'

/**
 * Only ICH50400 / "Request validation failed." is recorded. The codes and reason phrases of the
 * other statuses are inferred by analogy (ICH50000 + status) and may differ on the real service.
 */
const REASON_PHRASES: Record<number, string> = {
  400: 'Request validation failed.',
  404: 'Resource not found.',
  405: 'Method not allowed.',
  409: 'Conflict with the current state of the resource.',
  412: 'Precondition failed.'
}

export function serviceError(
  status: number,
  message: string,
  data: Record<string, string[]> = {}
): ApiReply {
  const detail = {
    faultCode: 50000 + status,
    reasonPhrase: REASON_PHRASES[status] ?? message,
    correlationId: randomUUID(),
    operationId: randomBytes(16).toString('hex'),
    data: Object.keys(data).length > 0 ? data : { Request: [message] }
  }
  return {
    status,
    body: `ICH${50000 + status} - Unable to complete request. ${JSON.stringify(detail)}`
  }
}

/** Thrown by handlers; the route wrapper in index.ts turns it into `serviceError(...)`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly data: Record<string, string[]> = {}
  ) {
    super(message)
  }
}

export const notFound = (what: string, id: string): ApiError =>
  new ApiError(404, `${what} ${id} was not found.`, { [what]: [`${what} ${id} was not found.`] })

export const badRequest = (field: string, message: string): ApiError =>
  new ApiError(400, message, { [field]: [message] })

export const conflict = (field: string, message: string): ApiError =>
  new ApiError(409, message, { [field]: [message] })

/** An item of `…/validations` or of a package's `validationItems` (ingestion-v1.md §4.3). */
export const validationItem = (errorCode: string, resource: string, message: string) => ({
  errorCode,
  severity: 'Error' as const,
  message,
  resource
})
