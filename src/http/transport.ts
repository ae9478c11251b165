/**
 * The Transport over one undici dispatcher (dispatcher.ts: keep-alive pools, the environment's
 * proxy), with our policy on top: one timeout per attempt (headers and body), bounded full-jitter
 * retries with Retry-After, the overall time budget, cancellation, loopback-only plain http,
 * per-phase counts and a redacted debug line per attempt.
 */
import { performance } from 'node:perf_hooks'
import { Readable } from 'node:stream'
import type { Dispatcher } from 'undici'
import type { Clock } from '../clock.js'
import { PublishError, isPublishError } from '../errors.js'
import type { Phase } from '../ingestion/api.js'
import { createDispatcher } from './dispatcher.js'
import { redact, redactUrl } from './redact.js'
import {
  backoffDelay,
  isRetryableNetworkError,
  isRetryableStatus,
  isTimeoutError,
  networkErrorCode,
  retryAfterDelay
} from './retry-policy.js'
import type { HttpRequest, HttpResponse, Transport } from './types.js'
import { checkUrl } from './url-policy.js'

// Callers import the error builder with the transport; it lives in its own file.
export { httpError } from './http-error.js'

export interface TransportOptions {
  clock: Clock
  /** Carries every request of the run; by default one from `process.env` (dispatcher.ts). */
  dispatcher?: Dispatcher
  /** Aborts everything (SIGINT/SIGTERM of a cancelled job): rejects with CANCELLED. */
  signal?: AbortSignal
  /** Epoch ms (on `clock`) when the overall budget (timeout-minutes) runs out. */
  deadline?: number
  /** Per attempt, headers and body together. Default 100 s. */
  timeoutMs?: number
  /** Attempts for a retryable request, the first included. Default 6. */
  maxAttempts?: number
  /** Backoff ceiling before the first retry, doubled per retry. Default 2 s. */
  baseDelayMs?: number
  /** Largest backoff ceiling. Default 60 s. */
  maxDelayMs?: number
  /** Largest `Retry-After` honoured. The evidence has no sample of one; default 120 s. */
  retryAfterCapMs?: number
  /** Shortest wait after a `Retry-After`. Default 1 s. */
  retryAfterFloorMs?: number
  random?: () => number
  /** Debug lines, already redacted. */
  log?: (line: string) => void
}

const PHASES: Phase[] = ['token', 'lookup', 'write', 'upload', 'poll']
const MAX_TIMER_MS = 2_147_483_647

type Attempt =
  | { kind: 'response'; response: HttpResponse }
  | { kind: 'error'; error: unknown; timedOut: boolean; budgetSpent: boolean }

export function createTransport(options: TransportOptions): Transport {
  const { clock, signal, deadline } = options
  const dispatcher = options.dispatcher ?? createDispatcher(process.env)
  const timeoutMs = options.timeoutMs ?? 100_000
  const maxAttempts = Math.max(1, options.maxAttempts ?? 6)
  const backoff = {
    baseDelayMs: options.baseDelayMs ?? 2_000,
    maxDelayMs: options.maxDelayMs ?? 60_000,
    random: options.random ?? Math.random
  }
  const retryAfterBounds = {
    capMs: options.retryAfterCapMs ?? 120_000,
    floorMs: options.retryAfterFloorMs ?? 1_000
  }
  const log = (line: string): void => options.log?.(redact(line))
  const counts = Object.fromEntries(PHASES.map(phase => [phase, 0])) as Record<Phase, number>

  async function send(request: HttpRequest): Promise<HttpResponse> {
    const url = checkUrl(request.url)
    const shown = `${request.method} ${redactUrl(request.url)}`
    const details = { method: request.method, path: url.pathname }
    const attempts = request.retry ? maxAttempts : 1

    for (let attempt = 1; ; attempt++) {
      throwIfCancelled(shown, details)
      if (deadline !== undefined && clock.now() >= deadline)
        throw budgetError(shown, details, 'before sending it')
      counts[request.phase]++
      const started = performance.now()
      const outcome = await attemptOnce(request, url, request.timeoutMs ?? timeoutMs)
      const ms = Math.round(performance.now() - started)
      const counter = `attempt ${attempt}/${Math.max(attempt, attempts)}`

      let reason: string
      let waitMs: number
      if (outcome.kind === 'response') {
        const { response } = outcome
        log(
          `HTTP ${shown} -> ${response.status} in ${ms} ms, request-id ${response.requestId ?? '-'}, ${counter}`
        )
        // A 429 refused the request before doing anything (RFC 6585 §4), so even a creating
        // request that must not be repeated blindly is safe to send again after the wait.
        const allowed = request.retry || response.status === 429 ? maxAttempts : 1
        if (!isRetryableStatus(response.status) || attempt >= allowed) return response
        const retryAfter = retryAfterDelay(
          response.headers['retry-after'],
          clock.now(),
          retryAfterBounds
        )
        reason = `HTTP ${response.status}${retryAfter !== undefined ? ', Retry-After' : ''}`
        waitMs = retryAfter ?? backoffDelay(attempt, backoff)
      } else {
        throwIfCancelled(shown, details)
        if (outcome.budgetSpent) throw budgetError(shown, details, 'while waiting for its reply')
        // Only our own code raises a PublishError: a body that could not read its file. That is
        // no network failure, and another attempt would not fix it.
        if (isPublishError(outcome.error)) throw outcome.error
        const what = outcome.timedOut ? 'timed out' : describeNetworkError(outcome.error)
        log(`HTTP ${shown} -> ${what} after ${ms} ms, ${counter}`)
        const retryable = outcome.timedOut || isRetryableNetworkError(outcome.error)
        if (!retryable || attempt >= attempts) throw networkError(shown, details, outcome, attempt)
        reason = what
        waitMs = backoffDelay(attempt, backoff)
      }

      if (deadline !== undefined && clock.now() + waitMs > deadline) {
        throw budgetError(
          shown,
          details,
          `after ${reason}: waiting ${seconds(waitMs)} to retry would cross it`
        )
      }
      log(`HTTP ${shown} retry in ${seconds(waitMs)} (${reason})`)
      try {
        await clock.sleep(waitMs, signal)
      } catch (error) {
        throwIfCancelled(shown, details)
        throw error
      }
    }
  }

  async function attemptOnce(
    request: HttpRequest,
    url: URL,
    attemptTimeoutMs: number
  ): Promise<Attempt> {
    const remaining = deadline === undefined ? Infinity : deadline - clock.now()
    // setTimeout fires at once for delays beyond 2^31-1 ms, so the limit is clamped below that.
    const limit = Math.max(1, Math.min(attemptTimeoutMs, remaining, MAX_TIMER_MS))
    const budgetLimited = remaining < attemptTimeoutMs
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort(new Error('attempt timed out'))
    }, limit)
    const onCancel = (): void => controller.abort(signal?.reason)
    signal?.addEventListener('abort', onCancel, { once: true })
    // A body factory's stream needs no cleanup here: undici destroys it on any failure (which
    // returns the iterable), and a stream never started has opened nothing.
    const body = typeof request.body === 'function' ? readable(request.body()) : request.body
    try {
      const reply = await dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers: request.headers,
        body,
        signal: controller.signal,
        // undici's own timers get the same limit, so its 300 s defaults never cut a long upload short.
        headersTimeout: limit,
        bodyTimeout: limit
      })
      // A reply cut off in its body rejects here (UND_ERR_SOCKET): retried like a reset.
      const text = await reply.body.text()
      const headers = flattenHeaders(reply.headers)
      return {
        kind: 'response',
        response: { status: reply.statusCode, headers, text, requestId: headers['request-id'] }
      }
    } catch (error) {
      const late = timedOut || isTimeoutError(error)
      return { kind: 'error', error, timedOut: late, budgetSpent: late && budgetLimited }
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onCancel)
    }
  }

  function throwIfCancelled(shown: string, details: { method: string; path: string }): void {
    if (signal?.aborted) throw new PublishError('CANCELLED', `Cancelled during ${shown}.`, details)
  }

  return {
    send,
    counts: () => ({ ...counts })
  }
}

function budgetError(
  shown: string,
  details: { method: string; path: string },
  when: string
): PublishError {
  return new PublishError(
    'TIME_BUDGET_EXCEEDED',
    redact(`The time budget (timeout-minutes) ran out for ${shown} ${when}.`),
    { ...details, hint: 'Raise timeout-minutes, or run again when the service is less busy.' }
  )
}

function networkError(
  shown: string,
  details: { method: string; path: string },
  outcome: Extract<Attempt, { kind: 'error' }>,
  attempts: number
): PublishError {
  const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`
  if (outcome.timedOut) {
    return new PublishError('HTTP_TIMEOUT', redact(`${shown} did not answer in time (${tries}).`), {
      ...details,
      cause: outcome.error,
      hint: 'Check the network path to the service; the service may be slow or unreachable.'
    })
  }
  return new PublishError(
    'HTTP_NETWORK',
    redact(`${shown} failed: ${describeNetworkError(outcome.error)} (${tries}).`),
    {
      ...details,
      cause: outcome.error,
      hint: 'Check the host name, proxy and network path to the service.'
    }
  )
}

function describeNetworkError(error: unknown): string {
  const code = networkErrorCode(error)
  const message = error instanceof Error ? error.message : String(error)
  return code && !message.includes(code) ? `${message} (${code})` : message
}

function flattenHeaders(
  headers: Record<string, string | string[] | undefined>
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined)
      out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

/**
 * An iterable body as the Readable undici takes. Readable.from asks for the next chunk only while
 * less than 64 KiB waits in its buffer, so it holds at most one upload slice ahead of the socket.
 */
function readable(stream: AsyncIterable<Uint8Array> | Readable): Readable {
  return stream instanceof Readable ? stream : Readable.from(stream, { objectMode: false })
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}
