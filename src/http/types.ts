/**
 * The one transport every request goes through (API, token endpoint, blob uploads): timeouts,
 * bounded jittered retries, Retry-After, the overall time budget, loopback-only plain http,
 * redaction and request counting live behind this interface and nowhere else.
 */
import type { Readable } from 'node:stream'
import type { Phase } from '../ingestion/api.js'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface HttpRequest {
  method: HttpMethod
  /** Absolute URL. Plain `http://` is refused unless the host is loopback. */
  url: string
  headers?: Record<string, string>
  /**
   * A string or bytes, or a factory called once per attempt that returns a fresh stream: an async
   * iterable (or a Node `Readable`) that opens what it reads on its first chunk and releases it
   * when it ends or is returned. undici may hold a yielded chunk until it is written to the
   * socket, so a producer must never reuse or change a chunk after yielding it.
   */
  body?: string | Uint8Array | (() => AsyncIterable<Uint8Array> | Readable)
  /** What the request is for, for the per-phase request counts. */
  phase: Phase
  /**
   * Retry 429/500/502/503/504 and network errors. False for calls that create something
   * (POST package, image, product, variant, submission): the caller looks up what the first
   * attempt did instead of repeating it blindly.
   */
  retry: boolean
  /** Per-attempt timeout; the transport's default when absent. */
  timeoutMs?: number
}

export interface HttpResponse {
  status: number
  /** Lower-case header names. */
  headers: Record<string, string>
  /** The body as text ('' for none). */
  text: string
  /** The service's `request-id` header, when present. */
  requestId?: string
}

export interface Transport {
  /**
   * Resolves with the final response whatever its status (after retrying the retryable ones as
   * the request allows); rejects with a PublishError for network failures and timeouts once
   * retries are spent, an insecure URL, the time budget, or cancellation.
   */
  send(request: HttpRequest): Promise<HttpResponse>
  /** Requests sent so far per phase (every attempt counts). */
  counts(): Record<Phase, number>
}
