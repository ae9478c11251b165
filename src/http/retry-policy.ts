/**
 * Which failures are worth another attempt and how long to wait first. Pure functions, so the
 * policy can be read (and tested) without a network.
 */

/** Throttling and the transient server errors of ingestion-v1.md §2.9. */
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504])

/**
 * Connection-level failures that a second attempt can cure: Node's socket errors and undici's
 * (a socket closed mid-reply, a connect that timed out). DNS "not found", malformed requests and
 * a closed dispatcher are left out on purpose: repeating them only delays the same error.
 */
const RETRYABLE_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT'
])

/** undici's header and body timers: the attempt ran out of time (HTTP_TIMEOUT), as our own timer. */
const TIMEOUT_ERROR_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status)
}

/** The error code of a network failure, looking one level into `cause` (where wrappers keep it). */
export function networkErrorCode(error: unknown): string | undefined {
  for (const candidate of [error, (error as { cause?: unknown } | undefined)?.cause]) {
    const code = (candidate as { code?: unknown } | undefined)?.code
    if (typeof code === 'string') return code
  }
  return undefined
}

export function isRetryableNetworkError(error: unknown): boolean {
  const code = networkErrorCode(error)
  return code !== undefined && RETRYABLE_ERROR_CODES.has(code)
}

export function isTimeoutError(error: unknown): boolean {
  const code = networkErrorCode(error)
  return code !== undefined && TIMEOUT_ERROR_CODES.has(code)
}

export interface BackoffOptions {
  baseDelayMs: number
  maxDelayMs: number
  random: () => number
}

/**
 * "Full jitter" exponential backoff: a uniform wait in [0, min(max, base·2^(n-1))] before retry n.
 * Spreads concurrent offers apart instead of retrying in lockstep.
 */
export function backoffDelay(retry: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1))
  const fraction = Math.min(1, Math.max(0, options.random()))
  return Math.round(ceiling * fraction)
}

export interface RetryAfterBounds {
  /** Longest wait we accept from the header; the service has never been seen to send one. */
  capMs: number
  /** Shortest wait, so `Retry-After: 0` or a date in the past does not hammer the service. */
  floorMs: number
}

/**
 * Parses `Retry-After` in both of its forms (RFC 9110 §10.2.3): delta-seconds or an HTTP-date.
 * Returns undefined when absent or unreadable, so the caller falls back to backoff.
 */
export function retryAfterDelay(
  header: string | undefined,
  now: number,
  bounds: RetryAfterBounds
): number | undefined {
  if (header === undefined) return undefined
  const value = header.trim()
  if (value === '') return undefined
  let ms: number
  if (/^\d+$/.test(value)) {
    ms = Number(value) * 1000
  } else {
    const at = Date.parse(value)
    if (Number.isNaN(at)) return undefined
    ms = at - now
  }
  return Math.min(bounds.capMs, Math.max(bounds.floorMs, ms))
}
