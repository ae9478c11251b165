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
  /** Not in the schema's list (no 429 of this workload is recorded): the emulator's, for faults. */
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

/** A resource a job could not apply: becomes one entry of the job's `errors`. */
export class Refused extends Error {
  constructor(readonly error: JobError) {
    super(error.message)
  }
}

/**
 * Refuses a resource. A business failure nests as the service does it, top-level "Invalid
 * resource" with the reason in `details` (§4.2); other inner codes carry the reason at both levels.
 */
export function refuse(ref: ResourceRef | undefined, code: string, message: string): never {
  const named = ref === undefined ? {} : { resourceId: ref }
  const detail = { code, message, ...named, details: [] }
  const top = code === 'businessValidationError' ? 'Invalid resource' : message
  throw new Refused({ code: 'badRequest', message: top, ...named, details: [detail] })
}

/** How an error names a resource: its durable id, else its `resourceName`, else its external id. */
export function refOf(resource: Record<string, unknown> | undefined): ResourceRef | undefined {
  if (!resource) return undefined
  if (typeof resource.id === 'string') return resource.id
  if (typeof resource.resourceName === 'string') return { resourceName: resource.resourceName }
  const externalId = (resource.identity as Record<string, unknown> | undefined)?.externalId
  return typeof externalId === 'string' ? { externalId } : undefined
}
