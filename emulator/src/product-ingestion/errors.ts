/**
 * The product-ingestion API's error shapes (product-ingestion.md §4.1–§4.2, §4.8; catalogue §5):
 * - a refused request: HTTP 4xx/5xx with `{"error": {"code", "message", "details": [...]}}`;
 * - a failed job: `errors[]` items `{code, message, resourceId?, details: [...]}`, always with a
 *   `details` array (cloudpub walks it and raises when it is not a list).
 * Codes are the schema's: top-level `badRequest`, `conflict`, … and inner `schemaValidationError`,
 * `businessValidationError`, …
 */
import type { ApiReply } from '../api/contract.js'

export type ResourceRef = string | { resourceName: string } | { externalId: string }

export interface InnerError {
  code: string
  message: string
  resourceId?: ResourceRef
  details: InnerError[]
}

/** An `errors[]` item of a configure status; the same shape as InnerError with a top-level code. */
export type JobError = InnerError

export type TopLevelCode =
  | 'badRequest'
  | 'unauthorized'
  | 'notFound'
  | 'methodNotAllowed'
  | 'conflict'
  | 'internalServerError'
  | 'serviceUnavailable'
  | 'tooManyRequests'

const STATUS: Record<TopLevelCode, number> = {
  badRequest: 400,
  unauthorized: 401,
  notFound: 404,
  methodNotAllowed: 405,
  conflict: 409,
  tooManyRequests: 429,
  internalServerError: 500,
  serviceUnavailable: 503
}

/** A refused request. `details` is left out when null, as in the 2025 schema-host 400. */
export function errorReply(
  code: TopLevelCode,
  message: string,
  details: readonly object[] | null = [],
  headers?: Record<string, string>
): ApiReply {
  const error = details === null ? { code, message } : { code, message, details }
  return { status: STATUS[code], body: { error }, ...(headers ? { headers } : {}) }
}

export function inner(
  code: string,
  message: string,
  resourceId?: ResourceRef,
  details: InnerError[] = []
): InnerError {
  return resourceId === undefined
    ? { code, message, details }
    : { code, message, resourceId, details }
}

/** Thrown by read handlers; the model turns it into errorReply(). */
export class PiError extends Error {
  constructor(
    readonly code: TopLevelCode,
    message: string,
    readonly details: InnerError[] = []
  ) {
    super(message)
  }
}

export const notFound = (what: string): PiError =>
  new PiError('notFound', `Resource not found: ${what}`)

export const badRequest = (message: string): PiError => new PiError('badRequest', message)
