/**
 * Errors as values with a stable code, a message a person can act on, and where it happened.
 * They are turned into annotations once, at the edge (src/report). Never put a secret, a token,
 * a SAS query string or a full URL with its query into any field of a PublishError.
 */

export type ErrorCode =
  // bad input: nothing was written
  | 'INPUT_INVALID'
  | 'MANIFEST_SYNTAX'
  | 'MANIFEST_INVALID'
  | 'MANIFEST_FILE'
  | 'VERSION_REQUIRED'
  // credentials
  | 'AUTH_FAILED'
  | 'AUTH_OIDC_UNAVAILABLE'
  // transport and service
  | 'HTTP_INSECURE'
  | 'HTTP_TIMEOUT'
  | 'HTTP_NETWORK'
  | 'HTTP_STATUS'
  | 'HTTP_BAD_REPLY'
  | 'RETRY_EXHAUSTED'
  | 'TIME_BUDGET_EXCEEDED'
  | 'CANCELLED'
  // publishing
  | 'OFFER_NOT_FOUND'
  | 'PLAN_NOT_FOUND'
  | 'UNSUPPORTED_OFFER'
  | 'DRAFT_NOT_FOUND'
  | 'UPLOAD_FAILED'
  | 'PACKAGE_PROCESS_FAILED'
  | 'IMAGE_PROCESS_FAILED'
  | 'SUBMISSION_CONFLICT'
  /** Someone else changed a resource between this run's read and its write (a real 412/409). */
  | 'CONCURRENT_CHANGE'
  | 'SUBMISSION_FAILED'
  /** A product-ingestion configure request refused, or its job failed (errors per resource). */
  | 'CONFIGURE_FAILED'
  | 'VERSION_NOT_HIGHER'
  | 'PLAN_TYPE_MISMATCH'
  /** A new offer or plan whose manifest lacks what its first submission needs: nothing was created. */
  | 'OFFER_INCOMPLETE'
  | 'UNEXPECTED'

/** A place in a file the user wrote (manifest, description file...). Lines and columns are 1-based. */
export interface SourceRef {
  file: string
  line?: number
  column?: number
}

export interface ErrorDetails {
  /** What to do about it, one sentence. */
  hint?: string
  /** Manifest field path, for example `offers[0].plans[1].package`. */
  field?: string
  source?: SourceRef
  /** Offer the error belongs to, when there is one. */
  offerId?: string
  // service errors
  method?: string
  /** Path only, never the query string. */
  path?: string
  status?: number
  serviceCode?: string
  requestId?: string
  /**
   * The items of the service's error `details` (the product-ingestion API names a resource in
   * each: `{code, message, resourceId}`), redacted; absent when the reply had none.
   */
  serviceDetails?: ServiceErrorDetail[]
  cause?: unknown
}

/** One item of a service error's `details`. */
export interface ServiceErrorDetail {
  code?: string
  message?: string
  /** A durable id, `{resourceName}` or `{externalId}` on the product-ingestion API. */
  resourceId?: unknown
}

export class PublishError extends Error {
  readonly code: ErrorCode
  readonly details: ErrorDetails

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message)
    this.name = 'PublishError'
    this.code = code
    this.details = details
  }
}

export function isPublishError(e: unknown): e is PublishError {
  return e instanceof PublishError
}
