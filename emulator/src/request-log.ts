/**
 * The emulator's request log (GET /_emulator/requests): what each request was, how it was
 * answered, whether it passed spec validation and which fault hit it. A bounded ring so a long
 * benchmark cannot grow it without limit; oldest entries drop first.
 */

export interface RequestLogEntry {
  seq: number
  time: string
  method: string
  /** Never the query string: `$skipToken`s are long and SAS signatures are secrets. */
  path: string
  /** The spec operation the request matched, e.g. `POST /products/{productID}/variants`. */
  operation?: string
  status: number
  requestId: string
  validation: 'ok' | 'failed' | 'skipped'
  errors?: string[]
  fault?: string
  /** The leniency rules (validate/deviations.ts) the request needed to be accepted, and where. */
  leniencies?: { rule: string; at: string }[]
  ms: number
}

export interface RequestLog {
  add(entry: Omit<RequestLogEntry, 'seq'>): void
  /** Oldest first, newest last. */
  entries(): RequestLogEntry[]
  clear(): void
}

export const DEFAULT_REQUEST_LOG_LIMIT = 10_000

export function createRequestLog(limit = DEFAULT_REQUEST_LOG_LIMIT): RequestLog {
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`request log limit must be a positive integer, got ${limit}`)
  let ring: RequestLogEntry[] = []
  /** Index of the oldest entry once the ring is full. */
  let start = 0
  let seq = 0

  return {
    add(entry) {
      const stored: RequestLogEntry = { ...entry, path: entry.path.split('?')[0], seq: ++seq }
      if (ring.length < limit) ring.push(stored)
      else {
        ring[start] = stored
        start = (start + 1) % limit
      }
    },
    entries() {
      return [...ring.slice(start), ...ring.slice(0, start)]
    },
    clear() {
      ring = []
      start = 0
    }
  }
}
